import { parseArgs } from 'node:util';
import { SignInInput } from '../../../common/ipc/auth.contract';
import { keychainSetupHint } from '../../secrets/keychain-setup-hint';
import type { ProfileInput } from '../../settings/profile';
import { exitCodes, formatAppError, printLine, readSecretFromStdin, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { describeSession } from './describe-session';
import { parseKeyValues } from './key-values';

export const loginUsage = [
  'gatehouse login --username U --password-stdin [--mfa-otp-stdin] [--profile NAME] [--realm R] [--audience A] [--scope S] [--json]',
  '                [--server URL --client-id ID [--kind auth0|oauth2] [--token-endpoint URL] [--revocation-endpoint URL]',
  '                 [--client-secret-env VAR] [--extra-param k=v]...]',
].join('\n');

/**
 * Signs in with the password (from stdin, never argv) and keeps the refresh token in the keychain.
 * With --server, the profile is created or updated first; without it, the saved profile is used.
 */
export async function login(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      server: { type: 'string' },
      'client-id': { type: 'string' },
      kind: { type: 'string' },
      'token-endpoint': { type: 'string' },
      'revocation-endpoint': { type: 'string' },
      'client-secret-env': { type: 'string' },
      'extra-param': { type: 'string', multiple: true },
      realm: { type: 'string' },
      username: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      'mfa-otp-stdin': { type: 'boolean', default: false },
      audience: { type: 'string' },
      scope: { type: 'string' },
      profile: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.username) return usage(io, '--username is required.');
  // A password in argv would be visible in `ps` and shell history.
  if (!values['password-stdin']) return usage(io, 'pass the password on standard input with --password-stdin.');
  if (values.server !== undefined && values['client-id'] === undefined) return usage(io, '--server needs --client-id.');
  const extraParams = parseKeyValues(values['extra-param'] ?? []);
  if (!extraParams.ok) return usage(io, extraParams.error);

  const { settings, sessions, secretStore, sessionPolicy } = await context.services();
  let profileId = values.profile ?? settings.activeProfile()?.id ?? 'default';
  if (values.server !== undefined) {
    const secretVariable = values['client-secret-env'];
    const secret = secretVariable === undefined ? undefined : io.env[secretVariable];
    if (secretVariable !== undefined && !secret) return usage(io, `the variable ${secretVariable} is empty or unset.`);
    const profile: ProfileInput = {
      id: profileId,
      name: profileId,
      kind: values.kind === 'oauth2' ? 'oauth2' : 'auth0',
      issuer: values.server,
      clientId: values['client-id'] ?? '',
      clientAuth: secret === undefined ? 'none' : 'client_secret_post',
      realms: values.realm ? [values.realm] : [],
      defaultRealm: values.realm ?? null,
      extraParams: extraParams.value,
      ...(values['token-endpoint'] === undefined
        ? {}
        : {
            endpoints: {
              token: values['token-endpoint'],
              ...(values['revocation-endpoint'] === undefined ? {} : { revocation: values['revocation-endpoint'] }),
            },
          }),
      ...(values.audience ? { audience: values.audience } : {}),
      ...(values.scope ? { scope: values.scope } : {}),
    };
    const saved = settings.saveProfile({ ...settings.profile(profileId), ...profile });
    if (!saved.ok) {
      printLine(io.stderr, formatAppError(saved.error));
      return exitCodes.failed;
    }
    profileId = saved.value.id;
    if (secret !== undefined) await secretStore.set(`client-secret:${profileId}`, secret);
  }
  if (settings.profile(profileId) === undefined) {
    return usage(io, `there is no profile “${profileId}” yet: pass --server and --client-id once.`);
  }
  // With --mfa-otp-stdin, standard input holds the password on its first line and the code on the second.
  const stdin = await readSecretFromStdin(io.stdin);
  const [password, otp] = values['mfa-otp-stdin'] ? splitFirstLine(stdin) : [stdin, undefined];
  const input = SignInInput.safeParse({
    profileId,
    realm: values.realm ?? settings.profile(profileId)?.defaultRealm ?? null,
    username: values.username,
    password,
    ...(values.audience ? { audience: values.audience } : {}),
    ...(values.scope ? { scope: values.scope } : {}),
  });
  if (!input.success) return usage(io, input.error.issues[0]?.message ?? 'invalid input');

  let result = await sessions.signIn(input.data);
  if (!result.ok && result.error.code === 'mfa_required' && otp !== undefined) {
    const pending = await sessions.mfa.status();
    if (pending.ok && pending.value !== null)
      result = await sessions.mfa.verifyOtp(pending.value.transactionId, otp.trim());
  }
  if (!result.ok) {
    printLine(io.stderr, formatAppError(result.error));
    return exitCodes.failed;
  }
  settings.useProfile(profileId);
  settings.setActiveAccount(result.value.accountId);
  if (values.json) {
    printLine(io.stdout, JSON.stringify(result.value, null, 2));
  } else {
    printLine(io.stdout, describeSession(result.value));
  }
  if (result.value.storage === 'memory') {
    printLine(
      io.stderr,
      sessionPolicy.persistSessions
        ? `gatehouse: the refresh token could not be kept: the system keychain is not available. ${keychainSetupHint(process.platform)}`
        : 'gatehouse: the refresh token was not kept: your organisation does not allow Gatehouse to remember sign-ins.',
    );
  }
  return exitCodes.ok;
}

/** Standard input with `--mfa-otp-stdin`: the password on the first line, the one-time code after it. */
export function splitFirstLine(text: string): [string, string | undefined] {
  const newline = text.indexOf('\n');
  return newline < 0 ? [text, undefined] : [text.slice(0, newline).replace(/\r$/, ''), text.slice(newline + 1)];
}

function usage(io: CliIo, problem: string): number {
  printLine(io.stderr, `gatehouse: ${problem}\nusage: ${loginUsage}`);
  return exitCodes.usage;
}
