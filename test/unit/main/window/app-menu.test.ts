import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron.module);

const { applicationMenuTemplate, developerRoles, installApplicationMenu } =
  await import('../../../../main/window/app-menu');

/** Every role in the menu, at any depth. */
function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('the application menu', () => {
  it.each(['darwin', 'linux', 'win32'] as const)(
    'has no dev tools, reload or force reload when packaged (%s)',
    (platform) => {
      const menuRoles = roles(applicationMenuTemplate({ isPackaged: true, platform }));
      for (const role of developerRoles) expect(menuRoles).not.toContain(role);
    },
  );

  it.each(['darwin', 'linux', 'win32'] as const)('keeps an Edit menu so copy and paste work (%s)', (platform) => {
    const menuRoles = roles(applicationMenuTemplate({ isPackaged: true, platform }));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'windowMenu']) {
      expect(menuRoles).toContain(role);
    }
  });

  it('starts with the standard app menu on macOS only', () => {
    expect(applicationMenuTemplate({ isPackaged: true, platform: 'darwin' })[0]).toEqual({ role: 'appMenu' });
    expect(roles(applicationMenuTemplate({ isPackaged: true, platform: 'linux' }))).not.toContain('appMenu');
    expect(roles(applicationMenuTemplate({ isPackaged: true, platform: 'win32' }))).toContain('quit');
  });

  it('keeps the View menu (reload, dev tools) in development', () => {
    expect(roles(applicationMenuTemplate({ isPackaged: false, platform: 'linux' }))).toContain('viewMenu');
  });

  it('is installed as the application menu, replacing Electron’s default one', () => {
    installApplicationMenu({ isPackaged: true, platform: 'darwin' });
    expect(fakeElectron.module.Menu.setApplicationMenu).toHaveBeenCalledWith(
      applicationMenuTemplate({ isPackaged: true, platform: 'darwin' }),
    );
  });
});
