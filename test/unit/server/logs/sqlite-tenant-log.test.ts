import { beforeEach, describe, expect, it } from 'vitest';
import { SqliteTenantLog } from '../../../../server/logs/sqlite-tenant-log';
import { toLogWire } from '../../../../server/logs/tenant-log';
import { openMemoryDatabase } from '../../../../server/storage/database';
import type { SqliteDatabase } from '../../../../server/storage/database';

const DAY = 86_400_000;
let now: number;
let db: SqliteDatabase;
let log: SqliteTenantLog;

beforeEach(() => {
  now = Date.UTC(2026, 0, 1);
  db = openMemoryDatabase();
  log = new SqliteTenantLog(db, () => now, { days: 30, maxEvents: 5 });
});

describe('SqliteTenantLog', () => {
  it('stores an event with Auth0 fields and gives it back in the wire shape', () => {
    log.write({
      type: 'fp',
      ip: '203.0.113.7',
      clientIp: '10.0.0.2',
      userAgent: 'node-auth0/4.0',
      clientId: 'gatehouse-backend',
      clientName: 'Gatehouse Backend',
      connection: 'employees',
      connectionId: 'con_1',
      strategy: 'auth0',
      strategyType: 'database',
      userId: 'auth0|abc',
      userName: 'alice@example.com',
      details: { error: { message: 'Wrong email or password.' } },
    });
    const entry = log.list().entries[0];
    if (!entry) throw new Error('no entry');
    expect(entry.logId).toMatch(/^\d{20}$/);
    expect(toLogWire(entry)).toEqual({
      log_id: entry?.logId,
      date: '2026-01-01T00:00:00.000Z',
      type: 'fp',
      description: 'Wrong email or password.',
      ip: '203.0.113.7',
      client_ip: '10.0.0.2',
      user_agent: 'node-auth0/4.0',
      client_id: 'gatehouse-backend',
      client_name: 'Gatehouse Backend',
      connection: 'employees',
      connection_id: 'con_1',
      strategy: 'auth0',
      strategy_type: 'database',
      user_id: 'auth0|abc',
      user_name: 'alice@example.com',
      details: { error: { message: 'Wrong email or password.' } },
      isMobile: false,
    });
    expect(log.find(entry.logId)).toEqual(entry);
    expect(log.find('nonsense')).toBeUndefined();
  });

  it('never stores credential-named details, at any depth', () => {
    log.write({
      type: 'fepft',
      details: {
        password: 'Hunter2-secret',
        body: { refresh_token: 'v1.canary', client_secret: 'canary-secret', nested: { otp: '123456' } },
        familyId: 'fam',
        tokenCounter: 3,
      },
    });
    const stored = JSON.stringify(db.prepare('SELECT * FROM tenant_logs').all());
    expect(stored).not.toMatch(/Hunter2|canary|123456/);
    expect(log.list().entries[0]?.details).toEqual({ body: { nested: {} }, familyId: 'fam', tokenCounter: 3 });
  });

  it('filters by fields and dates, pages newest first, and pages by checkpoint oldest first', () => {
    for (const [type, user] of [
      ['fp', 'a'],
      ['sepft', 'a'],
      ['fu', 'b'],
      ['fp', 'b'],
    ] as const) {
      log.write({ type, userId: user });
      now += 1_000;
    }
    const fpOrFu = log.list({ where: [{ field: 'type', values: ['fp', 'fu'] }] });
    expect(fpOrFu.total).toBe(3);
    expect(fpOrFu.entries.map((e) => `${e.type}:${e.userId}`)).toEqual(['fp:b', 'fu:b', 'fp:a']);
    const aFailures = log.list({
      where: [
        { field: 'type', values: ['fp'] },
        { field: 'user_id', values: ['a'] },
      ],
    });
    expect(aFailures.entries.map((e) => e.type)).toEqual(['fp']);
    const start = Date.UTC(2026, 0, 1);
    expect(log.list({ dateFrom: start + 1_000, dateTo: start + 2_000 }).total).toBe(2);
    const page = log.list({ offset: 1, limit: 2 });
    expect(page.entries.map((e) => e.type)).toEqual(['fu', 'sepft']);
    expect(page.total).toBe(4);

    const all = log.list({ order: 'oldest-first' }).entries.map((e) => e.logId);
    const after = log.list({ afterLogId: all[1] ?? '', limit: 10 });
    expect(after.entries.map((e) => e.logId)).toEqual(all.slice(2));
  });

  it('keeps at most maxEvents events and none older than the retention days', () => {
    for (let i = 0; i < 8; i += 1) log.write({ type: 's', details: { i } });
    expect(log.prune()).toBe(3);
    expect(log.list({ order: 'oldest-first' }).entries.map((e) => e.details?.['i'])).toEqual([3, 4, 5, 6, 7]);
    now += 31 * DAY;
    log.write({ type: 's', details: { i: 8 } });
    expect(log.prune()).toBe(5);
    expect(log.list().total).toBe(1);
  });

  it('batches writes into one transaction at the end of the turn, and every read sees them', async () => {
    const count = () => (db.prepare('SELECT count(*) AS n FROM tenant_logs').get() as { n: number }).n;
    log.write({ type: 's' });
    log.write({ type: 'f' });
    expect(count()).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(count()).toBe(2);
    log.write({ type: 'fp' });
    expect(log.list().total).toBe(3);
    expect(count()).toBe(3);
  });

  it('treats hostile query values as data', () => {
    log.write({ type: 'fp', userId: "x' OR 1=1 --" });
    expect(log.list({ where: [{ field: 'user_id', values: ["x' OR 1=1 --"] }] }).total).toBe(1);
    expect(log.list({ where: [{ field: 'user_id', values: ['x'] }], limit: Number.NaN }).total).toBe(0);
  });
});
