/**
 * How to get a working keychain on this OS, for the CLI's "the keychain is not available" messages. A plain
 * "could not be kept" leaves a user on a headless Linux box with nowhere to go: there, keytar needs a Secret
 * Service on the D-Bus session bus, which only a desktop session (or one started by hand) provides.
 */
export function keychainSetupHint(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Gatehouse keeps sign-ins in the macOS login keychain: run it in a logged-in user session (over SSH, unlock it first with `security unlock-keychain login.keychain-db`).';
    case 'win32':
      return 'Gatehouse keeps sign-ins in Windows Credential Manager: run it as a signed-in user with a loaded profile (not as a service account without one).';
    default:
      return (
        'Gatehouse keeps sign-ins in the Secret Service (GNOME Keyring, KWallet): sign in to a desktop session, ' +
        'or on a headless machine start one for the command: ' +
        `dbus-run-session -- sh -c 'printf "%s" "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && gatehouse …' ` +
        '(Debian/Ubuntu: apt-get install gnome-keyring dbus).'
      );
  }
}
