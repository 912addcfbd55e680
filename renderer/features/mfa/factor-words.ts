import type { MfaAuthenticatorView } from '../../../common/ipc/mfa.contract';

/** The words for an out-of-band channel, so every screen names e-mail, SMS and push the same way. */
export function channelWords(channel: string | undefined) {
  switch (channel) {
    case 'email':
      return {
        message: 'e-mail',
        where: 'to your e-mail address',
        offer: 'We can e-mail you a code.',
        send: 'E-mail me a code',
      };
    case 'sms':
      return {
        message: 'text message',
        where: 'to your phone',
        offer: 'We can text you a code.',
        send: 'Text me a code',
      };
    default:
      return {
        message: 'notification',
        where: 'to your device',
        offer: 'We can send a request to your device.',
        send: 'Send a request',
      };
  }
}

/** A short name for a factor in the "Verify with" choice. */
export function factorLabel(authenticator: MfaAuthenticatorView): string {
  if (authenticator.type === 'otp') return 'Authenticator app';
  const channel = authenticator.oobChannel;
  const base = channel === 'email' ? 'E-mail' : channel === 'sms' ? 'Text message' : 'Push notification';
  return authenticator.name ? `${base} (${authenticator.name})` : base;
}

/** The factors a user can verify with now. Recovery codes are offered separately, as a way out. */
export function usableFactors(authenticators: readonly MfaAuthenticatorView[]): MfaAuthenticatorView[] {
  return authenticators.filter((item) => item.active && (item.type === 'otp' || item.type === 'oob'));
}

export function hasRecoveryCode(authenticators: readonly MfaAuthenticatorView[]): boolean {
  return authenticators.some((item) => item.active && item.type === 'recovery-code');
}
