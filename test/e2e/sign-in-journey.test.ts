import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopServices } from '../../main/app/desktop-services';
import { keychainService, KeytarSecretStore } from '../../main/secrets/keytar-secret-store';
import type { Profile } from '../../main/settings/profile';
import { alice, demoProfile } from '../support/desktop-profile';
import { testSettings } from '../support/test-settings';
import { installGatehouseBridge } from '../support/e2e/gatehouse-bridge';
import { launchApp } from '../support/e2e/launch-app';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';

// The built renderer in Debian Chromium, its window.gatehouse bridged to the real main-process router,
// which talks to the real reference server and the real keychain. Only Electron's transport is swapped.
const screenshots = join(import.meta.dirname, '../../test-results/screenshots');

let { server, renderer, browser } = {} as E2eWorld;
let profile: Profile;

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  ({ server, renderer, browser } = await startE2eWorld());
  profile = demoProfile(server.issuer, 'e2e');
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

const launch = () => launchApp(browser, renderer.origin, profile);

const account = () => `${profile.id}/employees/${alice.username}`;

describe('sign-in journey', () => {
  it('shows the login view with the profile’s realms', async () => {
    const { page, errors } = await launch();
    await expect.poll(() => page.getByLabel('Username or e-mail').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('combobox', { name: 'Realm' }).inputValue()).toBe('employees');
    await page.screenshot({ path: join(screenshots, 'login.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in plain words when the password is wrong', async () => {
    const { page } = await launch();
    await page.getByLabel('Username or e-mail').fill(alice.username);
    await page.getByLabel('Password', { exact: true }).fill('not-her-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The username or password is wrong.');
    await page.screenshot({ path: join(screenshots, 'login-error.png') });
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await page.close();
  });

  it('signs alice in and shows her claims, with the refresh token in the keychain', async () => {
    const { page, errors } = await launch();
    await page.getByLabel('Username or e-mail').fill(alice.username);
    await page.getByLabel('Password', { exact: true }).fill(alice.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Signed in' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain(alice.username);
    expect(text).toContain('employees');
    expect(text).toContain('ID token claims');
    expect(text).toContain('Access token claims');
    expect(text).toContain(server.issuer);
    expect(text).not.toContain(alice.password);
    expect(await keytar.getPassword(keychainService, account())).toMatch(/^v1\./);
    await page.screenshot({ path: join(screenshots, 'signed-in.png'), fullPage: true });
    // The renderer keeps nothing: no web storage, no cookies, no IndexedDB (design/security.md, "Secrets").
    const storage = await page.evaluate(async () => ({
      local: window.localStorage.length,
      session: window.sessionStorage.length,
      cookies: document.cookie,
      databases: (await indexedDB.databases()).length,
    }));
    expect(storage).toEqual({ local: 0, session: 0, cookies: '', databases: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays signed in after a restart, from the keychain alone', async () => {
    const before = await keytar.getPassword(keychainService, account());
    const { page } = await launch();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Signed in' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect((await page.textContent('body')) ?? '').toContain(alice.username);
    const after = await keytar.getPassword(keychainService, account());
    expect(after).toMatch(/^v1\./);
    expect(after).not.toBe(before); // the restore rotated the token and stored the new one
    await page.screenshot({ path: join(screenshots, 'restored.png'), fullPage: true });
    await page.close();
  });

  it('signs out, and the keychain entry is gone', async () => {
    const { page } = await launch();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Signed in' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByLabel('Username or e-mail').isVisible()).toBe(true);
    expect(await keytar.getPassword(keychainService, account())).toBeNull();
    await page.screenshot({ path: join(screenshots, 'signed-out.png') });
    await page.close();
  });

  it('refuses IPC from a page of another origin', async () => {
    const { router } = createDesktopServices({
      settings: testSettings([profile]),
      secretStore: new KeytarSecretStore(),
      trustedOrigin: renderer.origin,
      userAgent: 'Gatehouse/e2e',
    });
    const page = await browser.newPage();
    await installGatehouseBridge(page, router);
    await page.goto(new URL('.well-known/openid-configuration', server.url).toString());
    const answer = await page.evaluate(() =>
      (
        window as unknown as { gatehouse: { auth: { session(input: object): Promise<unknown> } } }
      ).gatehouse.auth.session({}),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    await page.close();
  });
});
