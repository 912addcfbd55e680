import keytar from 'keytar';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainService } from '../../main/secrets/keytar-secret-store';
import type { Profile } from '../../main/settings/profile';
import { alice, demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { launchApp } from '../support/e2e/launch-app';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';

// Several accounts at once, switching, signing one out, the lock and "sign out of all", in the window,
// against the real server and keychain.
const bob = { realm: 'contractors', username: 'bob@example.com', password: 'Bob-Demo-Passw0rd!' };

let { server, renderer, browser } = {} as E2eWorld;
let profile: Profile;
let page: Page;

const stored = async () =>
  (await keytar.findCredentials(keychainService))
    .map((entry) => entry.account)
    .filter((account) => account.startsWith(`${profile.id}/`))
    .sort();

async function signIn(user: { realm: string; username: string; password: string }): Promise<void> {
  await page.getByLabel('Username or e-mail').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  if (user.realm !== 'employees') {
    await page.getByRole('combobox', { name: 'Realm' }).selectOption(user.realm);
  }
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
}

const accountRow = (username: string) => page.getByRole('listitem', { name: username });

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
  profile = demoProfile(server.issuer, 'e2e-accounts');
  ({ page } = await launchApp(browser, renderer.origin, profile));
  await signIn(alice);
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

describe('accounts in the window', () => {
  it('adds a second account, which becomes active, and switches back without a password', async () => {
    await page.getByRole('button', { name: 'Add an account' }).click();
    // Changing one's mind keeps the first account as it was.
    await page.getByRole('button', { name: 'Back to my account' }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    await page.getByRole('button', { name: 'Add an account' }).click();
    await signIn(bob);
    await expect.poll(() => accountRow(bob.username).textContent()).toContain('Active');
    expect(await accountRow(alice.username).textContent()).not.toContain('Active');
    expect(await stored()).toEqual([
      `${profile.id}/contractors/${bob.username}`,
      `${profile.id}/employees/${alice.username}`,
    ]);

    await accountRow(alice.username).getByRole('button', { name: 'Switch to' }).click();
    await expect.poll(() => accountRow(alice.username).textContent()).toContain('Active');
    expect(await page.locator('dl').first().textContent()).toContain(alice.username);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('signs out the other account only: its keychain entry goes, the active one stays', async () => {
    await accountRow(bob.username).getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => accountRow(bob.username).count()).toBe(0);
    expect(await stored()).toEqual([`${profile.id}/employees/${alice.username}`]);
    expect(await page.locator('dl').first().textContent()).toContain(alice.username);
  });

  it('locks, and unlocks with the kept refresh token', async () => {
    const before = await keytar.getPassword(keychainService, `${profile.id}/employees/${alice.username}`);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Gatehouse is locked' }).waitFor();
    expect(await page.textContent('main')).not.toContain('Access token claims');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
    const after = await keytar.getPassword(keychainService, `${profile.id}/employees/${alice.username}`);
    expect(after).toMatch(/^v1\./);
    expect(after).not.toBe(before); // unlocking renewed the session, rotating the refresh token
  });

  it('signs out of all accounts at once', async () => {
    await page.getByRole('button', { name: 'Add an account' }).click();
    await signIn(bob);
    await page.getByRole('button', { name: 'Sign out of all' }).click();
    await page.getByLabel('Username or e-mail').waitFor();
    expect(await stored()).toEqual([]);
  });
});
