import { beforeEach, describe, expect, it } from 'vitest';
import {
  BruteForcePatchWire,
  defaultBruteForceSettings,
  patchBruteForce,
  patchSuspiciousIp,
  SuspiciousIpPatchWire,
  toSuspiciousIpWire,
} from '../../../../server/security/attack-protection-settings';
import { BLOCK_DURATION_MS } from '../../../../server/storage/brute-force-repository';
import { openMemoryDatabase } from '../../../../server/storage/database';
import type { SqliteDatabase } from '../../../../server/storage/database';
import type { Repositories } from '../../../../server/storage/repositories';
import { createSqliteRepositories } from '../../../../server/storage/repositories';

const HOUR = 3_600_000;
let now: number;
let db: SqliteDatabase;
let repos: Repositories;
let aliceId: string;

beforeEach(() => {
  now = Date.UTC(2026, 0, 1);
  db = openMemoryDatabase();
  repos = createSqliteRepositories(db, () => now);
  const employees = repos.connections.create({ name: 'employees', strategy: 'auth0', options: {} });
  aliceId = repos.users.create({
    connectionId: employees.id,
    email: 'Alice@Example.com',
    username: 'alice',
    passwordHash: null,
    emailVerified: true,
    name: null,
    nickname: null,
    picture: null,
  }).id;
});

const key = (identifier: string, ip = '203.0.113.7', connection = 'employees') => ({ connection, identifier, ip });

describe('brute-force counters and user blocks', () => {
  it('blocks a key on the 10th consecutive failure, and only that key', () => {
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      expect(repos.loginFailures.recordFailure(key('alice@example.com'), 10)).toEqual({
        failures: attempt,
        blockedNow: false,
      });
    }
    expect(repos.loginFailures.blockedSince(key('alice@example.com'))).toBeUndefined();
    expect(repos.loginFailures.recordFailure(key('alice@example.com'), 10)).toEqual({ failures: 10, blockedNow: true });
    expect(repos.loginFailures.blockedSince(key('alice@example.com'))).toBe(now);
    expect(repos.loginFailures.blockedSince(key('alice@example.com', '198.51.100.1'))).toBeUndefined();
    expect(repos.loginFailures.blockedSince(key('alice@example.com', '203.0.113.7', 'contractors'))).toBeUndefined();
  });

  it('ends a block by itself after 30 days', () => {
    for (let i = 0; i < 10; i += 1) repos.loginFailures.recordFailure(key('alice@example.com'), 10);
    now += BLOCK_DURATION_MS - 1;
    expect(repos.loginFailures.blockedSince(key('alice@example.com'))).toBeDefined();
    now += 1;
    expect(repos.loginFailures.blockedSince(key('alice@example.com'))).toBeUndefined();
    expect(repos.loginFailures.recordFailure(key('alice@example.com'), 10)).toEqual({ failures: 1, blockedNow: false });
  });

  it('resets the counter on success, so only consecutive failures count', () => {
    for (let i = 0; i < 9; i += 1) repos.loginFailures.recordFailure(key('alice@example.com'), 10);
    repos.loginFailures.reset(key('alice@example.com'));
    expect(repos.loginFailures.recordFailure(key('alice@example.com'), 10).failures).toBe(1);
  });

  it('lists and releases blocks by identifier (any case) and by user id, logging ublkdu', () => {
    for (let i = 0; i < 10; i += 1) {
      repos.loginFailures.recordFailure(key('alice@example.com'), 10);
      repos.loginFailures.recordFailure(key('alice', '198.51.100.1'), 10);
      repos.loginFailures.recordFailure(key('nobody@example.com'), 10);
    }
    expect(repos.userBlocks.listByIdentifier('ALICE@example.com')).toEqual([
      { identifier: 'alice@example.com', ip: '203.0.113.7', connection: 'employees' },
    ]);
    expect(repos.userBlocks.listByUserId(aliceId)).toEqual([
      { identifier: 'alice', ip: '198.51.100.1', connection: 'employees' },
      { identifier: 'alice@example.com', ip: '203.0.113.7', connection: 'employees' },
    ]);
    // Identifiers nobody has are blocked the same way (nothing is revealed), and can be listed.
    expect(repos.userBlocks.listByIdentifier('nobody@example.com')).toHaveLength(1);

    const released = repos.userBlocks.clearByUserId(aliceId, { ip: '10.0.0.9', clientId: 'admin-pane' });
    expect(released).toHaveLength(2);
    expect(repos.userBlocks.listByUserId(aliceId)).toEqual([]);
    expect(repos.loginFailures.blockedSince(key('alice@example.com'))).toBeUndefined();
    expect(repos.loginFailures.recordFailure(key('alice@example.com'), 10).failures).toBe(1);

    const events = repos.logs.list({ where: [{ field: 'type', values: ['ublkdu'] }] }).entries;
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      type: 'ublkdu',
      userId: `auth0|${aliceId}`,
      ip: '10.0.0.9',
      clientId: 'admin-pane',
    });

    expect(repos.userBlocks.clearByIdentifier('nobody@example.com')).toHaveLength(1);
    expect(repos.userBlocks.listByIdentifier('nobody@example.com')).toEqual([]);
  });

  it('shows per-identifier blocks without an ip', () => {
    for (let i = 0; i < 3; i += 1) repos.loginFailures.recordFailure(key('alice@example.com', ''), 3);
    expect(repos.userBlocks.listByIdentifier('alice@example.com')).toEqual([
      { identifier: 'alice@example.com', connection: 'employees' },
    ]);
  });

  it('purges counters idle for longer than a block lasts', () => {
    repos.loginFailures.recordFailure(key('a'), 10);
    now += BLOCK_DURATION_MS + 1;
    repos.loginFailures.recordFailure(key('b'), 10);
    expect(repos.loginFailures.purgeStale()).toBe(1);
  });
});

describe('suspicious-IP buckets', () => {
  const stage = { maxAttempts: 100, rate: 864_000 };

  it('throttles an IP after 100 failures and earns one attempt back every 14.4 minutes', () => {
    for (let i = 1; i < 100; i += 1)
      expect(repos.ipThrottle.recordFailure('203.0.113.7', stage).throttledNow).toBe(false);
    expect(repos.ipThrottle.isThrottled('203.0.113.7', stage)).toBe(false);
    expect(repos.ipThrottle.recordFailure('203.0.113.7', stage).throttledNow).toBe(true);
    expect(repos.ipThrottle.isThrottled('203.0.113.7', stage)).toBe(true);
    expect(repos.ipThrottle.isThrottled('198.51.100.1', stage)).toBe(false);
    expect(repos.ipThrottle.listThrottled(stage)).toEqual(['203.0.113.7']);

    now += 864_000 - 1;
    expect(repos.ipThrottle.isThrottled('203.0.113.7', stage)).toBe(true);
    now += 1;
    expect(repos.ipThrottle.isThrottled('203.0.113.7', stage)).toBe(false);
    expect(repos.ipThrottle.recordFailure('203.0.113.7', stage).throttledNow).toBe(true);

    expect(repos.ipThrottle.release('203.0.113.7')).toBe(true);
    expect(repos.ipThrottle.isThrottled('203.0.113.7', stage)).toBe(false);
  });

  it('forgets buckets that have refilled', () => {
    repos.ipThrottle.recordFailure('203.0.113.7', stage);
    expect(repos.ipThrottle.purgeFull(stage)).toBe(0);
    now += 24 * HOUR;
    expect(repos.ipThrottle.purgeFull(stage)).toBe(1);
  });
});

describe('attack-protection settings', () => {
  it('answers Auth0 defaults until changed, and keeps changes across instances', () => {
    expect(repos.attackProtection.bruteForce()).toEqual(defaultBruteForceSettings);
    expect(toSuspiciousIpWire(repos.attackProtection.suspiciousIp())).toEqual({
      enabled: true,
      shields: ['admin_notification', 'block'],
      allowlist: [],
      stage: {
        'pre-login': { max_attempts: 100, rate: 864_000 },
        'pre-user-registration': { max_attempts: 50, rate: 1_728_000 },
      },
    });
    repos.attackProtection.setBruteForce(
      patchBruteForce(repos.attackProtection.bruteForce(), BruteForcePatchWire.parse({ max_attempts: 3 })),
    );
    repos.attackProtection.setSuspiciousIp(
      patchSuspiciousIp(
        repos.attackProtection.suspiciousIp(),
        SuspiciousIpPatchWire.parse({ allowlist: ['10.0.0.0/8'], stage: { 'pre-login': { max_attempts: 5 } } }),
      ),
    );
    const reopened = createSqliteRepositories(db, () => now);
    expect(reopened.attackProtection.bruteForce().maxAttempts).toBe(3);
    expect(reopened.attackProtection.suspiciousIp()).toMatchObject({
      allowlist: ['10.0.0.0/8'],
      preLogin: { maxAttempts: 5, rate: 864_000 },
    });
  });

  it('refuses bad PATCH bodies: unknown fields, bad ranges, allowlist entries that are not IPs', () => {
    expect(BruteForcePatchWire.safeParse({ max_attempts: 0 }).success).toBe(false);
    expect(BruteForcePatchWire.safeParse({ surprise: true }).success).toBe(false);
    expect(SuspiciousIpPatchWire.safeParse({ allowlist: ['not-an-ip'] }).success).toBe(false);
    expect(SuspiciousIpPatchWire.safeParse({ allowlist: ['2001:db8::/32', '192.0.2.1'] }).success).toBe(true);
  });
});
