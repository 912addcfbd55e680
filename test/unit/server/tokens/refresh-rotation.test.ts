import { describe, expect, it } from 'vitest';
import type { RefreshTokenPolicy } from '../../../../server/tenant/model';
import { defaultRefreshTokenPolicy } from '../../../../server/tenant/model';
import type { RefreshJudgement } from '../../../../server/tokens/refresh-rotation';
import { initialExpiry, judgeRefreshToken, renewedIdleExpiry } from '../../../../server/tokens/refresh-rotation';

const SECOND = 1000;
const DAY = 86_400 * SECOND;
const T0 = Date.UTC(2026, 0, 1);

const rotating: RefreshTokenPolicy = { ...defaultRefreshTokenPolicy, rotationType: 'rotating' };

type Overrides = Partial<Omit<RefreshJudgement, 'token'>> & { token?: Partial<RefreshJudgement['token']> };

function judge(overrides: Overrides = {}) {
  const { token, ...rest } = overrides;
  return judgeRefreshToken({
    token: {
      clientId: 'app',
      counter: 0,
      expiresAt: T0 + 30 * DAY,
      idleExpiresAt: T0 + 30 * DAY,
      rotatedAt: null,
      revokedAt: null,
      ...token,
    },
    latestCounter: 0,
    presentingClientId: 'app',
    policy: rotating,
    now: T0 + SECOND,
    ...rest,
  });
}

describe('judgeRefreshToken', () => {
  it('rotates the current token of a rotating client', () => {
    expect(judge()).toEqual({ kind: 'rotate' });
  });

  it('keeps the token of a non-rotating client', () => {
    expect(judge({ policy: { ...rotating, rotationType: 'non-rotating' } })).toEqual({ kind: 'keep' });
  });

  it("rejects another client's token without touching the family", () => {
    expect(judge({ presentingClientId: 'other' })).toEqual({ kind: 'reject', reason: 'wrong-client' });
    expect(judge({ presentingClientId: 'other', token: { rotatedAt: T0 }, latestCounter: 1 })).toEqual({
      kind: 'reject',
      reason: 'wrong-client',
    });
  });

  it('rejects a revoked token', () => {
    expect(judge({ token: { revokedAt: T0 } })).toEqual({ kind: 'reject', reason: 'revoked' });
  });

  it('detects reuse of a rotated token when the leeway is 0', () => {
    expect(judge({ token: { rotatedAt: T0 + SECOND }, latestCounter: 1, now: T0 + SECOND })).toEqual({
      kind: 'reuse-detected',
    });
  });

  it('never allows reuse with leeway 0, even if the clock has stepped back since the rotation', () => {
    expect(judge({ token: { rotatedAt: T0 + 10 * SECOND }, latestCounter: 1, now: T0 })).toEqual({
      kind: 'reuse-detected',
    });
  });

  it('allows the immediately previous token within the leeway, and not after it', () => {
    const policy = { ...rotating, leeway: 30 };
    const base = { policy, latestCounter: 1, token: { counter: 0, rotatedAt: T0 } };
    expect(judge({ ...base, now: T0 + 29 * SECOND })).toEqual({ kind: 'reuse-within-leeway' });
    expect(judge({ ...base, now: T0 + 30 * SECOND })).toEqual({ kind: 'reuse-detected' });
  });

  it('detects reuse of the second-to-last token even within the leeway', () => {
    const policy = { ...rotating, leeway: 30 };
    expect(judge({ policy, latestCounter: 2, token: { counter: 0, rotatedAt: T0 }, now: T0 + SECOND })).toEqual({
      kind: 'reuse-detected',
    });
  });

  it('rejects past the absolute lifetime, even a rotated token, without calling it reuse', () => {
    const now = T0 + 30 * DAY;
    expect(judge({ now })).toEqual({ kind: 'reject', reason: 'expired' });
    expect(judge({ now, token: { rotatedAt: T0 }, latestCounter: 1 })).toEqual({ kind: 'reject', reason: 'expired' });
  });

  it('rejects past the idle lifetime', () => {
    expect(judge({ token: { idleExpiresAt: T0 + DAY }, now: T0 + DAY })).toEqual({
      kind: 'reject',
      reason: 'idle-expired',
    });
    expect(judge({ token: { idleExpiresAt: T0 + DAY }, now: T0 + DAY - 1 })).toEqual({ kind: 'rotate' });
  });

  it('never expires a non-expiring token', () => {
    expect(judge({ token: { expiresAt: null, idleExpiresAt: null }, now: T0 + 3650 * DAY })).toEqual({
      kind: 'rotate',
    });
  });
});

describe('expiry arithmetic', () => {
  it("uses Auth0's 30-day defaults for a new family", () => {
    expect(initialExpiry(rotating, T0)).toEqual({ expiresAt: T0 + 30 * DAY, idleExpiresAt: T0 + 30 * DAY });
  });

  it('renews the idle window from now but never past the absolute expiry', () => {
    const policy = { ...rotating, idleTokenLifetime: 7 * 86_400 };
    expect(renewedIdleExpiry(policy, T0 + DAY, T0 + 30 * DAY)).toBe(T0 + 8 * DAY);
    expect(renewedIdleExpiry(policy, T0 + 25 * DAY, T0 + 30 * DAY)).toBe(T0 + 30 * DAY);
  });

  it('has no expiry at all for non-expiring and infinite settings', () => {
    expect(initialExpiry({ ...rotating, expirationType: 'non-expiring' }, T0)).toEqual({
      expiresAt: null,
      idleExpiresAt: null,
    });
    expect(initialExpiry({ ...rotating, infiniteTokenLifetime: true, infiniteIdleTokenLifetime: true }, T0)).toEqual({
      expiresAt: null,
      idleExpiresAt: null,
    });
  });
});
