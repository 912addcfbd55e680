import type { AppError } from '../../common/errors/app-error';
import { keychainSetupHint } from '../secrets/keychain-setup-hint';

/** The streams and environment a CLI run uses; injected so tests run commands in-process. */
export interface CliIo {
  readonly stdin: AsyncIterable<Buffer | string>;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
}

/** Documented in `gatehouse --help`; scripts rely on them. */
export const exitCodes = {
  ok: 0,
  failed: 1,
  usage: 2,
  notSignedIn: 3,
} as const;

export function printLine(stream: CliIo['stdout'], text: string): void {
  stream.write(`${text}\n`);
}

/** One line: what happened, what to do, and the server's own words for support. */
export function formatAppError(error: AppError): string {
  const parts = [error.message];
  if (error.nextStep) parts.push(error.nextStep);
  // The app's next step says "unlock the keychain"; on the command line, say how to get one on this OS.
  if (error.code === 'keychain_unavailable') parts.push(keychainSetupHint(process.platform));
  const { detail } = error;
  if (detail?.error !== undefined || detail?.status !== undefined) {
    const raw = [detail.status, detail.error, detail.errorDescription && JSON.stringify(detail.errorDescription)]
      .filter((part) => part !== undefined && part !== '')
      .join(' ');
    parts.push(`[server: ${raw}]`);
  }
  return `gatehouse: ${parts.join(' ')}`;
}

/** Reads a password from standard input; one trailing newline (from `echo`) is not part of it. */
export async function readSecretFromStdin(stdin: CliIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
