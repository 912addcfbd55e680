import type { RefreshTokenRecord } from '../storage/refresh-token-repository';
import type { RefreshTokenPolicy } from '../tenant/model';

/**
 * The rules for exchanging a refresh token (auth0-wire.md §5.1, RFC 9700 §4.14.2). Pure: the caller
 * looks the token up and applies the verdict inside one transaction.
 */
export type RefreshVerdict =
  /** Rotating client, current token: issue the next token of the family. */
  | { readonly kind: 'rotate' }
  /** Rotating client, the immediately previous token within the leeway: issue the next token too. */
  | { readonly kind: 'reuse-within-leeway' }
  /** Non-rotating client: keep the token, renew its idle expiry. */
  | { readonly kind: 'keep' }
  /** An already-rotated token outside the allowance: revoke the whole family. */
  | { readonly kind: 'reuse-detected' }
  /** Unusable, with no further consequence. */
  | { readonly kind: 'reject'; readonly reason: 'wrong-client' | 'revoked' | 'expired' | 'idle-expired' };

export interface RefreshJudgement {
  readonly token: Pick<
    RefreshTokenRecord,
    'clientId' | 'counter' | 'expiresAt' | 'idleExpiresAt' | 'rotatedAt' | 'revokedAt'
  >;
  /** The highest counter in the token's family. */
  readonly latestCounter: number;
  readonly presentingClientId: string;
  readonly policy: Pick<RefreshTokenPolicy, 'rotationType' | 'leeway'>;
  readonly now: number;
}

/** Decides what an exchange of `token` means. Order matters; see the inline notes. */
export function judgeRefreshToken({
  token,
  latestCounter,
  presentingClientId,
  policy,
  now,
}: RefreshJudgement): RefreshVerdict {
  // A token is bound to its client (RFC 6749 §6). Someone else's token is just "invalid", and we do not
  // let another client burn the owner's family.
  if (token.clientId !== presentingClientId) return { kind: 'reject', reason: 'wrong-client' };
  if (token.revokedAt !== null) return { kind: 'reject', reason: 'revoked' };
  // The absolute lifetime is the family's, so past it nothing is left to protect.
  if (token.expiresAt !== null && now >= token.expiresAt) return { kind: 'reject', reason: 'expired' };

  if (token.rotatedAt !== null) {
    const isPrevious = token.counter === latestCounter - 1;
    const withinLeeway = policy.leeway > 0 && now < token.rotatedAt + policy.leeway * 1000;
    return isPrevious && withinLeeway ? { kind: 'reuse-within-leeway' } : { kind: 'reuse-detected' };
  }

  if (token.idleExpiresAt !== null && now >= token.idleExpiresAt) return { kind: 'reject', reason: 'idle-expired' };
  return policy.rotationType === 'rotating' ? { kind: 'rotate' } : { kind: 'keep' };
}

/** Expiry times (ms) for a family's first token. */
export function initialExpiry(
  policy: RefreshTokenPolicy,
  now: number,
): { expiresAt: number | null; idleExpiresAt: number | null } {
  if (policy.expirationType === 'non-expiring') return { expiresAt: null, idleExpiresAt: null };
  const expiresAt = policy.infiniteTokenLifetime ? null : now + policy.tokenLifetime * 1000;
  return { expiresAt, idleExpiresAt: renewedIdleExpiry(policy, now, expiresAt) };
}

/**
 * The idle expiry after an exchange at `now`: renewed by the idle lifetime, never past the family's
 * absolute expiry (Auth0: "idle_token_lifetime ≤ token_lifetime"; the absolute one does not extend).
 */
export function renewedIdleExpiry(policy: RefreshTokenPolicy, now: number, expiresAt: number | null): number | null {
  if (policy.expirationType === 'non-expiring' || policy.infiniteIdleTokenLifetime) return null;
  const idle = now + policy.idleTokenLifetime * 1000;
  return expiresAt === null ? idle : Math.min(idle, expiresAt);
}
