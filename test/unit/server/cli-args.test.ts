import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../server/cli-args';
import { defaultDataDir } from '../../../server/data-dir';

describe('parseCliArgs', () => {
  it('applies the defaults: 127.0.0.1, port 4000, info logging, the user data folder', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      options: {
        port: 4000,
        host: '127.0.0.1',
        dataDir: undefined,
        seed: undefined,
        issuer: undefined,
        logLevel: 'info',
      },
    });
  });

  it('reads every flag', () => {
    const parsed = parseCliArgs([
      '--port',
      '0',
      '--host',
      '::1',
      '--data',
      '/srv/gh',
      '--seed',
      'demo',
      '--issuer',
      'https://login.example/',
      '--log-level',
      'warn',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        port: 0,
        host: '::1',
        dataDir: '/srv/gh',
        seed: 'demo',
        issuer: 'https://login.example/',
        logLevel: 'warn',
      },
    });
  });

  it('asks for help with -h and --help', () => {
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port', 'eighty'], /--port must be a whole number from 0 to 65535/],
    [['--port', '65536'], /--port/],
    [['--port', '-1'], /--port/],
    [['--port', '1.5'], /--port/],
    [['--seed', 'prod'], /--seed accepts only "demo"/],
    [['--issuer', 'http://example.test'], /--issuer: issuer must end with "\/"/],
    [['--issuer', 'ftp://example.test/'], /--issuer/],
    [['--issuer', 'http://example.test/?x=1'], /--issuer/],
    [['--log-level', 'loud'], /--log-level must be one of/],
    [['--data', ''], /--data is empty/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['extra'], /positional/i],
    [['--tls-cert', 'cert.pem'], /--tls-cert and --tls-key go together/],
    [['--tls-key', 'key.pem'], /go together/],
    [['--log-retention-days', '0'], /--log-retention-days must be a whole number from 1 to 3650/],
    [['--log-retention-days', 'week'], /--log-retention-days/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toMatch(message);
  });

  it('reads TLS files, retention and the settings file flag', () => {
    expect(
      parseCliArgs(['--tls-cert', 'c.pem', '--tls-key', 'k.pem', '--log-retention-days', '7', '--settings', 'g.env']),
    ).toMatchObject({
      kind: 'run',
      options: { tlsCertFile: 'c.pem', tlsKeyFile: 'k.pem', logRetentionDays: 7, settingsFile: 'g.env' },
    });
  });

  it('fills unset flags from GATEHOUSE_* variables, and a flag wins over its variable', () => {
    const env = {
      GATEHOUSE_PORT: '8443',
      GATEHOUSE_HOST: '0.0.0.0',
      GATEHOUSE_ISSUER: 'https://login.example/',
      GATEHOUSE_TLS_CERT: '/etc/gh/cert.pem',
      GATEHOUSE_TLS_KEY: '/etc/gh/key.pem',
      GATEHOUSE_SEED: 'demo',
      GATEHOUSE_LOG_LEVEL: 'warn',
    };
    expect(parseCliArgs(['--port', '9000'], env)).toMatchObject({
      kind: 'run',
      options: {
        port: 9000,
        host: '0.0.0.0',
        issuer: 'https://login.example/',
        tlsCertFile: '/etc/gh/cert.pem',
        seed: 'demo',
        logLevel: 'warn',
      },
    });
    expect(parseCliArgs([], { GATEHOUSE_PORT: 'x' })).toMatchObject({ kind: 'error', message: /--port/ });
  });

  it('takes the key-encryption secret from the environment only, and refuses a short one', () => {
    const secret = 'a-long-enough-secret-value';
    expect(parseCliArgs([], { GATEHOUSE_KEY_ENCRYPTION_SECRET: secret })).toMatchObject({
      options: { keyEncryptionSecret: secret },
    });
    expect(parseCliArgs([], { GATEHOUSE_KEY_ENCRYPTION_SECRET: 'short' })).toMatchObject({
      kind: 'error',
      message: /at least 16 characters/,
    });
    expect(parseCliArgs(['--key-encryption-secret', secret]).kind).toBe('error');
  });
});

describe('defaultDataDir', () => {
  it('follows XDG on Linux, falling back to ~/.local/share, and ignores a relative XDG_DATA_HOME', () => {
    expect(defaultDataDir({ platform: 'linux', env: { XDG_DATA_HOME: '/x/data' }, homedir: '/home/a' })).toBe(
      '/x/data/gatehouse/server',
    );
    expect(defaultDataDir({ platform: 'linux', env: {}, homedir: '/home/a' })).toBe(
      '/home/a/.local/share/gatehouse/server',
    );
    expect(defaultDataDir({ platform: 'linux', env: { XDG_DATA_HOME: 'rel' }, homedir: '/home/a' })).toBe(
      '/home/a/.local/share/gatehouse/server',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ platform: 'darwin', env: {}, homedir: '/Users/a' })).toBe(
      '/Users/a/Library/Application Support/Gatehouse/server',
    );
  });

  it('uses LOCALAPPDATA on Windows, then APPDATA, then the profile', () => {
    const homedir = 'C:\\Users\\a';
    expect(defaultDataDir({ platform: 'win32', env: { LOCALAPPDATA: 'C:\\L' }, homedir })).toBe(
      'C:\\L\\Gatehouse\\server',
    );
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\R' }, homedir })).toBe('C:\\R\\Gatehouse\\server');
    expect(defaultDataDir({ platform: 'win32', env: {}, homedir })).toBe(
      'C:\\Users\\a\\AppData\\Local\\Gatehouse\\server',
    );
  });
});
