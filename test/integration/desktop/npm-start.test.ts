import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../support/run-process';

// `npm start` where Electron cannot start (no display here): it must keep the server running and print
// a CLI command that really signs in. We run that printed command.
const root = join(import.meta.dirname, '../../..');
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gatehouse-start-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('npm start without a display', { timeout: 90_000 }, () => {
  it('runs the demo server, explains in one line, and prints a working CLI login command', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, GATEHOUSE_PORT: '0', GATEHOUSE_DATA_DIR: join(scratch, 'data') };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const start = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const command = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no CLI command printed:\n${lines.join('\n')}`)), 75_000);
      createInterface({ input: start.stdout }).on('line', (line) => {
        lines.push(line);
        if (line.includes('npx gatehouse login')) {
          clearTimeout(timer);
          resolve(line.trim());
        }
      });
      start.once('exit', (code) => reject(new Error(`npm start exited early (${code}):\n${lines.join('\n')}`)));
    });
    try {
      const output = lines.join('\n');
      expect(output).toMatch(/Gatehouse reference server: http:\/\/127\.0\.0\.1:\d+\/? /);
      expect(output).toContain('alice@example.com     Alice-Demo-Passw0rd!');
      expect(lines.filter((line) => line.startsWith('Electron cannot start here:'))).toHaveLength(1);

      // A fresh clone's shell: the system's Node (20 on Debian) comes first on PATH, so the printed command
      // only works if it brings Node 24 itself (it runs through scripts/with-node24).
      expect(command).toContain('scripts/with-node24 npx gatehouse login');
      const login = await runProcess('sh', ['-c', command], {
        cwd: root,
        env: {
          ...process.env,
          PATH: `/usr/bin:/bin:${process.env.PATH ?? ''}`,
          GATEHOUSE_CONFIG_DIR: join(scratch, 'config'),
        },
      });
      expect(login.stderr).toBe('');
      expect(login.code).toBe(0);
      expect(login.stdout).toMatch(/Signed in as alice@example\.com/);
    } finally {
      const exited = new Promise((resolve) => start.once('exit', resolve));
      start.kill('SIGINT');
      await exited;
    }
  });
});
