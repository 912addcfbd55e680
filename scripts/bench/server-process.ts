import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The server under test, in its own process so the load generator does not share its event loop. */
export interface BenchServer {
  readonly url: string;
  /**
   * CPU time the server process has used so far (user + system, all threads, ms), from /proc on Linux;
   * undefined elsewhere. Unlike requests per second it hardly depends on what else the machine runs, so
   * it shows whether a change made the server cheaper.
   */
  cpuMs(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** Clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every mainstream Linux). */
const USER_HZ = 100;

const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * Starts `server/cli.ts` on 127.0.0.1, a free port and a fresh data folder with the demo tenant, at the
 * default log level (one JSON line per request, as in production; the lines are discarded).
 */
export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-bench-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--data', dataDir, '--seed', 'demo'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const url = await new Promise<string>((found, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Gatehouse server listening on (\S+)/.exec(output);
      if (match?.[1]) found(match[1]);
    });
    child.on('exit', (code) => fail(new Error(`bench server exited early (${code}): ${output}`)));
  });
  return {
    url,
    async cpuMs() {
      if (process.platform !== 'linux' || child.pid === undefined) return undefined;
      // Fields after the command name: utime is the 14th and stime the 15th field of the line.
      const afterName = (await readFile(`/proc/${child.pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
      return ((Number(afterName[11]) + Number(afterName[12])) * 1000) / USER_HZ;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
