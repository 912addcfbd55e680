import { describe, expect, it } from 'vitest';
import { clockSkewProblem, serverClockOffset } from '../../../../main/auth/clock-skew';

const now = Date.UTC(2026, 0, 15, 12, 0, 0);
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('serverClockOffset (from the Date header)', () => {
  it('is 0 when the difference is inside the header’s one-second resolution and the round trip', () => {
    expect(serverClockOffset({ serverDate: httpDate(now), sentAt: now - 200, receivedAt: now + 300 })).toBe(0);
  });

  it('measures a server 10 minutes ahead, minus the uncertainty', () => {
    const offset = serverClockOffset({ serverDate: httpDate(now + 600_000), sentAt: now - 100, receivedAt: now + 100 });
    expect(offset).toBeGreaterThan(598_000);
    expect(offset).toBeLessThanOrEqual(600_000);
  });

  it('measures a server behind us as a negative offset', () => {
    expect(serverClockOffset({ serverDate: httpDate(now - 3_600_000), sentAt: now, receivedAt: now })).toBeLessThan(
      -3_590_000,
    );
  });

  it('is undefined without a usable header', () => {
    expect(serverClockOffset({ serverDate: undefined, sentAt: now, receivedAt: now })).toBeUndefined();
    expect(serverClockOffset({ serverDate: 'yesterday-ish', sentAt: now, receivedAt: now })).toBeUndefined();
  });
});

describe('clockSkewProblem', () => {
  it('says nothing when clocks agree within the tolerance', () => {
    expect(clockSkewProblem({ offsetMs: 30_000, receivedAt: now, token: { iat: now / 1000 - 20 } })).toBeUndefined();
  });

  it('says this computer is behind, by how much, from the Date header', () => {
    const problem = clockSkewProblem({ offsetMs: 7 * 60_000, receivedAt: now, serverDate: httpDate(now + 420_000) });
    expect(problem).toMatchObject({
      code: 'clock_skew',
      message: 'This computer’s clock is 7 minutes behind the server’s.',
      detail: { clockOffsetMs: 420_000, serverDate: httpDate(now + 420_000) },
    });
    expect(problem?.nextStep).toMatch(/Set time automatically/);
  });

  it('says this computer is ahead when the server is earlier', () => {
    expect(clockSkewProblem({ offsetMs: -3 * 3_600_000, receivedAt: now })?.message).toBe(
      'This computer’s clock is 3 hours ahead of the server’s.',
    );
  });

  it('finds skew from a fresh token’s iat when there is no Date header', () => {
    const problem = clockSkewProblem({ offsetMs: undefined, receivedAt: now, token: { iat: now / 1000 + 900 } });
    expect(problem?.message).toBe(
      'The server stamps its tokens with a time 15 minutes ahead of this computer’s clock.',
    );
  });

  it('finds a token whose nbf is still in the future by our clock', () => {
    const problem = clockSkewProblem({
      offsetMs: 0,
      receivedAt: now,
      token: { iat: now / 1000, nbf: now / 1000 + 2 * 86_400 },
    });
    expect(problem?.message).toMatch(/not valid for another 2 days/);
  });

  it('honours a custom tolerance', () => {
    expect(clockSkewProblem({ offsetMs: 90_000, receivedAt: now, toleranceMs: 120_000 })).toBeUndefined();
    expect(clockSkewProblem({ offsetMs: 90_000, receivedAt: now })?.message).toMatch(/90 seconds behind/);
  });
});
