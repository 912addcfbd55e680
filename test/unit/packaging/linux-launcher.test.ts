import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// build/linux/gatehouse becomes /usr/bin/gatehouse in the .deb. It runs the app binary, adding Chromium's
// headless switches on the command line when a command runs without a display. A stand-in "app" that
// prints its arguments shows what the real one would receive.
const launcher = join(import.meta.dirname, '../../../build/linux/gatehouse');
const scratch = mkdtempSync(join(tmpdir(), 'gatehouse-launcher-'));
const standIn = join(scratch, 'gatehouse-app');
writeFileSync(standIn, '#!/bin/sh\nfor arg in "$@"; do printf "%s|" "$arg"; done\n');
chmodSync(standIn, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function argsReceived(args: string[], display: Record<string, string>): string {
  const run = spawnSync('sh', [launcher, ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GATEHOUSE_APP_BINARY: standIn, ...display },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return run.stdout;
}

describe.skipIf(process.platform === 'win32')('the .deb launcher /usr/bin/gatehouse', () => {
  it('adds the headless switches for a command without a display', () => {
    expect(argsReceived(['token', '--json'], {})).toBe('--ozone-platform=headless|--disable-gpu|token|--json|');
  });

  it('passes a command through untouched where there is a display (X11 or Wayland)', () => {
    expect(argsReceived(['token'], { DISPLAY: ':0' })).toBe('token|');
    expect(argsReceived(['login', '--username', 'a b'], { WAYLAND_DISPLAY: 'wayland-0' })).toBe(
      'login|--username|a b|',
    );
  });

  it('starts the window as is when there are no arguments', () => {
    expect(argsReceived([], {})).toBe('');
  });
});
