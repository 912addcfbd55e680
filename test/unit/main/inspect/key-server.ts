import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
} from 'jose';
import { ok } from '../../../../common/result';
import { Inspector, type InspectorOptions } from '../../../../main/inspect/inspector';
import { createHttpClient } from '../../../../main/net/http-client';
import { Profile, type ProfileInput } from '../../../../main/settings/profile';

/** A key pair made at test time, with its public JWK as an issuer would publish it. */
export interface TestKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function makeKey(alg = 'RS256', kid?: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const id = kid ?? (await calculateJwkThumbprint(jwk));
  return { kid: id, alg, privateKey, publicKey, publicJwk: { ...jwk, kid: id, alg, use: 'sig' } };
}

/** Signs claims with a test key; `header` may add or override members (a forged `kid`, a `jku`…). */
export function sign(key: TestKey, claims: JWTPayload, header: Partial<JWTHeaderParameters> = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
    .sign(key.privateKey);
}

/** One request the server saw, for assertions on what the inspector fetched and sent. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/**
 * A small issuer over real HTTP on 127.0.0.1: JWKS, discovery and an RFC 7662 introspection endpoint.
 * Every request is recorded so tests can count JWKS fetches.
 */
export interface KeyServer {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly requests: SeenRequest[];
  jwksRequests(): number;
  publish(keys: readonly TestKey[] | readonly JWK[]): void;
  /** Overrides discovery's `issuer`, to test a server that names someone else. */
  discoveryIssuer: string | null;
  /** Token → active, for the introspection endpoint. */
  readonly activeTokens: Set<string>;
  close(): Promise<void>;
}

/** Auth0's JWKS path, and Keycloak's per-realm one (`/realms/<realm>/certs`). */
const isKeySetPath = (path: string) => path === '/.well-known/jwks.json' || /^\/realms\/[^/]+\/certs$/.test(path);

export async function startKeyServer(keys: readonly TestKey[] = []): Promise<KeyServer> {
  let published: JWK[] = keys.map((key) => key.publicJwk);
  const requests: SeenRequest[] = [];
  const activeTokens = new Set<string>();
  const state = { discoveryIssuer: null as string | null };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body });
      const json = (status: number, value: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (isKeySetPath(path)) return json(200, { keys: published });
      if (path === '/.well-known/openid-configuration') {
        return json(200, {
          issuer: state.discoveryIssuer ?? issuer,
          token_endpoint: `${issuer}oauth/token`,
          jwks_uri: `${issuer}.well-known/jwks.json`,
          introspection_endpoint: `${issuer}introspect`,
        });
      }
      if (path === '/introspect' && request.method === 'POST') {
        if (request.headers.authorization !== `Basic ${Buffer.from('inspector-app:s3cret').toString('base64')}`) {
          return json(401, { error: 'invalid_client' });
        }
        const token = new URLSearchParams(body).get('token') ?? '';
        return json(
          200,
          activeTokens.has(token)
            ? { active: true, scope: 'read:reports', client_id: 'inspector-app' }
            : { active: false },
        );
      }
      return json(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/`;
  return {
    issuer,
    jwksUrl: `${issuer}.well-known/jwks.json`,
    requests,
    activeTokens,
    jwksRequests: () => requests.filter((request) => isKeySetPath(request.path)).length,
    publish(next) {
      published = next.map((key) => ('publicJwk' in key ? key.publicJwk : key) as JWK);
    },
    get discoveryIssuer() {
      return state.discoveryIssuer;
    },
    set discoveryIssuer(value) {
      state.discoveryIssuer = value;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** An inspector over the app's real HTTP client, with a fixed clock. */
export function inspectorAt(nowMs: number, extra: Partial<InspectorOptions> = {}): Inspector {
  return new Inspector({
    httpFor: async () => ok(createHttpClient({ userAgent: 'gatehouse-unit-test', timeoutMs: 5_000 })),
    clock: () => nowMs,
    ...extra,
  });
}

/** An Auth0-kind profile for the key server's issuer. */
export function profileFor(issuer: string, overrides: Partial<ProfileInput> = {}): Profile {
  return Profile.parse({
    id: 'unit',
    name: 'Unit test issuer',
    kind: 'auth0',
    issuer,
    clientId: 'inspector-app',
    audience: 'https://api.example.test/',
    ...overrides,
  });
}
