import { beforeEach, describe, expect, it } from 'vitest';
import { aesGcmCipher } from '../../../../server/extensibility/value-cipher';
import { SqliteAuthenticatorRepository } from '../../../../server/storage/authenticator-repository';
import type { SqliteDatabase } from '../../../../server/storage/database';
import { openMemoryDatabase } from '../../../../server/storage/database';
import { MFA_ATTEMPT_BUCKET } from '../../../../server/storage/extensibility-repositories';
import { SqliteMfaAttemptRepository } from '../../../../server/storage/mfa-attempt-repository';
import { SqliteMfaSettingsRepository } from '../../../../server/storage/mfa-settings-repository';
import { SqliteMfaTransactionRepository } from '../../../../server/storage/mfa-transaction-repository';
import { createSqliteRepositories } from '../../../../server/storage/repositories';

let db: SqliteDatabase;
let now: number;
let userId: string;
let authenticators: SqliteAuthenticatorRepository;

beforeEach(() => {
  db = openMemoryDatabase();
  now = 1_000;
  const repos = createSqliteRepositories(db, () => now);
  const connection = repos.connections.create({ name: 'db', strategy: 'auth0', options: {} });
  userId = repos.users.create({
    connectionId: connection.id,
    email: 'u@example.com',
    username: null,
    passwordHash: null,
    emailVerified: true,
    name: null,
    nickname: null,
    picture: null,
  }).id;
  repos.clients.create({
    clientId: 'app',
    name: 'App',
    appType: 'native',
    tokenEndpointAuthMethod: 'none',
    clientSecretHash: null,
    grantTypes: [],
    isTokenEndpointIpHeaderTrusted: false,
    refreshToken: {
      rotationType: 'rotating',
      expirationType: 'expiring',
      leeway: 0,
      tokenLifetime: 1,
      idleTokenLifetime: 1,
      infiniteTokenLifetime: false,
      infiniteIdleTokenLifetime: false,
    },
  });
  authenticators = new SqliteAuthenticatorRepository(db, aesGcmCipher('mfa-test-secret-key!'), () => now);
});

describe('SqliteAuthenticatorRepository', () => {
  it('gives Auth0-shaped ids, seals the TOTP secret, and counts only active real factors', () => {
    const totp = authenticators.create({ userId, type: 'otp', totpSecret: 'JBSWY3DPEHPK3PXP' });
    const email = authenticators.create({ userId, type: 'oob', oobChannel: 'email', target: 'u@example.com' });
    authenticators.setRecoveryCode(userId, 'hash-1', true);

    expect(totp.id).toMatch(/^totp\|dev_[\w-]{16}$/);
    expect(email.id).toMatch(/^email\|dev_/);
    const stored = db.prepare('SELECT secret FROM authenticators WHERE id = ?').get(totp.id) as { secret: string };
    expect(stored.secret).not.toContain('JBSWY3DPEHPK3PXP');
    expect(authenticators.totpSecret(totp.id)).toBe('JBSWY3DPEHPK3PXP');
    // An active recovery code alone does not count as an enrolled factor.
    expect(authenticators.hasActive(userId)).toBe(false);

    authenticators.activate(totp.id);
    expect(authenticators.hasActive(userId)).toBe(true);
    expect(authenticators.findById(totp.id)).toMatchObject({ active: true, confirmedAt: 1_000 });
  });

  it('claims each TOTP time step once and never an older one', () => {
    const totp = authenticators.create({ userId, type: 'otp', totpSecret: 'JBSWY3DPEHPK3PXP', active: true });
    expect(authenticators.claimTimeStep(totp.id, 100)).toBe(true);
    expect(authenticators.claimTimeStep(totp.id, 100)).toBe(false);
    expect(authenticators.claimTimeStep(totp.id, 99)).toBe(false);
    expect(authenticators.claimTimeStep(totp.id, 101)).toBe(true);
  });

  it('keeps one recovery-code authenticator per user and replaces its hash', () => {
    const first = authenticators.setRecoveryCode(userId, 'hash-1', false);
    const second = authenticators.setRecoveryCode(userId, 'hash-2', true);
    expect(second.id).toBe(first.id);
    expect(authenticators.recoveryCodeHash(userId)).toEqual({ id: first.id, hash: 'hash-2' });
    expect(authenticators.listForUser(userId)).toHaveLength(1);
  });

  it('drops unfinished enrolments only', () => {
    authenticators.create({ userId, type: 'otp', totpSecret: 'A', active: true });
    authenticators.create({ userId, type: 'oob', oobChannel: 'sms', target: '+15550100' });
    expect(authenticators.deleteInactive(userId)).toBe(1);
    expect(authenticators.listForUser(userId).map((a) => a.type)).toEqual(['otp']);
  });
});

describe('SqliteMfaTransactionRepository', () => {
  it('redeems a transaction once, and never after it expires', () => {
    const transactions = new SqliteMfaTransactionRepository(db);
    const base = { clientId: 'app', userId, pending: '{}', createdAt: 0 };
    transactions.create({ ...base, tokenHash: 'h1', expiresAt: 600_000 });
    transactions.create({ ...base, tokenHash: 'h2', expiresAt: 600_000 });

    expect(transactions.redeem('h1', 1_000)).toBe(true);
    expect(transactions.redeem('h1', 1_001)).toBe(false);
    expect(transactions.find('h1')?.redeemedAt).toBe(1_000);
    expect(transactions.redeem('h2', 600_000)).toBe(false);
    expect(transactions.purgeExpired(600_001)).toBe(2);
    expect(transactions.find('h2')).toBeUndefined();
  });

  it('uses an OOB challenge once and records polls', () => {
    const transactions = new SqliteMfaTransactionRepository(db);
    transactions.create({ tokenHash: 't', clientId: 'app', userId, pending: '{}', createdAt: 0, expiresAt: 9 });
    const oob = authenticators.create({ userId, type: 'oob', oobChannel: 'email', target: 'u@example.com' });
    transactions.createChallenge({
      oobCodeHash: 'o',
      transactionHash: 't',
      authenticatorId: oob.id,
      bindingCodeHash: 'b',
      createdAt: 0,
      expiresAt: 9,
    });
    transactions.recordPoll('o', 5);
    expect(transactions.findChallenge('o')).toMatchObject({ lastPolledAt: 5, usedAt: null });
    expect(transactions.useChallenge('o', 6)).toBe(true);
    expect(transactions.useChallenge('o', 7)).toBe(false);
  });
});

describe('MFA settings and attempt bucket', () => {
  it('defaults to the "enrolled" policy with every factor on, and updates partially', () => {
    const settings = new SqliteMfaSettingsRepository(db);
    expect(settings.get()).toEqual({
      policy: 'enrolled',
      factors: { otp: true, email: true, sms: true, recoveryCode: true },
    });
    expect(settings.update({ policy: 'always', factors: { sms: false } })).toEqual({
      policy: 'always',
      factors: { otp: true, email: true, sms: false, recoveryCode: true },
    });
    expect(settings.get().policy).toBe('always');
  });

  it('empties after 10 failures and refills one attempt every 6 minutes, up to 10', () => {
    const bucket = new SqliteMfaAttemptRepository(db, MFA_ATTEMPT_BUCKET);
    for (let i = 0; i < 10; i++) bucket.consume(userId, 0);
    expect(bucket.available(userId, 0)).toBe(0);
    expect(bucket.available(userId, 6 * 60 * 1000 - 1)).toBeLessThan(1);
    expect(bucket.available(userId, 6 * 60 * 1000)).toBe(1);
    expect(bucket.available(userId, 24 * 60 * 60 * 1000)).toBe(10);
  });
});
