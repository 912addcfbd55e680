import { request } from 'node:https';
import { demo } from '../../../support/server/demo-tenant';
import type { TlsTestServer } from './tls-test-server';

/** One HTTPS answer, read whole. */
export interface TlsResponse {
  readonly status: number;
  readonly text: string;
  /** The parsed JSON body (undefined when empty or not JSON). */
  readonly body: unknown;
}

/**
 * An HTTPS call from the test process itself, trusting the test CA for this request only (global trust
 * stays untouched, so other test files in the same worker see no difference).
 */
export function httpsCall(
  server: TlsTestServer,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<TlsResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      new URL(path, server.issuer),
      { method, ca: server.caCert, headers: init.headers ?? {} },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text === '' ? undefined : JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: incoming.statusCode ?? 0, text, body });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

/** The test's own view of the Management API, to check what the SDKs left on the server. */
export interface AdminView {
  get(path: string): Promise<TlsResponse>;
}

/**
 * Signs in the demo `admin` user for the Management API audience (password-realm, RBAC gives the admin
 * role's permissions). A user token has its own rate-limit bucket, apart from the M2M client the SDKs use.
 */
export async function adminView(server: TlsTestServer): Promise<AdminView> {
  const login = await httpsCall(server, 'POST', '/oauth/token', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: demo.users.admin.email,
      password: demo.users.admin.password,
      realm: demo.users.admin.realm,
      audience: `${server.issuer}api/v2/`,
    }).toString(),
  });
  const token = (login.body as { access_token?: unknown } | undefined)?.access_token;
  if (login.status !== 200 || typeof token !== 'string') throw new Error(`admin login failed: ${login.text}`);
  return {
    get: (path) => httpsCall(server, 'GET', `/api/v2${path}`, { headers: { authorization: `Bearer ${token}` } }),
  };
}
