import { describe, expect, it } from 'vitest';
import { keychainSetupHint } from '../../../../main/secrets/keychain-setup-hint';

// Without a keychain the CLI names the one this OS uses and how to get it (the Linux case is also run for
// real in test/integration/desktop/keychain-unavailable.test.ts).
describe('keychainSetupHint', () => {
  it.each([
    [
      'linux',
      ['desktop session', 'dbus-run-session', 'gnome-keyring-daemon --unlock', 'apt-get install gnome-keyring'],
    ],
    ['darwin', ['login keychain', 'security unlock-keychain']],
    ['win32', ['Credential Manager', 'signed-in user']],
    ['freebsd', ['Secret Service', 'dbus-run-session']],
  ] as const)('on %s names the keychain and the way to it', (platform, phrases) => {
    const hint = keychainSetupHint(platform);
    for (const phrase of phrases) expect(hint).toContain(phrase);
    expect(hint).not.toContain('\n');
  });
});
