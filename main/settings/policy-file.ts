import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ManagedPolicy, noPolicy } from './managed-policy';

/** Where an organisation puts the policy on each OS; `GATEHOUSE_POLICY_FILE` overrides it. */
export function policyFilePath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.GATEHOUSE_POLICY_FILE) return env.GATEHOUSE_POLICY_FILE;
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Gatehouse', 'policy.json');
  if (platform === 'darwin') return '/Library/Managed Preferences/com.gatehouse.desktop.json';
  return '/etc/gatehouse/policy.json';
}

/** The policy file exists but cannot be trusted. The app must stop, not carry on without the policy. */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';
}

/**
 * Reads the managed policy. A missing file means no policy. A file that cannot be read, is not JSON, or
 * does not match the schema fails closed with a message naming the file and the problem.
 */
export async function loadManagedPolicy(path: string): Promise<ManagedPolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return noPolicy;
    throw new PolicyFileError(`The managed policy ${path} cannot be read (${(error as Error).message}).`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new PolicyFileError(`The managed policy ${path} is not valid JSON. Ask IT to fix it.`, { cause });
  }
  const parsed = ManagedPolicy.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new PolicyFileError(`The managed policy ${path} is not valid (${problems.join('; ')}). Ask IT to fix it.`);
  }
  return parsed.data;
}
