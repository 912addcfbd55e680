import type { SignInInput } from '../../common/ipc/auth.contract';
import type { TokenRef, VerifyInput } from '../../common/ipc/inspect.contract';
import type { MfaEnrolInput } from '../../common/ipc/mfa.contract';
import type { GatehouseApi } from '../../common/ipc/contract';
import type { SessionChanged } from '../../common/ipc/session.schema';
import { appError, type AppResult } from '../../common/errors/app-error';

declare global {
  interface Window {
    /** Built by the preload from common/ipc/contract.ts; absent only when the page is opened outside Gatehouse. */
    readonly gatehouse?: GatehouseApi;
  }
}

/**
 * The only module that touches `window.gatehouse`. Screens import these functions, so a change to the bridge
 * (or a fake in a test) has exactly one place to go.
 */
function bridge(): GatehouseApi {
  const api = window.gatehouse;
  // A missing bridge is a packaging bug, not a user error: let the error boundary show it.
  if (!api) throw new Error('window.gatehouse is missing: the preload did not run.');
  return api;
}

/**
 * The contract promises calls never reject. If the bridge itself breaks (main crashed, channel torn down),
 * turn that into an AppError the screen already knows how to show, rather than an unhandled rejection.
 * A missing bridge still throws, synchronously, before any of this.
 */
async function settle<T>(pending: Promise<AppResult<T>>): Promise<AppResult<T>> {
  try {
    return await pending;
  } catch (cause) {
    console.error('Gatehouse bridge call failed', cause);
    return {
      ok: false,
      error: appError('internal', 'Gatehouse lost contact with its background process.', {
        nextStep: 'Quit and reopen Gatehouse. If this keeps happening, contact IT.',
      }),
    };
  }
}

export const activeProfile = () => settle(bridge().profile.active({}));

/** Silent restore from the keychain at start-up; resolves to null when no account is stored. */
export const restoreSession = () => settle(bridge().auth.restore({}));

/** The password is passed straight through: it is never stored, logged or kept here. */
export const signIn = (input: SignInInput) => settle(bridge().auth.signIn(input));

export const signOut = () => settle(bridge().auth.signOut({}));

/** Returns the unsubscribe function, ready to be a React effect's cleanup. */
export const onSessionChanged = (listener: (change: SessionChanged) => void) =>
  bridge().events.sessionChanged(listener);

/** The multi-factor sign-in main holds after a password sign-in answered `mfa_required` (null: none). */
export const mfaStatus = () => settle(bridge().mfa.status({}));

export const mfaEnrol = (input: MfaEnrolInput) => settle(bridge().mfa.enrol(input));

export const mfaChallenge = (transactionId: string, authenticatorId?: string) =>
  settle(bridge().mfa.challenge({ transactionId, ...(authenticatorId === undefined ? {} : { authenticatorId }) }));

export const mfaVerifyOtp = (transactionId: string, otp: string) =>
  settle(bridge().mfa.verifyOtp({ transactionId, otp }));

/** With a binding code, one try; without one, main waits for the push approval. */
export const mfaVerifyOob = (transactionId: string, bindingCode?: string) =>
  settle(bridge().mfa.verifyOob({ transactionId, ...(bindingCode === undefined ? {} : { bindingCode }) }));

export const mfaRecover = (transactionId: string, recoveryCode: string) =>
  settle(bridge().mfa.recover({ transactionId, recoveryCode }));

export const mfaCancel = (transactionId: string) => settle(bridge().mfa.cancel({ transactionId }));

/** Decode, verify (against the profile's own JWKS), compare and redact tokens; main never returns the raw token. */
export const inspectVerify = (input: VerifyInput) => settle(bridge().inspect.verify(input));

export const inspectDiff = (before: TokenRef, after: TokenRef) => settle(bridge().inspect.diff({ before, after }));

export const inspectSupportBundle = (tokens: TokenRef[]) => settle(bridge().inspect.supportBundle({ tokens }));
