import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfileHttpClient } from '../../../main/net/profile-http-client';
import { testConnection } from '../../../main/settings/connection-test';
import { Profile } from '../../../main/settings/profile';
import { demoProfile } from '../../support/desktop-profile';
import { startTestServer, type TestServer } from '../../support/server/start-test-server';

// Settings' "Test connection" against the real reference server, and against a port nobody listens on.
let server: TestServer;
const httpFor = (profile: Profile) => createProfileHttpClient(profile, { userAgent: 'Gatehouse/test' });

/** A port that was free a moment ago: bound, read, released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('test connection', () => {
  it('passes discovery, the key set and the credential-free token probe against the demo server', async () => {
    const report = await testConnection(demoProfile(server.issuer), { httpFor });
    expect(report.ok && report.value.ok).toBe(true);
    const steps = report.ok ? report.value.steps : [];
    expect(steps.map((step) => [step.id, step.status])).toEqual([
      ['discovery', 'pass'],
      ['jwks', 'pass'],
      ['token', 'pass'],
    ]);
    expect(steps[1]?.reason).toMatch(/key set has \d+ key/);
    expect(steps[2]?.reason).toMatch(/answered 40[01] to a request with no credentials/);
  });

  it('checks endpoints typed by hand, and says a wrong token path is not a token endpoint', async () => {
    const profile = Profile.parse({
      ...demoProfile(server.issuer),
      kind: 'oauth2',
      endpoints: { token: `${server.url}/oauth/nothing-here`, jwks: `${server.url}/.well-known/jwks.json` },
    });
    const report = await testConnection(profile, { httpFor });
    const steps = report.ok ? report.value.steps : [];
    expect(steps.map((step) => step.status)).toEqual(['pass', 'pass', 'fail']);
    expect(steps[2]?.reason).toMatch(/No token endpoint at this address|Unexpected answer/);
  });

  it('fails every step it can try against a closed port, saying nothing accepted the connection', async () => {
    const port = await closedPort();
    const report = await testConnection(demoProfile(`http://127.0.0.1:${port}/`), { httpFor });
    expect(report.ok && report.value.ok).toBe(false);
    const steps = report.ok ? report.value.steps : [];
    expect(steps[0]).toMatchObject({ id: 'discovery', status: 'fail', reason: /nothing accepted the connection/ });
    expect(steps.slice(1).map((step) => step.status)).toEqual(['skip', 'skip']);
  });
});
