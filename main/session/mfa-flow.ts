import { randomUUID } from 'node:crypto';
import { appError, type AppResult } from '../../common/errors/app-error';
import type { MfaStatus } from '../../common/ipc/mfa.contract';
import type { SessionSummary } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import type { AssociateRequest, MfaGrants, MfaPending } from '../auth/mfa-client';
import type { TokenSet } from '../auth/token-set';
import type { AccountRef } from './account-id';

interface Transaction {
  readonly id: string;
  readonly ref: AccountRef;
  readonly pending: MfaPending;
  readonly grants: MfaGrants;
  /** Never sent to the window: the server's handle on an out-of-band challenge. */
  oobCode?: string;
  polling?: AbortController;
}

/** What the window may see of an enrolment (common/ipc/mfa.contract.ts `MfaEnrolment`). */
export interface EnrolmentView {
  type: 'otp' | 'oob';
  manualEntryKey?: string;
  qrCodeDataUrl?: string;
  oobChannel?: string;
  bindingMethod?: string;
  recoveryCodes?: string[];
}

/**
 * Turns tokens from a completed MFA grant into what the sign-in was for: a session, exactly as a password
 * sign-in would (the session manager), or the admin pane's step-up credential (main/admin/admin-step-up.ts).
 */
export type Establish<Done> = (ref: AccountRef, tokens: TokenSet) => Promise<Done>;

/**
 * Pending multi-factor sign-ins. Each holds the `mfa_token` (and any `oob_code`) in main under an opaque id;
 * the window gets the id, the factors and the deadline. A transaction ends on success, cancel or expiry.
 */
export class MfaFlow<Done = SessionSummary> {
  readonly #transactions = new Map<string, Transaction>();
  #latest: string | null = null;

  constructor(
    private readonly establish: Establish<Done>,
    private readonly clock: () => number,
  ) {}

  open(ref: AccountRef, pending: MfaPending, grants: MfaGrants): string {
    const id = randomUUID();
    this.#transactions.set(id, { id, ref, pending, grants });
    this.#latest = id;
    return id;
  }

  /** The transaction `id` (default: the one opened last), with its factors; null when it has ended. */
  async status(id: string | null = this.#latest): Promise<AppResult<MfaStatus | null>> {
    const transaction = id === null ? undefined : this.#live(id);
    if (transaction === undefined) return ok(null);
    const authenticators = await transaction.grants.authenticators(transaction.pending);
    if (!authenticators.ok) return authenticators;
    return ok({
      transactionId: transaction.id,
      username: transaction.ref.username,
      realm: transaction.ref.realm,
      expiresAt: transaction.pending.expiresAt,
      authenticators: authenticators.value.map((factor) => ({ ...factor })),
    });
  }

  async enrol(id: string, request: AssociateRequest): Promise<AppResult<EnrolmentView>> {
    const transaction = this.#live(id);
    if (transaction === undefined) return err(expired());
    const enrolment = await transaction.grants.associate(transaction.pending, request);
    if (!enrolment.ok) return enrolment;
    // The oob_code stays here; the TOTP key is shown (renamed) so the user can type it into an app.
    const { secret, oobCode, qrCodeDataUrl, oobChannel, bindingMethod, recoveryCodes, type } = enrolment.value;
    if (oobCode !== undefined) transaction.oobCode = oobCode;
    return ok({
      type,
      ...(secret === undefined ? {} : { manualEntryKey: secret }),
      ...(qrCodeDataUrl === undefined ? {} : { qrCodeDataUrl }),
      ...(oobChannel === undefined ? {} : { oobChannel }),
      ...(bindingMethod === undefined ? {} : { bindingMethod }),
      ...(recoveryCodes === undefined ? {} : { recoveryCodes: [...recoveryCodes] }),
    });
  }

  async challenge(
    id: string,
    authenticatorId?: string,
  ): Promise<AppResult<{ challengeType: 'otp' | 'oob'; bindingMethod?: string }>> {
    const transaction = this.#live(id);
    if (transaction === undefined) return err(expired());
    const challenge = await transaction.grants.challenge(
      transaction.pending,
      authenticatorId === undefined ? undefined : { authenticatorId },
    );
    if (!challenge.ok) return challenge;
    if (challenge.value.oobCode !== undefined) transaction.oobCode = challenge.value.oobCode;
    return ok({
      challengeType: challenge.value.challengeType,
      ...(challenge.value.bindingMethod === undefined ? {} : { bindingMethod: challenge.value.bindingMethod }),
    });
  }

  async verifyOtp(id: string, otp: string): Promise<AppResult<Done>> {
    return this.#complete(id, (transaction) => transaction.grants.otpGrant(transaction.pending, otp));
  }

  async verifyOob(id: string, bindingCode?: string): Promise<AppResult<Done>> {
    const transaction = this.#live(id);
    if (transaction?.oobCode === undefined) {
      return err(appError('invalid_input', 'Ask for a code first (choose how to receive it).'));
    }
    const oobCode = transaction.oobCode;
    if (bindingCode !== undefined) {
      return this.#complete(id, (t) => t.grants.oobGrant(t.pending, oobCode, bindingCode));
    }
    transaction.polling = new AbortController();
    const signal = transaction.polling.signal;
    return this.#complete(id, (t) => t.grants.pollOob(t.pending, oobCode, { signal }));
  }

  async recover(id: string, recoveryCode: string): Promise<AppResult<{ session: Done; newRecoveryCode?: string }>> {
    const transaction = this.#live(id);
    if (transaction === undefined) return err(expired());
    const outcome = await transaction.grants.recoveryCodeGrant(transaction.pending, recoveryCode);
    if (!outcome.ok) return outcome;
    this.#end(id);
    const session = await this.establish(transaction.ref, outcome.value.tokens);
    return ok({
      session,
      ...(outcome.value.newRecoveryCode === undefined ? {} : { newRecoveryCode: outcome.value.newRecoveryCode }),
    });
  }

  cancel(id: string): boolean {
    const had = this.#transactions.has(id);
    this.#end(id);
    return had;
  }

  /** Ends every pending sign-in of the accounts `matches` picks (sign-out, idle lock). */
  cancelWhere(matches: (ref: AccountRef) => boolean): void {
    for (const transaction of [...this.#transactions.values()]) {
      if (matches(transaction.ref)) this.#end(transaction.id);
    }
  }

  async #complete(
    id: string,
    grant: (transaction: Transaction) => Promise<AppResult<TokenSet>>,
  ): Promise<AppResult<Done>> {
    const transaction = this.#live(id);
    if (transaction === undefined) return err(expired());
    const tokens = await grant(transaction);
    if (!tokens.ok) {
      if (tokens.error.code === 'mfa_expired') this.#end(id);
      return tokens;
    }
    this.#end(id);
    return ok(await this.establish(transaction.ref, tokens.value));
  }

  #live(id: string): Transaction | undefined {
    const transaction = this.#transactions.get(id);
    if (transaction !== undefined && transaction.pending.expiresAt <= this.clock()) {
      this.#end(id);
      return undefined;
    }
    return transaction;
  }

  #end(id: string): void {
    this.#transactions.get(id)?.polling?.abort();
    this.#transactions.delete(id);
    if (this.#latest === id) this.#latest = null;
  }
}

function expired(): ReturnType<typeof appError> {
  return appError('mfa_expired', 'This sign-in has expired.', { nextStep: 'Enter your password again.' });
}
