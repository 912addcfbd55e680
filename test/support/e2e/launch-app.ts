import type { Browser, Page } from 'playwright-core';
import { createDesktopServices } from '../../../main/app/desktop-services';
import { KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { noPolicy, type ManagedPolicy } from '../../../main/settings/managed-policy';
import type { Profile } from '../../../main/settings/profile';
import type { SettingsService } from '../../../main/settings/settings-service';
import { testSettings } from '../test-settings';
import { installGatehouseBridge } from './gatehouse-bridge';

export interface LaunchedApp {
  page: Page;
  /** Page errors and console errors, so a test can assert the window stayed clean. */
  errors: string[];
}

/**
 * A new window with a fresh main process: new services over the real keychain (like quitting and relaunching
 * the app), the built renderer served from `rendererOrigin`, and the preload bridged to the real IPC router.
 * Pass `settings` to keep the settings across launches (a restart finds what the last run remembered) or to
 * offer several profiles; the page's colour scheme follows `colorScheme`.
 */
export async function launchApp(
  browser: Browser,
  rendererOrigin: string,
  profile: Profile | readonly Profile[],
  policy: ManagedPolicy = noPolicy,
  options: { settings?: SettingsService; colorScheme?: 'light' | 'dark' } = {},
): Promise<LaunchedApp> {
  const { router, sessions } = createDesktopServices({
    // The first profile is the active one.
    settings: options.settings ?? testSettings(Array.isArray(profile) ? [...profile] : [profile as Profile], policy),
    secretStore: new KeytarSecretStore(),
    trustedOrigin: rendererOrigin,
    userAgent: 'Gatehouse/e2e',
  });
  // A context of its own per window: axe-core needs one to run its checks across frames.
  const context = await browser.newContext({
    viewport: { width: 1000, height: 820 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  sessions.onChanged(await installGatehouseBridge(page, router));
  await page.goto(`${rendererOrigin}/index.html`);
  return { page, errors };
}
