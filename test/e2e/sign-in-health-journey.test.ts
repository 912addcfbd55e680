import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainService, KeytarSecretStore } from '../../main/secrets/keytar-secret-store';
import { noPolicy } from '../../main/settings/managed-policy';
import { Profile } from '../../main/settings/profile';
import { reuseNotice } from '../../main/session/session-renewal';
import { alice, demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';
import { launchApp } from '../support/e2e/launch-app';
import { testSettings } from '../support/test-settings';

// Issue #11's sign-in and session-health journeys, in Chromium against the real server and keychain:
// (1) bob and the realm suggestion, Caps Lock, the realm remembered after a restart; (2) "keep me signed in"
// off; (3) rotation seen, then reuse detection ending the session; (7) switching profile on the sign-in
// screen. axe runs on the login form and the health panel in both themes; README images go to docs/.
const readmeImages = join(import.meta.dirname, '../../docs/screenshots');
const bob = { username: 'bob@example.com', password: 'Bob-Demo-Passw0rd!' } as const;

let { server, renderer, browser } = {} as E2eWorld;

beforeAll(async () => {
  await mkdir(readmeImages, { recursive: true });
  ({ server, renderer, browser } = await startE2eWorld());
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

/** A contractor agency's profile: every example.com address it signs in belongs to `contractors`. */
function agencyProfile(): Profile {
  return Profile.parse({ ...demoProfile(server.issuer, 'agency'), realmsByDomain: { 'example.com': 'contractors' } });
}

const realm = (page: Page) => page.getByRole('combobox', { name: 'Realm' });
const signedIn = (page: Page) =>
  expect.poll(() => page.getByRole('heading', { name: 'Signed in' }).isVisible(), { timeout: 15_000 }).toBe(true);
const healthPanel = (page: Page) => page.getByRole('region', { name: 'Refresh token health' });

async function signIn(page: Page, user: { username: string; password: string }, keep = true): Promise<void> {
  await page.getByLabel('Username or e-mail').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  if (!keep) await page.getByLabel('Keep me signed in').uncheck();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedIn(page);
}

async function inDarkTheme(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme')))
    .toBe('dark');
}

describe('sign-in and session health', () => {
  it('(1) suggests contractors for bob, warns about Caps Lock, and remembers the realm after a restart', async () => {
    const profile = agencyProfile();
    const settings = testSettings([profile]);
    const first = await launchApp(browser, renderer.origin, profile, noPolicy, { settings });
    const { page } = first;
    await expect.poll(() => realm(page).inputValue()).toBe('employees');
    await page.getByLabel('Username or e-mail').fill(bob.username);
    await expect.poll(() => realm(page).inputValue()).toBe('contractors');
    expect(await page.getByText('Suggested for example.com').isVisible()).toBe(true);

    const password = page.getByLabel('Password', { exact: true });
    await password.dispatchEvent('keydown', { key: 'B', modifierCapsLock: true });
    await expect.poll(() => page.getByText('Caps Lock is on').isVisible()).toBe(true);
    await password.dispatchEvent('keydown', { key: 'b', modifierCapsLock: false });
    await expect.poll(() => page.getByText('Caps Lock is on').count()).toBe(0);

    // The folded-away advanced options open prefilled from the profile (its default scope), as the user sees them.
    await page.getByRole('button', { name: 'Advanced' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Scope' }).inputValue())
      .toBe('openid profile email offline_access');

    await signIn(page, bob);
    expect(await page.textContent('body')).toContain('contractors');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByLabel('Username or e-mail').isVisible()).toBe(true);
    await page.close();

    // A restart: new main services over the same settings and keychain.
    const again = await launchApp(browser, renderer.origin, profile, noPolicy, { settings });
    await again.page.getByLabel('Username or e-mail').fill(bob.username);
    await expect.poll(() => realm(again.page).inputValue()).toBe('contractors');
    expect(await again.page.getByText('The realm you used last time').isVisible()).toBe(true);
    expect(first.errors.concat(again.errors)).toEqual([]);
    await again.page.close();
  });

  it('(2) signs alice in with "keep me signed in" off: nothing in the keychain, and the panel says why', async () => {
    const profile = demoProfile(server.issuer, 'nokeep');
    const { page, errors } = await launchApp(browser, renderer.origin, profile);
    await expect.poll(() => page.getByLabel('Keep me signed in').isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await signIn(page, alice, false);
    expect(await keytar.getPassword(keychainService, `${profile.id}/employees/${alice.username}`)).toBeNull();
    const panel = healthPanel(page);
    await expect.poll(() => panel.textContent()).toContain('You chose not to stay signed in');
    expect(await panel.textContent()).toContain('None planned: there is no refresh token');
    // The policy allows the admin pane, but alice has no admin or support role and never stepped up.
    await expect.poll(() => page.getByRole('tablist').getAttribute('aria-busy')).toBe('false');
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Account', 'Token inspector', 'API console']);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('(3) shows a rotation after a refresh, and says plainly when reuse detection ends the session', async () => {
    const profile = demoProfile(server.issuer, 'rotate');
    const account = `${profile.id}/employees/${alice.username}`;
    const { page, errors } = await launchApp(browser, renderer.origin, profile);
    await signIn(page, alice);
    const panel = healthPanel(page);
    expect(await panel.textContent()).toContain('Not known yet: there has been no refresh');
    const before = await new KeytarSecretStore().get(account);

    // Lock and unlock: unlocking renews with the refresh token, and the demo client rotates it.
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await signedIn(page);
    await expect.poll(() => healthPanel(page).textContent()).toContain('Yes: the refresh token changed');
    expect(await healthPanel(page).textContent()).toMatch(/SucceededNext refresh|Succeeded/);
    expect(await new KeytarSecretStore().get(account)).not.toBe(before);
    await healthPanel(page).screenshot({ path: join(readmeImages, 'health-panel-light.png') });
    await inDarkTheme(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await healthPanel(page).screenshot({ path: join(readmeImages, 'health-panel-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Someone presents the replaced token: the server's reuse detection revokes the whole family.
    const replay = await fetch(`${server.issuer}oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'gatehouse-desktop',
        refresh_token: before ?? '',
      }),
    });
    expect(replay.status).toBe(403);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'reuse detection' }).textContent())
      .toBe(`You were signed out${reuseNotice}`);
    expect(await keytar.getPassword(keychainService, account)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('(7) switches profile from the sign-in screen, and the realms follow', async () => {
    const first = demoProfile(server.issuer, 'pick');
    const second = Profile.parse({
      ...demoProfile(server.issuer, 'pick2'),
      name: 'Contractor desk',
      realms: ['contractors'],
      defaultRealm: 'contractors',
    });
    const settings = testSettings([first, second]);
    const { page, errors } = await launchApp(browser, renderer.origin, first, noPolicy, { settings });
    const picker = page.getByRole('combobox', { name: 'Server' });
    await expect.poll(() => picker.locator('option:checked').textContent()).toBe('Demo tenant (test)');
    expect(await accessibilityViolations(page)).toEqual([]);
    await inDarkTheme(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await picker.selectOption({ label: 'Contractor desk' });
    await expect.poll(() => page.getByRole('main').getByText('Contractor desk').first().isVisible()).toBe(true);
    await expect.poll(() => realm(page).inputValue()).toBe('contractors');
    expect(await realm(page).getByRole('option').allTextContents()).toEqual(['contractors']);
    expect(settings.activeProfile()?.id).toBe(second.id);
    expect(errors).toEqual([]);
    await page.close();
  });
});
