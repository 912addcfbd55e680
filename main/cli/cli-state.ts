import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { Profile } from '../settings/profile';

/**
 * What the CLI remembers between runs: the profile it signed in with and the account to restore.
 * Nothing secret: the refresh token is in the keychain, keyed by `accountId`.
 */
export const CliState = z.object({
  version: z.literal(1),
  profile: Profile,
  accountId: z.string().min(1),
});
export type CliState = z.infer<typeof CliState>;

export function defaultStatePath(env: NodeJS.ProcessEnv): string {
  if (env.GATEHOUSE_CLI_STATE) return env.GATEHOUSE_CLI_STATE;
  const configHome =
    process.platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(configHome, 'gatehouse', 'cli-state.json');
}

export class CliStateError extends Error {
  override readonly name = 'CliStateError';
}

/** Reads the state; null when there is none. A corrupt file is an error, not silently "signed out". */
export async function readCliState(path: string): Promise<CliState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliStateError(`Cannot read ${path}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CliStateError(`${path} is not valid JSON; delete it and sign in again`, { cause });
  }
  const parsed = CliState.safeParse(json);
  if (!parsed.success)
    throw new CliStateError(`${path} is not a Gatehouse CLI state file; delete it and sign in again`);
  return parsed.data;
}

/** Writes atomically (temp file, then rename) with owner-only permissions, so a crash never leaves half a file. */
export async function writeCliState(path: string, state: CliState): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}
