import type { TokenResponseWire } from '../../common/oauth/wire';
import type { Clock } from '../config';
import { authErrors, mfaErrors } from '../errors/catalogue';
import type { OAuthError } from '../errors/oauth-errors';
import type { MfaGate } from '../extensibility/post-login';
import type { GrantRequest } from '../grants/grant';
import type { RequestAudit } from '../logs/request-audit';
import type { Authenticator, AuthenticatorRepository } from '../storage/authenticator-repository';
import type { ConnectionRepository } from '../storage/connection-repository';
import type { MfaAttemptRepository } from '../storage/mfa-attempt-repository';
import type { MfaSettingsRepository } from '../storage/mfa-settings-repository';
import type { MfaTransaction, MfaTransactionRepository } from '../storage/mfa-transaction-repository';
import type { UserRepository } from '../storage/user-repository';
import type { Client, User } from '../tenant/model';
import type { ResourceServerDirectory } from '../tenant/resource-server-directory';
import type { RefreshTokenService } from '../tokens/refresh-token-service';
import { formatScope } from '../tokens/scope-decision';
import type { TokenMinter } from '../tokens/token-minter';
import { hashOf, newMfaToken, openWithMfaToken, sealWithMfaToken } from './mfa-secrets';
import type { PendingLogin } from './pending-login';
import { parsePendingLogin } from './pending-login';

/** MFA-audience tokens live 10 minutes, not configurable (auth0-wire.md §4.1). */
export const MFA_TOKEN_LIFETIME_MS = 10 * 60 * 1000;

export interface MfaServiceDependencies {
  readonly transactions: MfaTransactionRepository;
  readonly authenticators: AuthenticatorRepository;
  readonly settings: MfaSettingsRepository;
  readonly attempts: MfaAttemptRepository;
  readonly users: UserRepository;
  readonly connections: ConnectionRepository;
  readonly resourceServers: ResourceServerDirectory;
  readonly refreshTokens: RefreshTokenService;
  readonly minter: TokenMinter;
  readonly clock: Clock;
}

/** An open MFA transaction, found by its `mfa_token`. */
export interface OpenMfaTransaction {
  readonly mfaToken: string;
  readonly transaction: MfaTransaction;
  readonly pending: PendingLogin;
  readonly user: User;
}

/** `mfa_requirements` (auth0-wire.md §4.5, Customizable MFA): what to challenge, or what to enrol. */
function requirements(active: readonly Authenticator[], settings: ReturnType<MfaSettingsRepository['get']>) {
  const typeOf = (authenticator: Authenticator) =>
    authenticator.type === 'otp'
      ? 'otp'
      : authenticator.type === 'recovery-code'
        ? 'recovery-code'
        : authenticator.oobChannel === 'sms'
          ? 'phone'
          : 'email';
  if (active.some((authenticator) => authenticator.type !== 'recovery-code')) {
    return { challenge: [...new Set(active.map(typeOf))].map((type) => ({ type })) };
  }
  const enroll = [
    ...(settings.factors.otp ? ['otp'] : []),
    ...(settings.factors.sms ? ['phone'] : []),
    ...(settings.factors.email ? ['email'] : []),
  ];
  return { enroll: enroll.map((type) => ({ type })) };
}

/**
 * MFA for the password grant (auth0-wire.md §4): starts a transaction when a login needs a second factor,
 * finds it again from the `mfa_token`, meters failed codes, and mints the login's tokens once a factor is
 * proven. The `mfa_token` is single-use once redeemed and valid for 10 minutes.
 */
export class MfaService implements MfaGate {
  constructor(private readonly deps: MfaServiceDependencies) {}

  require(input: {
    readonly request: GrantRequest;
    readonly user: User;
    readonly pending: PendingLogin;
    readonly refreshToken?: string;
  }): OAuthError {
    const { request, user } = input;
    const now = this.deps.clock();
    const mfaToken = newMfaToken();
    const pending: PendingLogin =
      input.refreshToken === undefined
        ? input.pending
        : { ...input.pending, sealedRefreshToken: sealWithMfaToken(mfaToken, input.refreshToken) };
    this.deps.transactions.purgeExpired(now);
    this.deps.transactions.create({
      tokenHash: hashOf(mfaToken),
      clientId: request.client.clientId,
      userId: user.id,
      pending: JSON.stringify(pending),
      createdAt: now,
      expiresAt: now + MFA_TOKEN_LIFETIME_MS,
    });
    request.audit.noteUser(user);
    request.audit.write('mfar', { details: { reason: pending.reason } });
    const active = this.deps.authenticators.listForUser(user.id).filter((authenticator) => authenticator.active);
    return mfaErrors.mfaRequired(mfaToken, requirements(active, this.deps.settings.get()));
  }

  /**
   * The open transaction behind `mfaToken`. Unknown, redeemed and other clients' tokens are all
   * `invalid_grant "Malformed mfa_token"`; a token past its 10 minutes is `expired_token` (§4.5).
   */
  open(mfaToken: string, clientId: string | undefined): OpenMfaTransaction {
    const transaction = this.deps.transactions.find(hashOf(mfaToken));
    if (!transaction || transaction.redeemedAt !== null) throw mfaErrors.malformedMfaToken();
    if (clientId !== undefined && transaction.clientId !== clientId) throw mfaErrors.malformedMfaToken();
    if (transaction.expiresAt <= this.deps.clock()) throw mfaErrors.expiredMfaToken();
    const user = this.deps.users.findById(transaction.userId);
    if (!user) throw mfaErrors.malformedMfaToken();
    if (user.blocked) throw authErrors.userBlocked();
    return { mfaToken, transaction, pending: parsePendingLogin(transaction.pending), user };
  }

  /** Refuses when the user's bucket of failed attempts is empty (10, refilling 1 per 6 minutes, §4.5). */
  assertAttemptsLeft(user: User, audit: RequestAudit): void {
    if (this.deps.attempts.available(user.id, this.deps.clock()) >= 1) return;
    audit.write('gd_otp_rate_limit_exceed', { description: 'Too many failed MFA attempts' });
    throw mfaErrors.tooManyAttempts();
  }

  /** Records a failed code (`gd_auth_failed` or the given type, then the grant's failure code) and throws. */
  fail(open: OpenMfaTransaction, audit: RequestAudit, error: OAuthError, types: readonly string[]): never {
    this.deps.attempts.consume(open.user.id, this.deps.clock());
    for (const type of types) {
      audit.write(type, { description: error.description, details: { error: { message: error.description } } });
    }
    throw error;
  }

  /** Confirms an enrolment on its first successful use (§4.4), with the recovery code made with it. */
  confirm(authenticator: Authenticator, audit: RequestAudit): void {
    if (authenticator.active) {
      this.deps.authenticators.markUsed(authenticator.id);
      return;
    }
    this.deps.authenticators.activate(authenticator.id);
    const recovery = this.deps.authenticators.recoveryCodeHash(authenticator.userId);
    if (recovery) this.deps.authenticators.activate(recovery.id);
    audit.write('gd_enrollment_complete', { details: { authenticator: { id: authenticator.id } } });
  }

  /**
   * Redeems the transaction (once: a concurrent second redemption fails) and mints what the login
   * would have got, with `amr: ["mfa"]` in the ID token as Auth0 does.
   */
  async complete(open: OpenMfaTransaction, client: Client): Promise<TokenResponseWire> {
    this.redeem(open);
    return this.mint(open, client);
  }

  /** Spends the `mfa_token`; a second, concurrent redemption gets `Malformed mfa_token`. */
  redeem(open: OpenMfaTransaction): void {
    if (!this.deps.transactions.redeem(open.transaction.tokenHash, this.deps.clock())) {
      throw mfaErrors.malformedMfaToken();
    }
  }

  /** Mints the pending login's tokens; call `redeem` first. */
  async mint(open: OpenMfaTransaction, client: Client): Promise<TokenResponseWire> {
    const { pending, user } = open;
    const connection = this.deps.connections.findById(pending.connectionId);
    if (!connection) throw mfaErrors.malformedMfaToken();
    const api = pending.audience === null ? null : this.deps.resourceServers.findByIdentifier(pending.audience);
    if (api === undefined) throw authErrors.audienceNotFound(pending.audience ?? '');

    let refreshToken: string | undefined;
    if (pending.kind === 'refresh' && pending.sealedRefreshToken !== undefined) {
      refreshToken = openWithMfaToken(open.mfaToken, pending.sealedRefreshToken);
    } else if (pending.kind === 'password' && pending.issueRefreshToken) {
      refreshToken = this.deps.refreshTokens.startFamily({
        client,
        userId: user.id,
        connection: connection.name,
        audience: pending.audience,
        scope: formatScope(pending.grantedScope),
        grantType: typeof pending.gty === 'string' ? pending.gty : (pending.gty.at(-1) ?? 'password'),
      });
    }
    return this.deps.minter.respond({
      user,
      client,
      api,
      scope: pending.scope,
      gty: pending.gty,
      includeIdToken: pending.issueIdToken,
      customClaims: { accessToken: pending.accessTokenClaims, idToken: pending.idTokenClaims },
      amr: ['mfa'],
      ...(refreshToken !== undefined && { refreshToken }),
    });
  }
}
