import type { ManagedPolicy } from '../settings/managed-policy';

/** The parts of the managed policy that decide how sessions are kept. */
export interface SessionPolicy {
  /** False: never write refresh tokens to the keychain (every launch asks for the password). */
  readonly persistSessions: boolean;
  /** With no keychain: carry on in memory only, or refuse to sign in at all. */
  readonly keychainUnavailable: 'memory-only' | 'refuse';
  /** When set, sign-in is refused for any other realm. */
  readonly allowedRealms?: readonly string[];
}

export const permissiveSessionPolicy: SessionPolicy = { persistSessions: true, keychainUnavailable: 'memory-only' };

export function sessionPolicyOf(policy: ManagedPolicy): SessionPolicy {
  return {
    persistSessions: policy.persistSessions,
    keychainUnavailable: policy.keychainUnavailable,
    ...(policy.allowedRealms === undefined ? {} : { allowedRealms: policy.allowedRealms }),
  };
}
