import { z } from 'zod';
import { channel } from './channel';
import { SessionSummary } from './session.schema';

/**
 * Multi-factor sign-in, driven by the window but held by main: the `mfa_token` and any `oob_code` stay
 * in main under an opaque transaction id. The window sees factors, deadlines and codes to show the user.
 */
export const MfaAuthenticatorView = z.object({
  id: z.string(),
  type: z.string(),
  active: z.boolean(),
  oobChannel: z.string().optional(),
  name: z.string().optional(),
});
export type MfaAuthenticatorView = z.infer<typeof MfaAuthenticatorView>;

export const MfaStatus = z.object({
  transactionId: z.string(),
  username: z.string(),
  realm: z.string().nullable(),
  /** Epoch ms: the pending sign-in ends then and the password must be entered again. */
  expiresAt: z.number().int(),
  authenticators: z.array(MfaAuthenticatorView),
});
export type MfaStatus = z.infer<typeof MfaStatus>;

const Transaction = z.object({ transactionId: z.string().min(1).max(100) });

export const MfaEnrolInput = z.discriminatedUnion('type', [
  Transaction.extend({ type: z.literal('otp') }),
  Transaction.extend({
    type: z.literal('oob'),
    channel: z.enum(['email', 'sms']),
    email: z.string().email().optional(),
    phoneNumber: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number like +15551234567')
      .optional(),
  }),
]);

export const MfaEnrolment = z.object({
  type: z.enum(['otp', 'oob']),
  /** The TOTP key for apps that cannot scan the QR code. */
  manualEntryKey: z.string().optional(),
  qrCodeDataUrl: z.string().optional(),
  oobChannel: z.string().optional(),
  bindingMethod: z.string().optional(),
  /** Shown once, on the first enrolment: the user must store them now. */
  recoveryCodes: z.array(z.string()).optional(),
});
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;
export type MfaEnrolInput = z.infer<typeof MfaEnrolInput>;

export const mfaChannels = {
  /** The pending multi-factor sign-in, if a password sign-in asked for one. */
  status: channel('mfa:status', z.object({}).strict(), MfaStatus.nullable()),
  enrol: channel('mfa:enrol', MfaEnrolInput, MfaEnrolment),
  challenge: channel(
    'mfa:challenge',
    Transaction.extend({ authenticatorId: z.string().max(200).optional() }),
    z.object({ challengeType: z.enum(['otp', 'oob']), bindingMethod: z.string().optional() }),
  ),
  verifyOtp: channel(
    'mfa:verifyOtp',
    Transaction.extend({ otp: z.string().regex(/^\d{6}$/, 'six digits') }),
    SessionSummary,
  ),
  /** With a binding code (e-mail/SMS), one try; without one (push), waits for approval, honouring slow_down. */
  verifyOob: channel(
    'mfa:verifyOob',
    Transaction.extend({ bindingCode: z.string().max(20).optional() }),
    SessionSummary,
  ),
  recover: channel(
    'mfa:recover',
    Transaction.extend({ recoveryCode: z.string().min(8).max(64) }),
    z.object({ session: SessionSummary, newRecoveryCode: z.string().optional() }),
  ),
  cancel: channel('mfa:cancel', Transaction, z.object({ cancelled: z.boolean() })),
} as const;
