import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuContext {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
}

/**
 * The application menu, from roles only. Without one Electron ships its default menu, whose View menu has
 * Toggle Developer Tools, Reload and Force Reload: in a packaged build those would let anyone open DevTools
 * (where `window.gatehouse` passes the sender check) or reload away a half-finished sign-in. The Edit menu
 * is kept everywhere because on macOS copy and paste in text fields only work through its roles.
 */
export function applicationMenuTemplate({ isPackaged, platform }: MenuContext): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  else template.push({ label: 'File', submenu: [{ role: 'quit' }] });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  // Development keeps Electron's View menu: reload and the dev tools are how the UI is worked on.
  if (!isPackaged) template.push({ role: 'viewMenu' });
  template.push({ role: 'windowMenu' });
  return template;
}

/** Roles that must never be reachable in a packaged build, at any depth of the menu. */
export const developerRoles = ['toggleDevTools', 'reload', 'forceReload', 'viewMenu'] as const;

export function installApplicationMenu(context: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(context)));
}
