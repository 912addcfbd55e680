import { describe, expect, it, vi } from 'vitest';

// The fake `electron` module (no binary here): cli-launch only asks `app` for isPackaged, getPath, exit and
// commandLine.appendSwitch, so a recording stand-in is the whole of Electron it sees.
const fake = vi.hoisted(() => ({
  app: {
    isPackaged: true,
    exit: vi.fn(),
    getPath: vi.fn((name: string) => `/home/ada/.config/Gatehouse#${name}`),
    commandLine: { appendSwitch: vi.fn() },
  },
}));
vi.mock('electron', () => ({ app: fake.app }));

const { cliArguments, launchCliIfAsked } = await import('../../../../main/app/cli-launch');

function recordingIo() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdin: (async function* () {})(),
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
    },
  };
}

/** Runs a launch and waits for the app to be told to exit; resolves with the exit code. */
async function launched(argv: string[], options: { env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {}) {
  fake.app.exit.mockClear();
  fake.app.commandLine.appendSwitch.mockClear();
  const { io, out } = recordingIo();
  const cli = launchCliIfAsked({
    argv,
    io,
    env: options.env ?? { DISPLAY: ':0' },
    platform: options.platform ?? 'linux',
  });
  if (cli) await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalled());
  return { cli, out, code: fake.app.exit.mock.calls[0]?.[0] as number | undefined };
}

describe('telling a CLI run from a plain launch', () => {
  it.each([
    [['/opt/Gatehouse/gatehouse', 'token'], true, ['token']],
    [
      ['/opt/Gatehouse/gatehouse', 'login', '--username', 'a', '--password-stdin'],
      true,
      ['login', '--username', 'a', '--password-stdin'],
    ],
    [['/opt/Gatehouse/gatehouse', '--no-sandbox', 'whoami', '--json'], true, ['whoami', '--json']],
    [['/opt/Gatehouse/gatehouse', '--ozone-platform=headless', 'token'], true, ['token']],
    [['/opt/Gatehouse/gatehouse', '--help'], true, ['--help']],
    [['/opt/Gatehouse/gatehouse', 'users', 'list'], true, ['users', 'list']],
    [['/opt/Gatehouse/gatehouse'], true, null],
    [['/opt/Gatehouse/gatehouse', '--no-sandbox'], true, null],
    [['/Applications/Gatehouse.app/Contents/MacOS/Gatehouse', '-psn_0_12345'], true, null],
    [['/opt/Gatehouse/gatehouse', 'some-file.txt', 'token'], true, null],
    [['/usr/lib/electron/electron', '.', 'token', '--refresh'], false, ['token', '--refresh']],
    [['/usr/lib/electron/electron', '.'], false, null],
  ])('%j (packaged: %s) → %j', (argv, packaged, expected) => {
    expect(cliArguments(argv, packaged)).toEqual(expected);
  });
});

describe('the CLI inside the app', () => {
  it('opens nothing and does not exit on a plain launch', async () => {
    const { cli } = await launched(['/opt/Gatehouse/gatehouse']);
    expect(cli).toBe(false);
    expect(fake.app.exit).not.toHaveBeenCalled();
    expect(fake.app.commandLine.appendSwitch).not.toHaveBeenCalled();
  });

  it('runs the command and exits with its code (help: 0)', async () => {
    const { cli, out, code } = await launched(['/opt/Gatehouse/gatehouse', '--help']);
    expect(cli).toBe(true);
    expect(out.stdout).toContain('gatehouse token [--refresh] [--json]');
    expect(code).toBe(0);
  });

  it('passes a usage error through as exit code 2, with the message on stderr', async () => {
    const { out, code } = await launched(['/opt/Gatehouse/gatehouse', 'login', '--password-stdin']);
    expect(out.stderr).toContain('--username is required');
    expect(code).toBe(2);
  });

  it('on Linux without a display asks Chromium for its headless platform; with one, it does not', async () => {
    await launched(['/opt/Gatehouse/gatehouse', '--help'], { env: {} });
    expect(fake.app.commandLine.appendSwitch.mock.calls).toEqual([['ozone-platform', 'headless'], ['disable-gpu']]);
    await launched(['/opt/Gatehouse/gatehouse', '--help'], { env: { WAYLAND_DISPLAY: 'wayland-0' } });
    expect(fake.app.commandLine.appendSwitch).not.toHaveBeenCalled();
    await launched(['/Applications/Gatehouse.app/Contents/MacOS/Gatehouse', '--help'], { env: {}, platform: 'darwin' });
    expect(fake.app.commandLine.appendSwitch).not.toHaveBeenCalled();
  });

  it("shares the window's settings folder (Electron's userData) unless GATEHOUSE_CONFIG_DIR says otherwise", async () => {
    const run = vi.fn(async (_args: string[], _io: { env: NodeJS.ProcessEnv }) => 0);
    const { io } = recordingIo();
    launchCliIfAsked({ argv: ['/opt/Gatehouse/gatehouse', 'whoami'], io, env: { DISPLAY: ':0' }, run });
    launchCliIfAsked({
      argv: ['/opt/Gatehouse/gatehouse', 'whoami'],
      io,
      env: { DISPLAY: ':0', GATEHOUSE_CONFIG_DIR: '/x' },
      run,
    });
    expect(run.mock.calls.map(([, cliIo]) => cliIo.env.GATEHOUSE_CONFIG_DIR)).toEqual([
      '/home/ada/.config/Gatehouse#userData',
      '/x',
    ]);
  });

  it('turns a crash into one line and exit code 1', async () => {
    fake.app.exit.mockClear();
    const { io, out } = recordingIo();
    const run = vi.fn(async () => {
      throw new Error('keytar could not load');
    });
    launchCliIfAsked({ argv: ['/opt/Gatehouse/gatehouse', 'token'], io, env: { DISPLAY: ':0' }, run });
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(out.stderr).toBe('gatehouse: keytar could not load\n');
  });
});
