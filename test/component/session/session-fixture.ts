import type { SessionSummary } from '../../../common/ipc/session.schema';

/** A signed-in alice as main would summarise her, with health facts a test overrides. */
export function sessionSummary(
  overrides: Partial<SessionSummary> = {},
  health: Partial<SessionSummary['health']> = {},
): SessionSummary {
  const now = Date.now();
  return {
    accountId: 'demo/employees/alice@example.com',
    profileId: 'demo',
    realm: 'employees',
    username: 'alice@example.com',
    user: { sub: 'auth0|alice', email: 'alice@example.com' },
    scope: 'openid offline_access',
    expiresAt: now + 600_000,
    renewable: true,
    storage: 'keychain',
    locked: false,
    idTokenClaims: null,
    accessTokenClaims: null,
    ...overrides,
    health: {
      startedAt: now - 60_000,
      startedBy: 'sign-in',
      lastRotatedAt: null,
      rotates: null,
      lastRefresh: null,
      nextRefreshAt: now + 420_000,
      memoryReason: null,
      ...health,
    },
  };
}
