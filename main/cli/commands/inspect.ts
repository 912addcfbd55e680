import { parseArgs } from 'node:util';
import { PastedToken, type Check, type VerificationResult } from '../../../common/ipc/inspect.contract';
import { userAgent } from '../../app/user-agent';
import { Inspector } from '../../inspect/inspector';
import { createProfileHttpClient } from '../../net/profile-http-client';
import { clientSecretAccount, Profile } from '../../settings/profile';
import { exitCodes, formatAppError, printLine, readSecretFromStdin, type CliIo } from '../cli-io';
import type { CliServices } from '../cli-services';
import type { CommandContext } from './command-context';

export const inspectUsage = [
  'gatehouse inspect <jwt|-> [--profile NAME | --issuer URL --client-id ID] [--audience A] [--skew SECONDS] [--json]',
  '                                   decode a token, verify it against the issuer’s keys and explain its claims',
  '                                   (exit 0 valid, 1 a check failed)',
].join('\n');

/**
 * Decodes a token (from the argument, or standard input with `-`), verifies it against the JWKS of the
 * configured issuer (the active or named profile, or `--issuer`), and prints every check and claim.
 */
export async function inspect(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      audience: { type: 'string' },
      skew: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) return usage(io, 'give one token, or - to read it from standard input.');
  if (values.issuer !== undefined && values.profile !== undefined)
    return usage(io, 'use --profile or --issuer, not both.');
  const skew = values.skew === undefined ? undefined : Number(values.skew);
  if (skew !== undefined && !(Number.isInteger(skew) && skew >= 0 && skew <= 3600)) {
    return usage(io, '--skew is a whole number of seconds from 0 to 3600.');
  }
  const raw = positionals[0] === '-' ? await readSecretFromStdin(io.stdin) : (positionals[0] ?? '');
  const token = PastedToken.safeParse(raw);
  if (!token.success) return usage(io, token.error.issues[0]?.message ?? 'that is not a token.');

  // Loaded even with --issuer: the managed policy's CA bundles apply to every request Gatehouse makes.
  const services = await context.services();
  const profile = chooseProfile(values, services);
  if (typeof profile === 'string') return usage(io, profile);

  const agent = userAgent(process.env.npm_package_version ?? '0.1.0', `cli; node ${process.version}`);
  const inspector = new Inspector({
    httpFor: (chosen) =>
      createProfileHttpClient(chosen, {
        userAgent: agent,
        policyCaBundlePaths: services.settings.policy.caBundlePaths,
      }),
    clientSecret: async (chosen) =>
      services === null ? null : services.secretStore.get(clientSecretAccount(chosen.id)),
  });
  const result = await inspector.verify(token.data, profile, {
    ...(values.audience === undefined ? {} : { expectedAudience: values.audience }),
    ...(skew === undefined ? {} : { skewSeconds: skew }),
  });
  if (!result.ok) {
    printLine(io.stderr, formatAppError(result.error));
    return exitCodes.failed;
  }
  printLine(
    io.stdout,
    values.json ? JSON.stringify(result.value, null, 2) : describeVerification(result.value, profile),
  );
  return result.value.valid ? exitCodes.ok : exitCodes.failed;
}

/** The profile to verify against, or the words explaining why there is none. */
function chooseProfile(
  values: { profile?: string | undefined; issuer?: string | undefined; 'client-id'?: string | undefined },
  services: CliServices,
): Profile | string {
  if (values.issuer !== undefined) {
    if (values['client-id'] === undefined) {
      return '--issuer needs --client-id (the app the token was issued to), so aud and azp can be checked.';
    }
    // A generic profile: its JWKS comes from the issuer's discovery document (OIDC Discovery 1.0 §4).
    const parsed = Profile.safeParse({
      id: 'inspect',
      name: values.issuer,
      kind: 'oauth2',
      issuer: values.issuer,
      clientId: values['client-id'],
    });
    return parsed.success ? parsed.data : `--issuer: ${parsed.error.issues[0]?.message ?? 'not a URL'}.`;
  }
  const { settings } = services;
  const profile = values.profile === undefined ? settings.activeProfile() : settings.profile(values.profile);
  if (profile !== undefined) return profile;
  return values.profile === undefined
    ? 'there is no profile to verify against. Run `gatehouse login` first, or pass --issuer URL --client-id ID.'
    : `there is no profile named “${values.profile}”. See \`gatehouse profiles list\`.`;
}

const marks: Record<Check['status'], string> = { pass: 'pass', warn: 'WARN', fail: 'FAIL' };

/** The terminal view: verdict, every check, every claim explained, and any notes. */
export function describeVerification(result: VerificationResult, profile: Profile): string {
  const { decoded } = result;
  const lines = [
    decoded.summary,
    `${result.valid ? 'VALID' : 'NOT VALID'} for ${profile.issuer} (profile ${profile.name}, client ${profile.clientId}).`,
    '',
    'Checks:',
    ...result.checks.map((check) => `  [${marks[check.status]}] ${check.title.padEnd(16)} ${check.message}`),
  ];
  if (result.clockWarning !== null) lines.push('', `Clock: ${result.clockWarning}`);
  if (decoded.header !== null) lines.push('', `Header: ${JSON.stringify(decoded.header)}`);
  const explained = decoded.explained.length > 0 ? decoded.explained : (result.introspection?.explained ?? []);
  if (explained.length > 0) {
    lines.push('', 'Claims:');
    for (const claim of explained) {
      const when = claim.time === undefined ? '' : ` (${claim.time.iso}, ${claim.time.relative})`;
      lines.push(`  ${claim.name}: ${JSON.stringify(claim.value)}${when}`, `      ${claim.meaning}`);
    }
  }
  if (decoded.expiry !== null && !decoded.expiry.isExpired) {
    lines.push('', `Expires in ${decoded.expiry.secondsUntilExpiry} seconds.`);
  }
  if (decoded.notes.length > 0) lines.push('', ...decoded.notes.map((note) => `Note: ${note}`));
  return lines.join('\n');
}

function usage(io: CliIo, problem: string): number {
  printLine(io.stderr, `gatehouse inspect: ${problem}\nusage: ${inspectUsage.split('\n')[0]}`);
  return exitCodes.usage;
}
