import type { AxiosInstance } from 'axios';
import { appError, type AppError, type AppResult } from '../../../common/errors/app-error';
import { err, ok } from '../../../common/result';
import { keychainSecret } from '../../admin/admin-service';
import { ClientCredentialsCache, type ManagementCredentials } from '../../admin/management-credentials';
import { ManagementClient } from '../../admin/management-client';
import { managementAudience } from '../../auth/management-audience';
import { userAgent } from '../../app/user-agent';
import { createProfileTokenClient } from '../../auth/profile-token-client';
import { DiscoveryCache } from '../../auth/server-endpoints';
import { createProfileHttpClient } from '../../net/profile-http-client';
import { Profile } from '../../settings/profile';
import { exitCodes, formatAppError, printLine, type CliIo } from '../cli-io';
import type { CliServices } from '../cli-services';
import { stepUpCredentials } from './admin-step-up';
import type { CommandContext } from './command-context';

/** The credential flags every admin verb takes (with `--json`). */
export const adminOptions = {
  json: { type: 'boolean', default: false },
  profile: { type: 'string' },
  m2m: { type: 'boolean', default: false },
  'client-id': { type: 'string' },
  'client-secret-env': { type: 'string' },
  server: { type: 'string' },
  username: { type: 'string' },
  'admin-realm': { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  'mfa-otp-stdin': { type: 'boolean', default: false },
} as const;

export const adminCredentialsUsage = [
  'credentials: the saved session never carries admin power; each admin command steps up on its own:',
  '  --password-stdin  the password of the saved active account (of the profile), for a Management API token',
  '    that lives as long as this command; nothing is saved and the saved session is not changed, or',
  '  --username U --password-stdin [--admin-realm R]  the same step-up for another admin, or',
  '  --m2m [--client-id ID] [--client-secret-env VAR]  client_credentials (the secret from VAR, else the',
  '  keychain entry client-secret:<profile>); --profile NAME picks the profile, or --server URL --client-id ID',
  '  names the tenant without one (with --m2m or --username). With --mfa-otp-stdin, standard input holds the',
  '  password and then, on the next line, the one-time code. Without credentials, an admin verb exits 3.',
].join('\n');

export interface AdminFlags {
  readonly json: boolean;
  readonly profile?: string | undefined;
  readonly m2m: boolean;
  readonly 'client-id'?: string | undefined;
  readonly 'client-secret-env'?: string | undefined;
  readonly server?: string | undefined;
  readonly username?: string | undefined;
  readonly 'admin-realm'?: string | undefined;
  readonly 'password-stdin': boolean;
  readonly 'mfa-otp-stdin': boolean;
}

/** A connected admin command, or the exit code to end with (the reason is already printed). */
export type Connected =
  { readonly ok: true; readonly client: ManagementClient } | { readonly ok: false; readonly code: number };

const agent = () => userAgent(process.env.npm_package_version ?? '0.1.0', `cli; node ${process.version}`);

/**
 * Connects an admin verb to the Management API with the credentials its flags name (see
 * `adminCredentialsUsage`). Prints the reason and picks the exit code when that is not possible.
 */
export async function connectAdmin(flags: AdminFlags, io: CliIo, context: CommandContext): Promise<Connected> {
  if (flags.m2m && flags.username !== undefined) return usage(io, 'use either --m2m or --username, not both.');
  if (flags.m2m && flags['password-stdin']) return usage(io, '--m2m takes no password; drop --password-stdin.');
  if (flags['mfa-otp-stdin'] && !flags['password-stdin'])
    return usage(io, '--mfa-otp-stdin goes with --password-stdin.');
  const services = await context.services();
  const profile = profileFor(flags, services);
  if (!profile.ok) return refused(io, profile.error);
  const http = await createProfileHttpClient(profile.value, {
    userAgent: agent(),
    ...(services.settings.policy.caBundlePaths === undefined
      ? {}
      : { policyCaBundlePaths: services.settings.policy.caBundlePaths }),
  });
  if (!http.ok) return refused(io, http.error);
  const credentials = flags.m2m
    ? m2mCredentials(flags, io, services, profile.value, http.value)
    : await stepUpCredentials(flags, io, services, profile.value, agent());
  if (!credentials.ok) return refused(io, credentials.error);
  return {
    ok: true,
    client: new ManagementClient({ http: http.value, issuer: profile.value.issuer, credentials: credentials.value }),
  };
}

/** Prints an AppError on one line; exits 3 when not signed in (or not stepped up), 2 for bad input, else 1. */
export function refused(io: CliIo, error: AppError): { readonly ok: false; readonly code: number } {
  printLine(io.stderr, formatAppError(error));
  const code =
    error.code === 'not_signed_in' || error.code === 'admin_step_up_required'
      ? exitCodes.notSignedIn
      : error.code === 'invalid_input'
        ? exitCodes.usage
        : exitCodes.failed;
  return { ok: false, code };
}

export function usage(io: CliIo, problem: string): { readonly ok: false; readonly code: number } {
  printLine(io.stderr, `gatehouse: ${problem} Run gatehouse --help.`);
  return { ok: false, code: exitCodes.usage };
}

function profileFor(flags: AdminFlags, { settings }: CliServices): AppResult<Profile> {
  const saved = flags.profile === undefined ? settings.activeProfile() : settings.profile(flags.profile);
  if (flags.server !== undefined) {
    if (!flags.m2m && flags.username === undefined) {
      return err(
        appError('invalid_input', '--server goes with --m2m or --username; saved sessions use their profile.'),
      );
    }
    if (flags['client-id'] === undefined) return err(appError('invalid_input', '--server needs --client-id.'));
    // A tenant named on the command line: only the saved profile's network settings carry over.
    const parsed = Profile.safeParse({
      id: 'cli-admin',
      name: 'Command-line admin',
      kind: 'auth0',
      issuer: flags.server,
      clientId: flags['client-id'],
      ...(saved?.proxy === undefined ? {} : { proxy: saved.proxy }),
      ...(saved?.caBundlePath === undefined ? {} : { caBundlePath: saved.caBundlePath }),
      ...(saved === undefined ? {} : { timeoutMs: saved.timeoutMs }),
    });
    return parsed.success
      ? ok(parsed.data)
      : err(
          appError(
            'invalid_input',
            `The server address is not usable: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
          ),
        );
  }
  if (saved === undefined) {
    return err(
      appError(
        'not_signed_in',
        flags.profile === undefined ? 'There is no server profile yet.' : `There is no profile “${flags.profile}”.`,
        {
          nextStep: 'Run `gatehouse login --server URL --client-id ID …` once, or pass --m2m --server URL.',
        },
      ),
    );
  }
  return ok(saved);
}

function m2mCredentials(
  flags: AdminFlags,
  io: CliIo,
  { secretStore }: CliServices,
  profile: Profile,
  http: AxiosInstance,
): AppResult<ManagementCredentials> {
  const client = Profile.parse({
    ...profile,
    clientId: flags['client-id'] ?? profile.clientId,
    clientAuth: profile.clientAuth === 'none' ? 'client_secret_post' : profile.clientAuth,
  });
  const variable = flags['client-secret-env'];
  const secret = async (): Promise<AppResult<string>> => {
    if (variable === undefined) return keychainSecret(secretStore, profile);
    const value = io.env[variable];
    return value ? ok(value) : err(appError('invalid_input', `The variable ${variable} is empty or unset.`));
  };
  const discovery = new DiscoveryCache(http);
  const cache = new ClientCredentialsCache(async () => {
    const value = await secret();
    if (!value.ok) return value;
    const tokens = createProfileTokenClient(client, { http, discovery, clientSecret: value.value });
    return tokens.ok ? tokens.value.clientCredentials({ audience: managementAudience(profile.issuer) }) : tokens;
  });
  return ok(cache.credentials());
}
