import { appError, type AppResult } from '../../../common/errors/app-error';
import { SignInInput } from '../../../common/ipc/auth.contract';
import { err, ok } from '../../../common/result';
import { AdminStepUp, stepUpRequired } from '../../admin/admin-step-up';
import type { ManagementCredentials } from '../../admin/management-credentials';
import { createTokenGrants } from '../../app/token-grants-factory';
import { formatAccountId, parseAccountId, type AccountRef } from '../../session/account-id';
import { fixedProfiles } from '../../session/session-profiles';
import type { Profile } from '../../settings/profile';
import { readSecretFromStdin, type CliIo } from '../cli-io';
import type { CliServices } from '../cli-services';
import { splitFirstLine } from './login';

/** The flags a CLI step-up reads (a subset of admin-connect.ts's `adminOptions`). */
export interface StepUpFlags {
  readonly username?: string | undefined;
  readonly 'admin-realm'?: string | undefined;
  readonly 'password-stdin': boolean;
  readonly 'mfa-otp-stdin': boolean;
}

/**
 * The admin's step-up for one command (design/features.md item 7): the password (and a one-time code when
 * the server asks for MFA) from standard input, a Management API token held by this process only. The
 * saved session is neither used for admin calls nor changed: its keychain entry stays as it was.
 */
export async function stepUpCredentials(
  flags: StepUpFlags,
  io: CliIo,
  services: CliServices,
  profile: Profile,
  userAgent: string,
): Promise<AppResult<ManagementCredentials>> {
  const ref = stepUpAccount(flags, services, profile);
  if (!ref.ok) return ref;
  if (!flags['password-stdin']) {
    return err({
      ...stepUpRequired(ref.value.username, 'missing'),
      nextStep:
        'Pass the password on standard input with --password-stdin (admin access lasts for this command), or use --m2m.',
    });
  }
  const stdin = await readSecretFromStdin(io.stdin);
  const [password, otp] = flags['mfa-otp-stdin'] ? splitFirstLine(stdin) : [stdin, undefined];
  const checked = SignInInput.shape.password.safeParse(password);
  if (!checked.success) return err(appError('invalid_input', checked.error.issues[0]?.message ?? 'Invalid password.'));

  const grants = createTokenGrants(profile, {
    secretStore: services.secretStore,
    userAgent,
    ...(services.settings.policy.caBundlePaths === undefined
      ? {}
      : { policyCaBundlePaths: services.settings.policy.caBundlePaths }),
  });
  const stepUp = new AdminStepUp({
    profiles: fixedProfiles([{ profile, grants }]),
    activeAccountId: () => null,
    allowedRealms: services.settings.policy.allowedRealms,
  });
  const outcome = await stepUp.stepUp(ref.value, checked.data);
  if (!outcome.ok) return outcome;
  if (outcome.value.status === 'mfa_required') {
    if (otp === undefined || otp.trim() === '') {
      return err(
        appError('mfa_required', 'This admin sign-in needs a second factor.', {
          nextStep: 'Add --mfa-otp-stdin and put the one-time code on the line after the password.',
        }),
      );
    }
    const verified = await stepUp.verify(outcome.value.mfa.transactionId, { type: 'otp', otp: otp.trim() });
    if (!verified.ok) return verified;
  }
  return ok(stepUp.credentials(formatAccountId(ref.value)));
}

/** Who steps up: `--username` (in `--admin-realm`, else the profile's default realm), else the saved active account. */
function stepUpAccount(flags: StepUpFlags, { settings }: CliServices, profile: Profile): AppResult<AccountRef> {
  if (flags.username !== undefined) {
    return ok({ profileId: profile.id, realm: flags['admin-realm'] ?? profile.defaultRealm, username: flags.username });
  }
  const saved = settings.settings().activeAccountId;
  const ref = saved === null ? null : parseAccountId(saved);
  if (ref === null || ref.profileId !== profile.id) {
    return err(
      appError('not_signed_in', `No saved account for the profile “${profile.name}” to step up with.`, {
        nextStep: 'Name the admin with --username U --password-stdin, or use --m2m.',
      }),
    );
  }
  return ok(ref);
}
