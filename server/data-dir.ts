import { join, win32 } from 'node:path';

/** What the default data folder depends on; passed in so every platform can be tested anywhere. */
export interface PlatformInfo {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
}

/**
 * The per-user data folder for the server's database:
 * - Linux and other Unixes: `$XDG_DATA_HOME/gatehouse/server`, else `~/.local/share/gatehouse/server`
 *   (XDG Base Directory Specification; a relative XDG_DATA_HOME is invalid and ignored);
 * - macOS: `~/Library/Application Support/Gatehouse/server`;
 * - Windows: `%LOCALAPPDATA%\Gatehouse\server` (machine-local, as a database should not roam), else
 *   `%APPDATA%`, else `~\AppData\Local`.
 */
export function defaultDataDir({ platform, env, homedir }: PlatformInfo): string {
  if (platform === 'win32') {
    const base = env['LOCALAPPDATA'] || env['APPDATA'] || win32.join(homedir, 'AppData', 'Local');
    return win32.join(base, 'Gatehouse', 'server');
  }
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support', 'Gatehouse', 'server');
  const xdg = env['XDG_DATA_HOME'];
  const base = xdg !== undefined && xdg.startsWith('/') ? xdg : join(homedir, '.local', 'share');
  return join(base, 'gatehouse', 'server');
}
