import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { cheapArgon2, CountingHasher } from '../../support/server/cheap-hasher';
import { postForm } from '../../support/server/http';
import { managementClient, managementToken } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';
import { lastLogSeq, readTenantLog } from '../../support/server/tenant-log';
import { createTestClock, DAY } from '../../support/server/test-clock';

const BRUTE_FORCE_TEXT =
  "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.";
const SUSPICIOUS_IP_TEXT =
  'We have detected suspicious login behavior and further attempts will be blocked. Please contact the administrator.';

const clock = createTestClock();
let server: TestServer;
let hasher: CountingHasher;

beforeAll(async () => {
  hasher = new CountingHasher(await cheapArgon2());
  server = await startTestServer({ clock: clock.now, server: { passwordHasher: hasher } });
});
afterAll(() => server.close());

const { alice, bob } = demo.users;

/** gatehouse-backend is trusted with auth0-forwarded-for and authenticates with its secret (§3.1). */
function backendLogin(ip: string, username: string, password: string) {
  return postForm(
    `${server.url}/oauth/token`,
    {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.backend.clientId,
      client_secret: demo.clients.backend.secret,
      username,
      password,
      realm: demo.realms.employees,
    },
    { 'auth0-forwarded-for': ip },
  );
}

/** gatehouse-desktop is public: its auth0-forwarded-for must be ignored. */
function desktopLogin(username: string, password: string, realm: string, forwardedFor?: string) {
  return postForm(
    `${server.url}/oauth/token`,
    { grant_type: demo.grants.passwordRealm, client_id: demo.clients.desktop.clientId, username, password, realm },
    forwardedFor === undefined ? {} : { 'auth0-forwarded-for': forwardedFor },
  );
}

async function failTimes(times: number, attempt: () => Promise<{ status: number; json: Record<string, unknown> }>) {
  for (let i = 0; i < times; i += 1) {
    const response = await attempt();
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ error: 'invalid_grant', error_description: 'Wrong email or password.' });
  }
}

describe('brute-force protection (per identifier and IP, threshold 10)', () => {
  it('answers 429 too_many_attempts after 10 failures, even for the right password, from that IP only', async () => {
    const seq = lastLogSeq(server.dataDir);
    await failTimes(10, () => backendLogin('198.51.100.10', alice.email, 'wrong-password'));

    const blocked = await backendLogin('198.51.100.10', alice.email, alice.password);
    expect(blocked.status).toBe(429);
    expect(blocked.json).toEqual({ error: 'too_many_attempts', error_description: BRUTE_FORCE_TEXT });
    expect(blocked.headers.get('cache-control')).toBe('no-store');
    // A blocked attempt is refused before any hashing.
    hasher.reset();
    await backendLogin('198.51.100.10', 'ALICE@example.com', alice.password);
    expect(hasher.counts).toEqual({ hash: 0, verify: 0, dummyVerify: 0 });

    expect((await backendLogin('198.51.100.11', alice.email, alice.password)).status).toBe(200);

    const events = readTenantLog(server.dataDir, seq);
    expect(events.filter((event) => event.type === 'fp')).toHaveLength(10);
    const limit = events.filter((event) => event.type === 'limit_wc');
    expect(limit.length).toBeGreaterThanOrEqual(1);
    expect(limit[0]).toMatchObject({ ip: '198.51.100.10', user_name: alice.email, connection: 'employees' });
  });

  it('counts an identifier nobody has exactly like a real one, with one dummy hash per attempt', async () => {
    hasher.reset();
    await failTimes(10, () => backendLogin('198.51.100.20', 'ghost@example.com', 'whatever'));
    expect(hasher.counts).toEqual({ hash: 0, verify: 0, dummyVerify: 10 });

    hasher.reset();
    await failTimes(1, () => backendLogin('198.51.100.21', alice.email, 'wrong-password'));
    expect(hasher.counts).toEqual({ hash: 0, verify: 1, dummyVerify: 0 });

    const blocked = await backendLogin('198.51.100.20', 'ghost@example.com', 'whatever');
    expect(blocked.status).toBe(429);
    expect(blocked.json['error_description']).toBe(BRUTE_FORCE_TEXT);
  });

  it('is released by DELETE /api/v2/user-blocks, which logs ublkdu', async () => {
    await failTimes(10, () => backendLogin('198.51.100.30', bob.email, 'nope'));
    const admin = managementClient(server, await managementToken(server, 'm2m'));
    const listed = await admin.get(`/user-blocks?identifier=${encodeURIComponent(bob.email)}`);
    expect(listed.status).toBe(200);
    expect(listed.json['blocked_for']).toEqual([
      { identifier: bob.email, ip: '198.51.100.30', connection: 'employees' },
    ]);

    const seq = lastLogSeq(server.dataDir);
    const released = await admin.delete(`/user-blocks?identifier=${encodeURIComponent(bob.email)}`);
    expect(released.status).toBe(204);
    expect(readTenantLog(server.dataDir, seq).map((event) => event.type)).toContain('ublkdu');
    // The counter starts again from zero: one more failure is a plain 403.
    await failTimes(1, () => backendLogin('198.51.100.30', bob.email, 'nope'));
  });

  it('ends by itself 30 days after the block', async () => {
    await failTimes(10, () => backendLogin('198.51.100.40', alice.email, 'wrong-password'));
    expect((await backendLogin('198.51.100.40', alice.email, alice.password)).status).toBe(429);
    clock.advance(30 * DAY - 1_000);
    expect((await backendLogin('198.51.100.40', alice.email, alice.password)).status).toBe(429);
    clock.advance(1_000);
    expect((await backendLogin('198.51.100.40', alice.email, alice.password)).status).toBe(200);
  });
});

describe('auth0-forwarded-for (§3.1)', () => {
  it('is ignored for a public client: its failures count against the caller’s own address', async () => {
    const seq = lastLogSeq(server.dataDir);
    for (let i = 0; i < 10; i += 1) {
      const response = await desktopLogin(bob.email, 'nope', demo.realms.contractors, `203.0.113.${i + 1}`);
      expect(response.status).toBe(403);
    }
    const sameCaller = await desktopLogin(bob.email, bob.password, demo.realms.contractors, '203.0.113.99');
    expect(sameCaller.status).toBe(429);
    const events = readTenantLog(server.dataDir, seq).filter((event) => event.type === 'fp');
    expect(new Set(events.map((event) => event.ip))).toEqual(new Set(['127.0.0.1']));
  });

  it('is honoured for the trusted, secret-authenticated backend, and logged as ip beside client_ip', async () => {
    const seq = lastLogSeq(server.dataDir);
    const response = await postForm(
      `${server.url}/oauth/token`,
      {
        grant_type: demo.grants.passwordRealm,
        client_id: demo.clients.backend.clientId,
        client_secret: demo.clients.backend.secret,
        username: bob.email,
        password: bob.password,
        realm: demo.realms.contractors,
      },
      { 'auth0-forwarded-for': '203.0.113.1', 'user-agent': 'gatehouse-test/1.0' },
    );
    // The desktop's block was on 127.0.0.1, not on the address the backend vouches for.
    expect(response.status).toBe(200);
    const [event] = readTenantLog(server.dataDir, seq).filter((row) => row.type === 'sepft');
    expect(event).toMatchObject({
      ip: '203.0.113.1',
      client_ip: '127.0.0.1',
      client_id: demo.clients.backend.clientId,
      client_name: 'Gatehouse Backend',
      connection: 'contractors',
      strategy: 'auth0',
      user_name: bob.email,
      user_agent: 'gatehouse-test/1.0',
    });
  });
});

describe('suspicious-IP throttling', () => {
  it('allows 100 failures per IP per day, then refuses every login from that IP with 429', async () => {
    const seq = lastLogSeq(server.dataDir);
    for (let i = 0; i < 100; i += 1) {
      // A different identifier each time, so brute-force protection never triggers.
      const response = await backendLogin('198.51.100.50', `user${i}@example.com`, 'guess');
      expect(response.status).toBe(403);
    }
    const throttled = await backendLogin('198.51.100.50', alice.email, alice.password);
    expect(throttled.status).toBe(429);
    expect(throttled.json).toEqual({ error: 'too_many_attempts', error_description: SUSPICIOUS_IP_TEXT });
    expect(readTenantLog(server.dataDir, seq).filter((event) => event.type === 'limit_mu').length).toBeGreaterThan(0);
    expect((await backendLogin('198.51.100.51', alice.email, alice.password)).status).toBe(200);

    // One attempt comes back every 864 000 ms (100 a day).
    clock.advance(864_000);
    expect((await backendLogin('198.51.100.50', alice.email, alice.password)).status).toBe(200);
  });

  it('follows the settings the Management API changes', async () => {
    const admin = managementClient(server, await managementToken(server, 'm2m'));
    const patched = await admin.patch('/attack-protection/suspicious-ip-throttling', {
      stage: { 'pre-login': { max_attempts: 2 } },
    });
    expect(patched.status).toBe(200);
    await failTimes(2, () => backendLogin('198.51.100.60', 'x@example.com', 'guess'));
    expect((await backendLogin('198.51.100.60', alice.email, alice.password)).status).toBe(429);

    const off = await admin.patch('/attack-protection/suspicious-ip-throttling', { enabled: false });
    expect(off.status).toBe(200);
    expect((await backendLogin('198.51.100.60', alice.email, alice.password)).status).toBe(200);
  });
});
