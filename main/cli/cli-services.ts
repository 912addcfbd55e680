import { homedir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createTokenGrants } from '../app/token-grants-factory';
import { userAgent } from '../app/user-agent';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { SessionManager } from '../session/session-manager';
import { sessionPolicyOf, type SessionPolicy } from '../session/session-policy';
import { settingsProfiles } from '../app/settings-profiles';
import { loadManagedPolicy, policyFilePath } from '../settings/policy-file';
import { SettingsService } from '../settings/settings-service';
import type { RawSettingsFile } from '../settings/settings-store';

/**
 * The app's settings folder: electron-store keeps `config.json` in Electron's userData folder, which for
 * an app named "gatehouse" is this path, so the CLI and the app share profiles. GATEHOUSE_CONFIG_DIR overrides.
 */
export function configDirectory(env: NodeJS.ProcessEnv): string {
  if (env.GATEHOUSE_CONFIG_DIR) return env.GATEHOUSE_CONFIG_DIR;
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'gatehouse');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'gatehouse');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'gatehouse');
}

export interface CliServices {
  readonly settings: SettingsService;
  readonly sessions: SessionManager;
  readonly secretStore: SecretStore;
  /** The managed policy's session rules: whether a sign-in kept only in memory was the policy's choice. */
  readonly sessionPolicy: SessionPolicy;
}

/** The same services as the app, without a window. Throws PolicyFileError / SettingsFileError (fail closed). */
export async function createCliServices(
  env: NodeJS.ProcessEnv,
  secretStore: SecretStore = new KeytarSecretStore(),
): Promise<CliServices> {
  const policy = await loadManagedPolicy(policyFilePath(env));
  const file = new Conf<Record<string, unknown>>({
    projectName: 'gatehouse',
    cwd: configDirectory(env),
    configName: 'config',
  });
  const settings = new SettingsService(file as unknown as RawSettingsFile, policy);
  const agent = userAgent(process.env.npm_package_version ?? '0.1.0', `cli; node ${process.version}`);
  const sessionPolicy = sessionPolicyOf(policy);
  const sessions = new SessionManager({
    profiles: settingsProfiles(settings, (profile) =>
      createTokenGrants(profile, { secretStore, userAgent: agent, policyCaBundlePaths: policy.caBundlePaths }),
    ),
    secretStore,
    policy: sessionPolicy,
  });
  return { settings, sessions, secretStore, sessionPolicy };
}
