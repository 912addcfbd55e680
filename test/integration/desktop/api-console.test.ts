import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopServices } from '../../../main/app/desktop-services';
import { KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { Profile } from '../../../main/settings/profile';
import { alice, demoProfile } from '../../support/desktop-profile';
import { startTestServer } from '../../support/server/start-test-server';
import { testSettings } from '../../support/test-settings';

// The API console: main calls the configured API with the session's token; a 401 makes it refresh once
// and retry once; a URL outside the API is refused before anything is sent.
let server: Awaited<ReturnType<typeof startTestServer>>;
let api: Server;
let apiBase: string;
const seenTokens: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  api = createServer((request, response) => {
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    seenTokens.push(token);
    // The first token we see is "expired" as far as this API is concerned.
    if (seenTokens.length === 1) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"expired"}');
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-42' })
      .end(JSON.stringify({ sub: decodeJwt(token).sub, path: request.url, trace: request.headers['x-trace'] }));
  });
  await new Promise<void>((done) => api.listen(0, '127.0.0.1', done));
  apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/`;
});
afterAll(async () => {
  await new Promise((done) => api.close(done));
  await server.close();
});

const ourWindow = { frameUrl: 'app://gatehouse/index.html', isMainFrame: true };

describe('API console', () => {
  it('calls the API with the token, refreshes once on a 401 and retries, and never shows the token', async () => {
    const profile = Profile.parse({ ...demoProfile(server.issuer, 'console'), apiBaseUrl: apiBase });
    const { router, sessions } = createDesktopServices({
      settings: testSettings([profile]),
      secretStore: new KeytarSecretStore(),
      trustedOrigin: 'app://gatehouse',
      userAgent: 'Gatehouse/test',
    });
    await router.handle('auth:signIn', ourWindow, { profileId: profile.id, ...alice });

    const answer = await router.handle('api:call', ourWindow, {
      method: 'GET',
      url: `${apiBase}reports?x=1`,
      headers: { 'X-Trace': 'support-ticket-7' },
    });
    expect(answer).toMatchObject({ ok: true, value: { status: 200, retriedAfterRefresh: true } });
    expect(answer).toMatchObject({ value: { headers: { 'x-request-id': 'req-42' } } });
    expect(seenTokens).toHaveLength(2);
    expect(seenTokens[0]).not.toBe(seenTokens[1]);
    const body = answer.ok ? JSON.parse((answer.value as { body: string }).body) : {};
    expect(body).toMatchObject({
      path: '/api/reports?x=1',
      sub: expect.stringMatching(/^auth0\|/),
      trace: 'support-ticket-7',
    });
    for (const token of seenTokens) expect(JSON.stringify(answer)).not.toContain(token);

    for (const outside of [
      `${apiBase.replace('/api/', '/apiary/')}x`,
      'https://evil.example/api/',
      apiBase.replace('127.0.0.1', 'localhost'),
    ]) {
      const refused = await router.handle('api:call', ourWindow, { method: 'GET', url: outside });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const ownToken = await router.handle('api:call', ourWindow, {
      method: 'GET',
      url: apiBase,
      headers: { authorization: 'Bearer stolen' },
    });
    expect(ownToken).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(seenTokens).toHaveLength(2);
    sessions.dispose();
  });
});
