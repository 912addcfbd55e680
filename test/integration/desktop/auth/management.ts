import type { AxiosInstance } from 'axios';
import { demo } from '../../../support/server/demo-tenant';
import { clientFor, testNetwork } from './reference-clients';

/**
 * The reference server's Management API, as an admin test fixture: a token from the M2M client (through
 * the real token client), then plain JSON calls.
 */
export interface Management {
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }>;
  userId(email: string): Promise<string | undefined>;
}

export async function management(issuer: string): Promise<Management> {
  const network = testNetwork();
  const m2m = clientFor(
    network,
    { issuer, clientId: demo.clients.adminM2m.clientId, clientAuth: 'client_secret_post' },
    demo.clients.adminM2m.secret,
  );
  const token = await m2m.clientCredentials({ audience: `${issuer}api/v2/` });
  if (!token.ok) throw new Error(`No Management API token: ${token.error.message}`);
  const http: AxiosInstance = network.http;
  const call: Management['call'] = async (method, path, body) => {
    const response = await http.request<string>({
      method,
      url: new URL(`api/v2/${path.replace(/^\//, '')}`, issuer).toString(),
      headers: { Authorization: `Bearer ${token.value.accessToken}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    let json: unknown;
    try {
      json = JSON.parse(response.data);
    } catch {
      json = undefined;
    }
    return { status: response.status, json };
  };
  return {
    call,
    async userId(email) {
      const found = await call('GET', `users?q=${encodeURIComponent(`email:"${email}"`)}`);
      const list = Array.isArray(found.json) ? found.json : (found.json as { users?: unknown[] } | undefined)?.users;
      return (list?.[0] as { user_id?: string } | undefined)?.user_id;
    },
  };
}
