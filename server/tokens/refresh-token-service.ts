import { randomBytes } from 'node:crypto';
import type { Clock } from '../config';
import { hashSecret } from '../security/secret-hash';
import { newId } from '../storage/ids';
import type { RefreshTokenRecord, RefreshTokenRepository, RevocationReason } from '../storage/refresh-token-repository';
import type { Transact } from '../storage/repositories';
import type { Client } from '../tenant/model';
import type { RefreshVerdict } from './refresh-rotation';
import { initialExpiry, judgeRefreshToken, renewedIdleExpiry } from './refresh-rotation';

/** What the login that starts a family granted. */
export interface NewFamily {
  readonly client: Client;
  readonly userId: string;
  readonly connection: string;
  readonly audience: string | null;
  readonly scope: string;
  readonly grantType: string;
}

/** What `/oauth/revoke` revoked: one family, of one user. */
export interface RevokedFamily {
  readonly familyId: string;
  readonly userId: string;
  readonly audience: string | null;
  /** How many live tokens of the family were revoked. */
  readonly tokens: number;
}

/** The outcome of presenting a refresh token. */
export type RefreshExchange<T> =
  | {
      readonly ok: true;
      /** The presented token's row (scope, audience, user and so on are the family's). */
      readonly record: RefreshTokenRecord;
      /** What the caller's `accept` check returned. */
      readonly accepted: T;
      /** The token to hand back: a new one when rotating, undefined when the client keeps its token. */
      readonly next: string | undefined;
    }
  | {
      readonly ok: false;
      readonly verdict: RefreshVerdict | { readonly kind: 'unknown' };
      readonly familyId?: string;
      /** The presented token's owner, when the token was found (for the tenant log). */
      readonly userId?: string;
      /** Set on reuse detection: what Auth0's `ferrt` event carries in `details` (§5.1). */
      readonly reuse?: { readonly familyId: string; readonly tokenCounter: number; readonly latestCounter: number };
    };

/**
 * `v1.` + base64url of 256 random bits, shaped like Auth0's refresh tokens. Only its SHA-256 is stored.
 */
export function generateRefreshToken(): string {
  return `v1.${randomBytes(32).toString('base64url')}`;
}

/** Issues, rotates and revokes refresh tokens. Every multi-step change is one transaction. */
export class RefreshTokenService {
  constructor(
    private readonly tokens: RefreshTokenRepository,
    private readonly transact: Transact,
    private readonly clock: Clock,
  ) {}

  /** Starts a family for a fresh login and returns its first token. Never log the result. */
  startFamily(family: NewFamily): string {
    const now = this.clock();
    const token = generateRefreshToken();
    this.tokens.insert({
      id: newId.refreshToken(),
      familyId: newId.refreshTokenFamily(),
      tokenHash: hashSecret(token),
      clientId: family.client.clientId,
      userId: family.userId,
      connection: family.connection,
      audience: family.audience,
      scope: family.scope,
      grantType: family.grantType,
      counter: 0,
      createdAt: now,
      ...initialExpiry(family.client.refreshToken, now),
      lastUsedAt: null,
      rotatedAt: null,
      revokedAt: null,
      revocationReason: null,
    });
    return token;
  }

  /**
   * Exchanges `presented` for `client`. Looking the token up, judging it and writing the outcome happen in
   * one transaction, so two concurrent exchanges of one token cannot both rotate it. When reuse is
   * detected the family's revocation is committed before the failure is reported.
   *
   * `accept` runs inside the transaction once the token is found usable and before anything is written;
   * if it throws (a wider scope, a blocked user), nothing changes and the client keeps its token.
   */
  exchange<T>(presented: string, client: Client, accept: (record: RefreshTokenRecord) => T): RefreshExchange<T> {
    const now = this.clock();
    const policy = client.refreshToken;
    return this.transact((): RefreshExchange<T> => {
      const record = this.tokens.findByHash(hashSecret(presented));
      if (!record) return { ok: false, verdict: { kind: 'unknown' } };
      const latestCounter = this.tokens.latestCounter(record.familyId);
      const verdict = judgeRefreshToken({
        token: record,
        latestCounter,
        presentingClientId: client.clientId,
        policy,
        now,
      });
      switch (verdict.kind) {
        case 'reject':
          return { ok: false, verdict, familyId: record.familyId, userId: record.userId };
        case 'reuse-detected':
          this.tokens.revokeFamily(record.familyId, now, 'reuse_detected');
          return {
            ok: false,
            verdict,
            familyId: record.familyId,
            userId: record.userId,
            reuse: { familyId: record.familyId, tokenCounter: record.counter, latestCounter },
          };
        case 'keep': {
          const accepted = accept(record);
          this.tokens.touch(record.id, now, renewedIdleExpiry(policy, now, record.expiresAt));
          return { ok: true, record, accepted, next: undefined };
        }
        case 'rotate': {
          const accepted = accept(record);
          this.tokens.markRotated(record.id, now);
          return { ok: true, record, accepted, next: this.insertSuccessor(record, latestCounter + 1, client, now) };
        }
        case 'reuse-within-leeway': {
          const accepted = accept(record);
          // The newest token becomes "previous" too, so exactly one token of the family stays current.
          this.tokens.markFamilyHeadRotated(record.familyId, now);
          return { ok: true, record, accepted, next: this.insertSuccessor(record, latestCounter + 1, client, now) };
        }
      }
    });
  }

  private insertSuccessor(previous: RefreshTokenRecord, counter: number, client: Client, now: number): string {
    const token = generateRefreshToken();
    this.tokens.insert({
      ...previous,
      id: newId.refreshToken(),
      tokenHash: hashSecret(token),
      counter,
      createdAt: now,
      // The absolute lifetime belongs to the family and does not extend on rotation (§5.1).
      expiresAt: previous.expiresAt,
      idleExpiresAt: renewedIdleExpiry(client.refreshToken, now, previous.expiresAt),
      lastUsedAt: null,
      rotatedAt: null,
      revokedAt: null,
      revocationReason: null,
    });
    return token;
  }

  /**
   * Revokes the family of `presented` if it belongs to `clientId` (RFC 7009 §2.1). Unknown tokens and
   * other clients' tokens are left alone without saying so. Returns what was revoked, if anything.
   */
  revoke(presented: string, clientId: string): RevokedFamily | undefined {
    const now = this.clock();
    return this.transact(() => {
      const record = this.tokens.findByHash(hashSecret(presented));
      if (!record || record.clientId !== clientId) return undefined;
      const tokens = this.tokens.revokeFamily(record.familyId, now, 'revoked_by_client');
      return tokens > 0
        ? { familyId: record.familyId, userId: record.userId, audience: record.audience, tokens }
        : undefined;
    });
  }

  /**
   * Revokes every refresh-token family of a user (design/security.md: blocking a user, deleting a user or
   * changing a password revokes that user's families). Returns how many tokens were revoked; access
   * tokens already issued live until they expire.
   */
  revokeAllForUser(userId: string, reason: RevocationReason = 'revoked_by_admin'): number {
    return this.tokens.revokeAllForUser(userId, this.clock(), reason);
  }
}
