import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManagedPolicy } from '../../main/settings/managed-policy';
import { demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { launchApp } from '../support/e2e/launch-app';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';

// Server profiles edited in the window: saved by the real settings service, used by the real sign-in.
const screenshots = join(import.meta.dirname, '../../test-results/screenshots');
const bob = { username: 'bob@example.com', password: 'Bob-Demo-Passw0rd!' };

let { server, renderer, browser } = {} as E2eWorld;

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
}

describe('settings in the window', () => {
  it('adds a server, switches to it, and signs in with its realm', async () => {
    const { page, errors } = await launchApp(browser, renderer.origin, demoProfile(server.issuer, 'e2e-settings'));
    await page.getByLabel('Username or e-mail').waitFor();
    await openSettings(page);
    expect(await page.getByRole('article', { name: 'Demo tenant (test)' }).textContent()).toContain('In use');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add a server' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Contractors only');
    expect(await page.getByLabel('Profile id').inputValue()).toBe('contractors-only');
    await page.getByLabel('Tenant URL (issuer)').fill('not a url');
    await page.getByLabel('Client ID').fill('gatehouse-desktop');
    await page.getByRole('button', { name: 'Save' }).click();
    // The contract's schema refuses it in the window; nothing was saved.
    await expect
      .poll(() =>
        page
          .getByText('must be an http(s) URL')
          .or(page.getByText(/Invalid URL/i))
          .count(),
      )
      .toBe(1);
    await page.getByLabel('Tenant URL (issuer)').fill(server.issuer);
    expect(await page.getByText(/Invalid URL|must be an http\(s\) URL/).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Realms' }).fill('contractors');
    await page.getByRole('combobox', { name: 'Realms' }).press('Enter');
    await page.screenshot({ path: join(screenshots, 'settings-add.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();

    const added = page.getByRole('article', { name: 'Contractors only' });
    await added.waitFor();
    await added.getByRole('button', { name: 'Use' }).click();
    await expect.poll(() => added.textContent()).toContain('In use');
    await page.screenshot({ path: join(screenshots, 'settings.png'), fullPage: true });
    await page.getByRole('button', { name: 'Done' }).click();

    await expect.poll(() => page.getByText('Contractors only').isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Realm' }).inputValue()).toBe('contractors');
    await page.getByLabel('Username or e-mail').fill(bob.username);
    await page.getByLabel('Password', { exact: true }).fill(bob.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
    expect(await page.textContent('main')).toContain('contractors');
    expect(errors).toEqual([]);
  });

  it('shows what the organisation manages, and does not let a locked field be changed', async () => {
    const profile = demoProfile(server.issuer, 'e2e-managed');
    const policy = ManagedPolicy.parse({
      version: 1,
      profiles: [{ id: profile.id, issuer: server.issuer, locked: ['issuer', 'clientId'] }],
      restrictToManagedProfiles: true,
      allowedRealms: ['employees'],
      idleLockMinutes: 15,
    });
    const { page } = await launchApp(browser, renderer.origin, profile, policy);
    await page.getByLabel('Username or e-mail').waitFor();
    await openSettings(page);
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('Only the servers your organisation set up can be used.');
    expect(text).toContain('Sign-in is allowed to these realms only: employees.');
    expect(text).toContain('Gatehouse locks after 15 minutes of inactivity.');
    expect(await page.getByRole('button', { name: 'Add a server' }).count()).toBe(0);

    await page.getByRole('article', { name: 'Demo tenant (test)' }).getByRole('button', { name: 'Edit' }).click();
    const issuer = page.getByLabel('Tenant URL (issuer)');
    expect(await issuer.isDisabled()).toBe(true);
    expect(await page.getByLabel('Client ID').isDisabled()).toBe(true);
    expect(await page.getByText('Managed by your organisation').count()).toBeGreaterThanOrEqual(2);
    // The name is the user's: a change is saved.
    await page.getByLabel('Name', { exact: true }).fill('My demo');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('article', { name: 'My demo' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
