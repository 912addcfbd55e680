/** Helpers for calling the reference server's Management API v2 in tests. */
import { demo } from './demo-tenant';
import type { ReadResponse } from './http';
import { postForm } from './http';

/** Who asks for a Management API token. */
export type ManagementCaller = 'm2m' | 'admin' | 'support' | 'alice';

/** The Management API audience of a server (auth0-wire.md §0): `<issuer>api/v2/`. */
export function managementAudience(issuer: string): string {
  return `${issuer}api/v2/`;
}

/**
 * Gets a Management API access token over HTTP: `client_credentials` for the M2M client, or a
 * password-realm login (RBAC decides the scopes) for a demo user.
 */
export async function managementToken(
  server: { url: string; issuer: string },
  caller: ManagementCaller,
  scope?: string,
): Promise<string> {
  const audience = managementAudience(server.issuer);
  const params: Record<string, string> =
    caller === 'm2m'
      ? {
          grant_type: demo.grants.clientCredentials,
          client_id: demo.clients.adminM2m.clientId,
          client_secret: demo.clients.adminM2m.secret,
          audience,
        }
      : {
          grant_type: demo.grants.passwordRealm,
          client_id: demo.clients.desktop.clientId,
          username: demo.users[caller].email,
          password: demo.users[caller].password,
          realm: demo.users[caller].realm,
          audience,
        };
  if (scope !== undefined) params['scope'] = scope;
  const response = await postForm(`${server.url}/oauth/token`, params);
  const token = response.json['access_token'];
  if (response.status !== 200 || typeof token !== 'string') {
    throw new Error(`no Management API token for ${caller}: ${response.status} ${response.text}`);
  }
  return token;
}

/** A response whose JSON body may be any value (listings are bare arrays). */
export interface ManagementResponse extends Omit<ReadResponse, 'json'> {
  readonly body: unknown;
  /** The body as an object (empty when it is not one), for quick field checks. */
  readonly json: Record<string, unknown>;
}

/** A small client for `/api/v2` with a fixed token. */
export interface ManagementClient {
  get(path: string): Promise<ManagementResponse>;
  post(path: string, body?: unknown): Promise<ManagementResponse>;
  patch(path: string, body?: unknown): Promise<ManagementResponse>;
  put(path: string, body?: unknown): Promise<ManagementResponse>;
  delete(path: string, body?: unknown): Promise<ManagementResponse>;
  /** Any method with exactly the headers and raw body given (the token is not added). */
  raw(
    method: string,
    path: string,
    init?: { headers?: Record<string, string>; body?: string },
  ): Promise<ManagementResponse>;
}

async function read(response: Response): Promise<ManagementResponse> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON; tests look at `text`.
  }
  const json =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { status: response.status, headers: response.headers, text, body, json };
}

/** Builds a client for `server` that sends `token` as a Bearer token. */
export function managementClient(server: { url: string }, token: string | undefined): ManagementClient {
  const base = `${server.url}/api/v2`;
  const send = async (method: string, path: string, body?: unknown) =>
    read(
      await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(token !== undefined && { authorization: `Bearer ${token}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
    );
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    patch: (path, body) => send('PATCH', path, body),
    put: (path, body) => send('PUT', path, body),
    delete: (path, body) => send('DELETE', path, body),
    raw: async (method, path, init = {}) =>
      read(
        await fetch(`${base}${path}`, {
          method,
          headers: init.headers ?? {},
          ...(init.body !== undefined && { body: init.body }),
        }),
      ),
  };
}

/** Whether `body` has exactly the Management API error shape with this status (auth0-wire.md §0). */
export function isManagementError(body: unknown, status: number): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  return (
    Object.keys(record).sort().join(',') === 'error,errorCode,message,statusCode' &&
    record['statusCode'] === status &&
    typeof record['error'] === 'string' &&
    typeof record['message'] === 'string' &&
    typeof record['errorCode'] === 'string'
  );
}
