import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth0Endpoints } from '../../../../main/auth/server-endpoints';
import { TokenClient } from '../../../../main/auth/token-client';
import { createHttpClient } from '../../../../main/net/http-client';

// Extra parameters for one sign-in (the login form's Advanced section) reach the token endpoint over the
// profile's own, and can never replace a parameter of the grant or a credential. A peer records the form.

let server: Server;
let issuer: string;
const bodies: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString());
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ access_token: 'at', token_type: 'Bearer', expires_in: 60 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client() {
  return new TokenClient({
    http: createHttpClient({ userAgent: 'Gatehouse/test' }),
    clientId: 'desktop',
    clientAuth: { method: 'none' },
    endpoints: auth0Endpoints({ issuer }),
    clock: () => 1_000,
    extraParams: { ui_locales: 'en', device: 'profile-desk' },
  });
}

describe('extra parameters for one sign-in', () => {
  it('are sent with the password grant, winning over the profile’s for the same name', async () => {
    bodies.length = 0;
    const result = await client().signIn({
      realm: 'employees',
      username: 'alice@example.com',
      password: 'pw',
      extraParams: { device: 'this-sign-in', login_hint: 'alice' },
    });
    expect(result.ok).toBe(true);
    const form = Object.fromEntries(new URLSearchParams(bodies[0]));
    expect(form).toMatchObject({ device: 'this-sign-in', login_hint: 'alice', ui_locales: 'en', realm: 'employees' });
  });

  it('never replace the grant’s own parameters or credentials', async () => {
    bodies.length = 0;
    await client().signIn({
      realm: 'employees',
      username: 'alice@example.com',
      password: 'pw',
      extraParams: { username: 'mallory', grant_type: 'client_credentials', client_secret: 'x' },
    });
    const form = Object.fromEntries(new URLSearchParams(bodies[0]));
    expect(form.username).toBe('alice@example.com');
    expect(form.grant_type).toBe('http://auth0.com/oauth/grant-type/password-realm');
    expect(form.client_secret).toBeUndefined();
  });
});
