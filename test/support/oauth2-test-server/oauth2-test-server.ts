import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { GenericServerState, genericDefaults, type GenericClient, type GenericRealms } from './oauth2-test-state';
import type { ServerIdentity } from './test-pki';

/**
 * A second, differently shaped RFC 6749 server for the desktop's `oauth2` profiles, inside the tests
 * (node:http, no framework). Where it differs from the Auth0-compatible reference server:
 * - Keycloak-style paths with a `{realm}` segment: `/realms/{realm}/protocol/openid-connect/token`;
 * - a discovery document per realm, whose issuer has no trailing slash;
 * - error bodies with only `error` (no description); a 401 with an empty body for bad client credentials;
 *   429 and 500 with empty bodies (users `throttled` and `broken`);
 * - `token_type: "bearer"` in lower case; refresh returns no new refresh token (no rotation).
 */
export interface OAuth2TestServer {
  /** `http(s)://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** The issuer of a realm, as its discovery document says: `<url>/realms/<realm>`. */
  issuerOf(realm: string): string;
  /** `…/realms/{realm}/protocol/openid-connect/<name>`, with `{realm}` left for the client to fill. */
  templateFor(name: 'token' | 'revoke' | 'userinfo' | 'certs'): string;
  /** Every request, in order, with its parsed form body: tests assert what the client sent. */
  readonly requests: readonly RecordedRequest[];
  isRevoked(refreshToken: string): boolean;
  close(): Promise<void>;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly form: Readonly<Record<string, string>>;
}

export interface OAuth2TestServerOptions {
  /** Serve HTTPS with this certificate instead of plain HTTP. */
  readonly tls?: ServerIdentity;
  readonly realms?: GenericRealms;
  readonly clients?: readonly GenericClient[];
  /** The server's clock (ms): token times and its `Date` header both follow it. */
  readonly clock?: () => number;
  /** Leave out the `Date` header, as some gateways do. */
  readonly omitDate?: boolean;
}

const realmPath =
  /^\/realms\/([^/]+)\/(\.well-known\/openid-configuration|protocol\/openid-connect\/(token|revoke|userinfo|certs))$/;

export async function startOAuth2TestServer(options: OAuth2TestServerOptions = {}): Promise<OAuth2TestServer> {
  const clock = options.clock ?? Date.now;
  const realms: GenericRealms = options.realms ?? genericDefaults.realms;
  const clients: readonly GenericClient[] = options.clients ?? genericDefaults.clients;
  const state = await GenericServerState.create(clock);
  const requests: RecordedRequest[] = [];
  let baseUrl = '';

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://local');
    const form = Object.fromEntries(new URLSearchParams(raw));
    requests.push({ method: request.method ?? '', path: url.pathname, headers: request.headers, form });
    if (options.omitDate) response.sendDate = false;
    else response.setHeader('Date', new Date(clock()).toUTCString());

    const match = realmPath.exec(url.pathname);
    const realm = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
    if (match === null || realm === undefined || realms[realm] === undefined) {
      return json(response, 404, { error: 'Realm does not exist' });
    }
    const issuer = `${baseUrl}/realms/${encodeURIComponent(realm)}`;
    const endpoint = match[3] ?? 'discovery';
    if (endpoint === 'discovery') return json(response, 200, discoveryDocument(issuer));
    if (endpoint === 'certs') return json(response, 200, { keys: [state.jwk] });
    if (endpoint === 'userinfo') {
      const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const grant = token === undefined ? undefined : state.accessGrant(realm, token);
      if (grant === undefined) {
        // RFC 6750 §3: the reason is in the challenge header; the body stays empty.
        response.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="generic", error="invalid_token"' });
        return response.end();
      }
      return json(response, 200, { sub: `${realm}:${grant.username}`, preferred_username: grant.username });
    }
    if (request.method !== 'POST') return json(response, 405, { error: 'invalid_request' });
    const client = authenticate(clients, request.headers.authorization, form);
    if (client === undefined) {
      // The empty-body 401: some servers say nothing more than the status for bad client credentials.
      response.writeHead(401, request.headers.authorization ? { 'WWW-Authenticate': 'Basic realm="generic"' } : {});
      return response.end();
    }
    if (endpoint === 'revoke') {
      if (form.token) state.revoke(client.clientId, form.token);
      response.writeHead(200);
      return response.end();
    }
    return tokenEndpoint(response, form, {
      realm,
      issuer,
      clientId: client.clientId,
      users: realms[realm] ?? {},
      state,
    });
  };

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch(() => json(response, 500, { error: 'server_error' }));
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    issuerOf: (realm) => `${baseUrl}/realms/${encodeURIComponent(realm)}`,
    templateFor: (name) => `${baseUrl}/realms/{realm}/protocol/openid-connect/${name}`,
    requests,
    isRevoked: (token) => state.isRevoked(token),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface TokenContext {
  readonly realm: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly users: Readonly<Record<string, string>>;
  readonly state: GenericServerState;
}

async function tokenEndpoint(response: ServerResponse, form: Record<string, string>, context: TokenContext) {
  const { realm, issuer, clientId, users, state } = context;
  if (form.grant_type === 'password') {
    if (!form.username || !form.password) return json(response, 400, { error: 'invalid_request' });
    if (form.username === 'throttled') {
      response.writeHead(429, { 'Retry-After': '30' });
      return response.end();
    }
    if (form.username === 'broken') {
      response.writeHead(500);
      return response.end();
    }
    if (users[form.username] !== form.password) return json(response, 400, { error: 'invalid_grant' });
    const scope = form.scope ?? 'openid';
    if (scope.split(' ').some((item) => !genericDefaults.scopes.includes(item))) {
      return json(response, 400, { error: 'invalid_scope' });
    }
    return json(response, 200, await state.issue(issuer, realm, clientId, form.username, scope));
  }
  if (form.grant_type === 'refresh_token') {
    const tokens = form.refresh_token ? await state.refresh(issuer, realm, clientId, form.refresh_token) : undefined;
    return tokens === undefined ? json(response, 400, { error: 'invalid_grant' }) : json(response, 200, tokens);
  }
  if (form.grant_type === undefined) return json(response, 400, { error: 'invalid_request' });
  return json(response, 400, { error: 'unsupported_grant_type' });
}

/** Client authentication, Basic or in the body (RFC 6749 §2.3.1); undefined when it fails. */
function authenticate(
  clients: readonly GenericClient[],
  authorization: string | undefined,
  form: Record<string, string>,
) {
  let clientId = form.client_id;
  let secret = form.client_secret;
  const basic = /^Basic (.+)$/i.exec(authorization ?? '')?.[1];
  if (basic !== undefined) {
    const [id = '', pass = ''] = Buffer.from(basic, 'base64').toString().split(':');
    clientId = decodeForm(id);
    secret = decodeForm(pass);
  }
  const client = clients.find((candidate) => candidate.clientId === clientId);
  if (client === undefined) return undefined;
  return client.secret === undefined || client.secret === secret ? client : undefined;
}

function decodeForm(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

function discoveryDocument(issuer: string) {
  const at = (name: string) => `${issuer}/protocol/openid-connect/${name}`;
  return {
    issuer,
    token_endpoint: at('token'),
    revocation_endpoint: at('revoke'),
    userinfo_endpoint: at('userinfo'),
    jwks_uri: at('certs'),
    grant_types_supported: ['password', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
