import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import type { AdminAccess, StepUpFactor, StepUpOutcome } from '../../common/ipc/admin.contract';
import { err, ok } from '../../common/result';
import type { SignInOutcome } from '../auth/token-client';
import type { TokenSet } from '../auth/token-set';
import { formatAccountId, parseAccountId, type AccountRef } from '../session/account-id';
import { endsAccount, type CredentialsEnded } from '../session/credentials-ended';
import { MfaFlow } from '../session/mfa-flow';
import type { SessionProfiles } from '../session/session-profiles';
import { decodeClaims } from '../session/session-summary';
import { checkAdminProfile, scopesOf } from './admin-access';
import { managementAudience } from '../auth/management-audience';
import type { ManagementCredentials } from './management-credentials';

export interface AdminStepUpOptions {
  /** The profiles and their token clients (the same ones the session manager uses). */
  readonly profiles: SessionProfiles;
  /** The everyday session's active account: `via: session` without an account means its admin access. */
  readonly activeAccountId: () => string | null;
  /** The managed policy's realms, as for every sign-in. */
  readonly allowedRealms?: readonly string[] | undefined;
  readonly clock?: () => number;
}

/** One admin's step-up. Main-process memory only: never in the keychain, never sent to the window. */
interface StepUp {
  readonly accountId: string;
  readonly ref: AccountRef;
  /** The tenant that granted it: the token is only ever sent back to this issuer, for this client. */
  readonly issuer: string;
  readonly clientId: string;
  /** Never log accessToken: it is a credential with admin power. */
  readonly accessToken: string;
  readonly expiresAt: number;
  readonly grantedAt: number;
  readonly access: AdminAccess;
}

type Completed = AppResult<AdminAccess>;

/**
 * The longest a step-up lasts, whatever the token's own lifetime. Auth0's Management API issues 24-hour
 * tokens; admin power should not sit in memory that long after the admin walked away (features.md item 7).
 */
export const maxStepUpMs = 15 * 60_000;

/**
 * The admin pane's step-up credentials (design/features.md item 7), one per profile, realm and user: a
 * password(-realm) grant for the Management API audience, with MFA when the server asks. The everyday
 * session is never read or changed here, so it keeps its tokens, keychain entry and active account. A
 * step-up is not refreshed (Auth0's Management API allows no offline access): it ends with its access
 * token, on a 401, on `stepDown`, and when the session manager reports the account's credentials ended.
 */
export class AdminStepUp {
  readonly #options: AdminStepUpOptions;
  readonly #clock: () => number;
  readonly #stepUps = new Map<string, StepUp>();
  readonly #mfa: MfaFlow<Completed>;

  constructor(options: AdminStepUpOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.#mfa = new MfaFlow<Completed>((ref, tokens) => this.#adopt(ref, tokens), this.#clock);
  }

  /** Signs in again for the Management API; the password is used for this one request and not kept. */
  async stepUp(ref: AccountRef, password: string): Promise<AppResult<StepUpOutcome>> {
    const connection = this.#options.profiles.get(ref.profileId);
    if (connection === undefined) {
      return err(appError('invalid_input', `There is no server profile named “${ref.profileId}”.`));
    }
    const usable = checkAdminProfile(connection.profile);
    if (!usable.ok) return usable;
    const allowed = this.#options.allowedRealms;
    if (ref.realm !== null && allowed !== undefined && !allowed.includes(ref.realm)) {
      return err(appError('invalid_realm', `Your organisation does not allow sign-in to “${ref.realm}”.`));
    }
    // No identity scopes: the step-up needs no ID token, only the admin's Management API permissions.
    const request = {
      realm: ref.realm,
      username: ref.username,
      password,
      audience: managementAudience(connection.profile.issuer),
    };
    const { grants } = connection;
    const outcome: AppResult<SignInOutcome> =
      grants.signIn !== undefined
        ? await grants.signIn(request)
        : await grants
            .passwordGrant(request)
            .then((tokens) => (tokens.ok ? ok({ kind: 'tokens' as const, tokens: tokens.value }) : tokens));
    if (!outcome.ok) return outcome;
    if (outcome.value.kind === 'mfa_required') {
      if (grants.mfa === undefined) return err(outcome.value.error);
      // The mfa_token stays in main; the window completes the step-up through admin:stepUpVerify.
      const transactionId = this.#mfa.open(ref, outcome.value.pending, grants.mfa);
      const status = await this.#mfa.status(transactionId);
      if (!status.ok) return status;
      if (status.value === null) return err(appError('mfa_expired', 'This sign-in has expired.'));
      return ok({ status: 'mfa_required', mfa: status.value });
    }
    const adopted = await this.#adopt(ref, outcome.value.tokens);
    return adopted.ok ? ok({ status: 'stepped_up', access: adopted.value }) : adopted;
  }

  challenge(
    transactionId: string,
    authenticatorId?: string,
  ): Promise<AppResult<{ challengeType: 'otp' | 'oob'; bindingMethod?: string }>> {
    return this.#mfa.challenge(transactionId, authenticatorId);
  }

  /** Completes a step-up that asked for a second factor. */
  async verify(
    transactionId: string,
    factor: StepUpFactor,
  ): Promise<AppResult<{ access: AdminAccess; newRecoveryCode?: string }>> {
    if (factor.type === 'recovery') {
      const recovered = await this.#mfa.recover(transactionId, factor.recoveryCode);
      if (!recovered.ok) return recovered;
      const { session: adopted, newRecoveryCode } = recovered.value;
      if (!adopted.ok) return adopted;
      return ok({ access: adopted.value, ...(newRecoveryCode === undefined ? {} : { newRecoveryCode }) });
    }
    const completed =
      factor.type === 'otp'
        ? await this.#mfa.verifyOtp(transactionId, factor.otp)
        : await this.#mfa.verifyOob(transactionId, factor.bindingCode);
    if (!completed.ok) return completed;
    return completed.value.ok ? ok({ access: completed.value.value }) : completed.value;
  }

  cancel(transactionId: string): boolean {
    return this.#mfa.cancel(transactionId);
  }

  /** What the step-up of `accountId` (default: see `#pick`) may do; `admin_step_up_required` without one. */
  access(accountId?: string): AppResult<AdminAccess> {
    const stepUp = this.#live(accountId);
    return stepUp.ok ? ok(stepUp.value.access) : stepUp;
  }

  /** The account whose step-up an admin call uses, checked live; `admin_step_up_required` without one. */
  resolve(accountId?: string): AppResult<{ readonly accountId: string; readonly profileId: string }> {
    const stepUp = this.#live(accountId);
    return stepUp.ok ? ok({ accountId: stepUp.value.accountId, profileId: stepUp.value.ref.profileId }) : stepUp;
  }

  /**
   * Bearer credentials for the Management API client. Each call re-checks the step-up (it may have expired
   * or ended since), and a 401 ends it: there is no refresh token, so asking for the password again is the
   * only way on, and retrying would only repeat the refusal.
   */
  credentials(accountId: string): ManagementCredentials {
    return {
      kind: 'session',
      withToken: async (call) => {
        const stepUp = this.#live(accountId);
        if (!stepUp.ok) return stepUp;
        const answer = await call(stepUp.value.accessToken);
        if (answer.status !== 401) return ok(answer);
        if (this.#stepUps.get(accountId) === stepUp.value) this.#stepUps.delete(accountId);
        return err(stepUpRequired(stepUp.value.ref.username, 'refused'));
      },
    };
  }

  /** Ends one account's admin access, or every one; resolves to how many ended. */
  stepDown(accountId?: string): number {
    const ended: CredentialsEnded = accountId === undefined ? { kind: 'all' } : { kind: 'account', accountId };
    return this.end(ended);
  }

  /** The session manager's hook: sign-out, "sign out of all", an expired session and the idle lock. */
  end(ended: CredentialsEnded): number {
    let count = 0;
    for (const stepUp of [...this.#stepUps.values()]) {
      if (!endsAccount(ended, stepUp.accountId, stepUp.ref)) continue;
      this.#stepUps.delete(stepUp.accountId);
      count += 1;
    }
    this.#mfa.cancelWhere((ref) => endsAccount(ended, formatAccountId(ref), ref));
    return count;
  }

  async #adopt(ref: AccountRef, tokens: TokenSet): Promise<Completed> {
    const connection = this.#options.profiles.get(ref.profileId);
    if (tokens.refreshToken !== undefined) {
      // Not asked for (no offline_access) and never kept: revoke it rather than leave it valid and unknown.
      await connection?.grants.revoke(tokens.refreshToken, ref.realm);
    }
    if (connection === undefined) {
      return err(appError('not_found', `The server profile “${ref.profileId}” was removed during the sign-in.`));
    }
    const { profile } = connection;
    const accountId = formatAccountId(ref);
    const claims = decodeClaims(tokens.accessToken) ?? {};
    const expiresAt = Math.min(tokens.expiresAt, this.#clock() + maxStepUpMs);
    const access: AdminAccess = {
      via: 'session',
      profileId: profile.id,
      issuer: profile.issuer,
      audience: managementAudience(profile.issuer),
      accountId,
      ...(typeof claims['sub'] === 'string' ? { subject: claims['sub'] } : {}),
      scopes: scopesOf(tokens.scope ?? claims['scope'], claims['permissions']),
      expiresAt,
    };
    this.#stepUps.set(accountId, {
      accountId,
      ref,
      issuer: profile.issuer,
      clientId: profile.clientId,
      accessToken: tokens.accessToken,
      expiresAt,
      grantedAt: this.#clock(),
      access,
    });
    return ok(access);
  }

  /** The named account's step-up, or the default one, if it is still usable; forgets it otherwise. */
  #live(accountId: string | undefined): AppResult<StepUp> {
    const id = accountId ?? this.#pick();
    const stepUp = id === null ? undefined : this.#stepUps.get(id);
    const username = stepUp?.ref.username ?? (id === null ? undefined : parseAccountId(id)?.username);
    if (stepUp === undefined) return err(stepUpRequired(username, 'missing'));
    if (stepUp.expiresAt <= this.#clock()) {
      this.#stepUps.delete(stepUp.accountId);
      return err(stepUpRequired(username, 'expired'));
    }
    // An edited profile (another issuer or client) must not receive a token granted to the old one.
    const profile = this.#options.profiles.get(stepUp.ref.profileId)?.profile;
    if (profile?.issuer !== stepUp.issuer || profile.clientId !== stepUp.clientId) {
      this.#stepUps.delete(stepUp.accountId);
      return err(stepUpRequired(username, 'missing'));
    }
    return ok(stepUp);
  }

  /** Without an account: the active account's step-up, else the latest one, else the active account. */
  #pick(): string | null {
    const active = this.#options.activeAccountId();
    if (active !== null && this.#stepUps.has(active)) return active;
    const latest = [...this.#stepUps.values()].sort((a, b) => b.grantedAt - a.grantedAt)[0];
    return latest?.accountId ?? active;
  }
}

/** The typed error the admin pane acts on: ask for the password (`admin:stepUp`), then try again. */
export function stepUpRequired(username: string | undefined, why: 'missing' | 'expired' | 'refused'): AppError {
  const who = username === undefined ? 'your account' : username;
  const message = {
    missing: `Admin access for ${who} needs your password again.`,
    expired: `Admin access for ${who} has ended: its token expired.`,
    refused: `The server no longer accepts the admin access for ${who}.`,
  }[why];
  return appError('admin_step_up_required', message, {
    nextStep:
      'Enter your password to continue. Admin access lasts until its token expires, you sign out, or Gatehouse locks.',
    ...(why === 'refused' ? { detail: { status: 401 } } : {}),
  });
}
