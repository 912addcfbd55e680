import { beforeEach, describe, expect, it } from 'vitest';
import { TooManyAttemptsError } from '../../../../server/errors/oauth-errors';
import { RequestAudit } from '../../../../server/logs/request-audit';
import { patchBruteForce, patchSuspiciousIp } from '../../../../server/security/attack-protection-settings';
import { IpAllowlist } from '../../../../server/security/ip-allowlist';
import type { ProtectedAttempt } from '../../../../server/security/login-protection';
import { AttackProtection } from '../../../../server/security/login-protection';
import { openMemoryDatabase } from '../../../../server/storage/database';
import type { Repositories } from '../../../../server/storage/repositories';
import { createSqliteRepositories } from '../../../../server/storage/repositories';
import type { Connection } from '../../../../server/tenant/model';

let repos: Repositories;
let protection: AttackProtection;
const employees: Connection = { id: 'con_1', name: 'employees', strategy: 'auth0', options: {} };

beforeEach(() => {
  const now = Date.UTC(2026, 0, 1);
  repos = createSqliteRepositories(openMemoryDatabase(), () => now);
  protection = new AttackProtection(repos.attackProtection, repos.loginFailures, repos.ipThrottle);
});

function attempt(identifier: string, ip = '203.0.113.7', connection = employees): ProtectedAttempt {
  return { connection, identifier, ip, audit: new RequestAudit(repos.logs, { callerIp: ip }) };
}

function failTimes(times: number, make: () => ProtectedAttempt): void {
  for (let i = 0; i < times; i += 1) {
    protection.check(make());
    protection.recordFailure(make());
  }
}

describe('AttackProtection', () => {
  it('blocks after the 10th failure with the brute-force text, and logs limit_wc once when it starts', () => {
    failTimes(10, () => attempt('Alice@Example.com'));
    expect(() => protection.check(attempt('alice@example.com'))).toThrow(TooManyAttemptsError);
    expect(() => protection.check(attempt('alice@example.com'))).toThrow(/blocked after multiple consecutive/);
    const limits = repos.logs.list({ where: [{ field: 'type', values: ['limit_wc'] }] }).entries;
    // One when the block started, one for each refused check.
    expect(limits.map((event) => event.details)).toEqual([
      { error: { message: 'identifier blocked' } },
      { error: { message: 'identifier blocked' } },
      { failures: 10, max_attempts: 10 },
    ]);
  });

  it('follows the threshold, mode and allowlist settings', () => {
    repos.attackProtection.setBruteForce(
      patchBruteForce(repos.attackProtection.bruteForce(), {
        max_attempts: 3,
        mode: 'count_per_identifier',
        allowlist: ['10.0.0.0/8'],
      }),
    );
    failTimes(2, () => attempt('bob', '198.51.100.1'));
    failTimes(1, () => attempt('bob', '198.51.100.2'));
    // Per identifier only: three failures from two addresses block every address.
    expect(() => protection.check(attempt('bob', '192.0.2.99'))).toThrow(TooManyAttemptsError);
    // An allowlisted address is neither counted nor blocked.
    expect(() => protection.check(attempt('bob', '10.1.2.3'))).not.toThrow();
    failTimes(5, () => attempt('carol', '10.1.2.3'));
    expect(() => protection.check(attempt('carol', '10.1.2.3'))).not.toThrow();
  });

  it('counts without blocking when the block shield is off, and skips connections that turned it off', () => {
    repos.attackProtection.setBruteForce(
      patchBruteForce(repos.attackProtection.bruteForce(), { shields: ['user_notification'] }),
    );
    failTimes(12, () => attempt('dave'));
    expect(() => protection.check(attempt('dave'))).not.toThrow();

    repos.attackProtection.setBruteForce(patchBruteForce(repos.attackProtection.bruteForce(), { shields: ['block'] }));
    const open: Connection = { ...employees, name: 'open', options: { brute_force_protection: false } };
    failTimes(12, () => attempt('erin', '203.0.113.7', open));
    expect(() => protection.check(attempt('erin', '203.0.113.7', open))).not.toThrow();
  });

  it('throttles an IP after its allowance of failures across identifiers, with the suspicious-IP text', () => {
    repos.attackProtection.setSuspiciousIp(
      patchSuspiciousIp(repos.attackProtection.suspiciousIp(), { stage: { 'pre-login': { max_attempts: 3 } } }),
    );
    for (const who of ['a', 'b', 'c']) failTimes(1, () => attempt(who, '192.0.2.1'));
    expect(() => protection.check(attempt('z', '192.0.2.1'))).toThrow(/suspicious login behavior/);
    expect(() => protection.check(attempt('z', '192.0.2.2'))).not.toThrow();
    expect(repos.logs.list({ where: [{ field: 'type', values: ['limit_mu'] }] }).total).toBe(2);
  });

  it('clears the counter on success, so only consecutive failures count', () => {
    failTimes(9, () => attempt('frank'));
    protection.recordSuccess(attempt('frank'));
    failTimes(9, () => attempt('frank'));
    expect(() => protection.check(attempt('frank'))).not.toThrow();
  });
});

describe('IpAllowlist', () => {
  it('matches addresses and CIDR ranges of both families, and nothing that is not an IP', () => {
    const list = new IpAllowlist(['192.0.2.10', '10.0.0.0/8', '2001:db8::/32', 'not-an-ip', '10.0.0.0/33']);
    expect(list.has('192.0.2.10')).toBe(true);
    expect(list.has('192.0.2.11')).toBe(false);
    expect(list.has('10.200.3.4')).toBe(true);
    expect(list.has('2001:db8:1::5')).toBe(true);
    expect(list.has('2001:db9::1')).toBe(false);
    expect(list.has('not-an-ip')).toBe(false);
    expect(new IpAllowlist([]).has('10.0.0.1')).toBe(false);
  });
});
