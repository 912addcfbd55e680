import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npx gatehouse` under a Node other than 24 used to die with "Segmentation fault" while loading keytar.
// bin/gatehouse.mjs must check the version before it loads tsx or anything native. We run it under the
// system's Node (Debian's /usr/bin/node is 20 here), exactly as a user without the toolchain would.
const root = join(import.meta.dirname, '../../..');
const systemNode = '/usr/bin/node';
const systemMajor = existsSync(systemNode)
  ? Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout)
  : 24;

describe('bin/gatehouse.mjs', () => {
  it.skipIf(systemMajor === 24)(
    `on the system's Node ${systemMajor} prints one line naming Node 24 and exits 2`,
    () => {
      const run = spawnSync(systemNode, [join(root, 'bin/gatehouse.mjs'), 'whoami'], { cwd: root, encoding: 'utf8' });
      expect(run.signal).toBeNull();
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('Node 24');
      expect(lines[0]).toContain('scripts/with-node24');
    },
  );

  it('on Node 24 goes on to the CLI itself', () => {
    const run = spawnSync(process.execPath, [join(root, 'bin/gatehouse.mjs'), '--help'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('gatehouse token');
  });
});
