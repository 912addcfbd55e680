import type { Clock } from '../config';
import { mfaErrors } from '../errors/catalogue';
import type { RequestAudit } from '../logs/request-audit';
import type { MfaSettingsRepository } from '../storage/mfa-settings-repository';
import { userSubject } from '../tenant/model';
import type { MfaKit } from './mfa-kit';
import { MAX_OOB_SENDS_PER_TOKEN, OOB_CODE_LIFETIME_MS } from './mfa-kit';
import { hashOf, newBindingCode, newOobCode, newRecoveryCode } from './mfa-secrets';
import type { OpenMfaTransaction } from './mfa-service';
import { E164, EMAIL } from './mfa-wire';
import type { MessageSender } from './outbox';
import { newTotpSecret, totpUri } from './totp';

export interface EnrolmentDependencies {
  readonly mfa: MfaKit;
  readonly settings: MfaSettingsRepository;
  readonly sender: MessageSender;
  readonly clock: Clock;
  /** The tenant name in the otpauth URI and messages. */
  readonly tenant: () => string;
}

/** What `POST /mfa/associate` asked for (auth0-wire.md §4.4). */
export interface AssociateRequest {
  readonly types: readonly string[];
  readonly channels: readonly string[];
  readonly phoneNumber: string | undefined;
  readonly email: string | undefined;
}

/**
 * Sends a fresh OOB code for `authenticatorId` to the outbox and records the challenge under the
 * transaction. Returns the `oob_code` the client polls with; the binding code only travels in the message.
 */
export async function sendOobCode(
  deps: Pick<EnrolmentDependencies, 'mfa' | 'sender' | 'clock' | 'tenant'>,
  open: OpenMfaTransaction,
  authenticator: { readonly id: string; readonly oobChannel: 'sms' | 'email' | null; readonly target: string | null },
  audit: RequestAudit,
): Promise<string> {
  if (deps.mfa.transactions.countChallenges(open.transaction.tokenHash) >= MAX_OOB_SENDS_PER_TOKEN) {
    throw mfaErrors.tooManyMessages();
  }
  const oobCode = newOobCode();
  const bindingCode = newBindingCode();
  const now = deps.clock();
  deps.mfa.transactions.createChallenge({
    oobCodeHash: hashOf(oobCode),
    transactionHash: open.transaction.tokenHash,
    authenticatorId: authenticator.id,
    bindingCodeHash: hashOf(bindingCode),
    createdAt: now,
    expiresAt: now + OOB_CODE_LIFETIME_MS,
  });
  const channel = authenticator.oobChannel ?? 'email';
  // Never log the binding code: it is a credential. The outbox file is the delivery channel itself.
  await deps.sender.send({
    channel,
    to: authenticator.target ?? '',
    subject: `${deps.tenant()} verification code`,
    text: `Your ${deps.tenant()} verification code is ${bindingCode}. It expires in 5 minutes.`,
    userId: userSubject(open.user),
  });
  audit.write(channel === 'sms' ? 'gd_send_sms' : 'gd_send_email', {
    details: { authenticator: { id: authenticator.id } },
  });
  return oobCode;
}

/**
 * First enrolment (auth0-wire.md §4.4). A user who already has an active factor gets `User is already
 * enrolled`: adding a factor must not be possible with a password alone. Unfinished enrolments are
 * replaced. The new factor stays inactive until its first MFA grant succeeds.
 */
export async function associate(
  deps: EnrolmentDependencies,
  open: OpenMfaTransaction,
  request: AssociateRequest,
  audit: RequestAudit,
): Promise<Record<string, unknown>> {
  const { mfa } = deps;
  const user = open.user;
  if (open.pending.enrolled || mfa.authenticators.hasActive(user.id)) throw mfaErrors.alreadyEnrolled();
  const type = request.types[0];
  if (request.types.length !== 1 || (type !== 'otp' && type !== 'oob')) {
    throw mfaErrors.invalidParameter('authenticator_types');
  }
  const settings = deps.settings.get();
  mfa.authenticators.deleteInactive(user.id);

  const recoveryCodes: string[] = [];
  if (settings.factors.recoveryCode) {
    const code = newRecoveryCode();
    mfa.authenticators.setRecoveryCode(user.id, hashOf(code), false);
    recoveryCodes.push(code);
  }
  const withRecovery = recoveryCodes.length > 0 ? { recovery_codes: recoveryCodes } : {};

  if (type === 'otp') {
    if (!settings.factors.otp) throw mfaErrors.factorDisabled('otp');
    const secret = newTotpSecret();
    const authenticator = mfa.authenticators.create({ userId: user.id, type: 'otp', totpSecret: secret });
    audit.write('gd_start_enroll', { details: { authenticator: { id: authenticator.id, type: 'otp' } } });
    const account = user.email ?? user.username ?? userSubject(user);
    return { authenticator_type: 'otp', secret, barcode_uri: totpUri(deps.tenant(), account, secret), ...withRecovery };
  }

  const channel = request.channels[0];
  if (request.channels.length !== 1 || (channel !== 'sms' && channel !== 'email')) {
    throw mfaErrors.invalidParameter('oob_channels');
  }
  if (!settings.factors[channel]) throw mfaErrors.factorDisabled(channel);
  const target = channel === 'sms' ? request.phoneNumber : (request.email ?? user.email ?? undefined);
  if (target === undefined || !(channel === 'sms' ? E164 : EMAIL).test(target)) {
    throw mfaErrors.invalidParameter(channel === 'sms' ? 'phone_number' : 'email');
  }
  const authenticator = mfa.authenticators.create({ userId: user.id, type: 'oob', oobChannel: channel, target });
  audit.write('gd_start_enroll', { details: { authenticator: { id: authenticator.id, type: channel } } });
  const oobCode = await sendOobCode(deps, open, authenticator, audit);
  return {
    authenticator_type: 'oob',
    binding_method: 'prompt',
    oob_channel: channel,
    oob_code: oobCode,
    ...withRecovery,
  };
}
