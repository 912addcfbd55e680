import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { launchApp } from '../support/e2e/launch-app';
import { adminClient } from '../support/server/extensibility-admin';
import { managementAudience, type ManagementClient } from '../support/server/management';
import { totp, totpAfterStepOf, wrongTotp } from '../support/totp';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';

// Admin mode for an account the server asks a second factor from: the built renderer in Chromium, bridged
// to the real main-process router, against the real reference server. The demo's MFA user gets the admin
// role first (through the Management API), so the step-up token must carry that role's permissions.
const screenshots = join(import.meta.dirname, '../../test-results/screenshots');
const mfaUser = { username: 'mfa@example.com', password: 'Mfa-Demo-Passw0rd!', secret: 'JBSWY3DPEHPK3PXP' };

let { server, renderer, browser } = {} as E2eWorld;
/** The Management API permissions of the `admin` role, as the server lists them. */
let adminPermissions: string[];

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
  adminPermissions = await giveAdminRole(await adminClient(server), mfaUser.username);
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

/** Assigns the `admin` role to the user with this e-mail; returns the role's Management API permissions. */
async function giveAdminRole(management: ManagementClient, email: string): Promise<string[]> {
  const users = (await management.get(`/users?q=${encodeURIComponent(`email:"${email}"`)}`)).body as {
    user_id: string;
  }[];
  const roles = (await management.get('/roles?name_filter=admin')).body as { id: string; name: string }[];
  const userId = users[0]?.user_id;
  const roleId = roles.find((role) => role.name === 'admin')?.id;
  if (userId === undefined || roleId === undefined) throw new Error(`no ${email} or no admin role on the server`);
  const assigned = await management.post(`/users/${encodeURIComponent(userId)}/roles`, { roles: [roleId] });
  if (assigned.status !== 204) throw new Error(`role not assigned: ${assigned.status} ${assigned.text}`);
  const permissions = (await management.get(`/roles/${roleId}/permissions?per_page=100`)).body as {
    permission_name: string;
    resource_server_identifier: string;
  }[];
  const audience = managementAudience(server.issuer);
  return permissions.filter((item) => item.resource_server_identifier === audience).map((item) => item.permission_name);
}

const visible = (page: Page, locator: ReturnType<Page['getByRole']>) =>
  expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true);

/** Signs in with the password and the current authenticator code; returns when that code was computed. */
async function signInWithMfa(page: Page): Promise<number> {
  await page.getByLabel('Username or e-mail').fill(mfaUser.username);
  await page.getByLabel('Password', { exact: true }).fill(mfaUser.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // waitFor, not expect.poll: this runs in beforeAll, where vitest allows no expect.poll.
  await page.getByRole('heading', { name: 'Verify it’s you' }).waitFor({ timeout: 15_000 });
  const codeAt = Date.now();
  await page.getByLabel('Code from your authenticator app').fill(totp(mfaUser.secret, codeAt));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
  return codeAt;
}

describe('admin mode for an account with MFA', () => {
  let page: Page;
  let errors: string[];
  let signInCodeAt: number;

  beforeAll(async () => {
    ({ page, errors } = await launchApp(browser, renderer.origin, demoProfile(server.issuer, 'e2e-admin-mfa')));
    signInCodeAt = await signInWithMfa(page);
  });

  it('asks for the authenticator code after the password, and the screen passes axe', async () => {
    await page.getByRole('tab', { name: 'Admin' }).click();
    await visible(page, page.getByRole('heading', { name: 'Confirm it’s you' }));
    await page.getByLabel('Password', { exact: true }).fill(mfaUser.password);
    await page.getByRole('button', { name: 'Enter admin mode' }).click();

    const code = page.getByLabel('Code from your authenticator app');
    await visible(page, code);
    expect(await page.getByRole('heading', { name: 'Admin mode' }).count()).toBe(0);
    expect(await page.textContent('main')).toMatch(/This sign-in ends in \d/);
    await page.screenshot({ path: join(screenshots, 'admin-step-up-mfa.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('refuses a wrong code with the reason, empties the field and stays on the code', async () => {
    const code = page.getByLabel('Code from your authenticator app');
    await code.fill(wrongTotp(mfaUser.secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await visible(page, page.getByRole('alert'));
    expect(await page.getByRole('alert').textContent()).toMatch(/code/i);
    expect(await code.inputValue()).toBe('');
    expect(await page.getByRole('heading', { name: 'Admin mode' }).count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'admin-step-up-mfa-refused.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('goes back to the password on Cancel with focus in the password field, and asks for the code again', async () => {
    await page.getByRole('button', { name: 'Cancel' }).click();
    const password = page.getByLabel('Password', { exact: true });
    await visible(page, password);
    // The Cancel button is gone: without a new focus, a keyboard user would be left on the page body.
    await expect.poll(() => password.evaluate((input) => input === document.activeElement)).toBe(true);

    await page.keyboard.type(mfaUser.password);
    await page.keyboard.press('Enter');
    await visible(page, page.getByLabel('Code from your authenticator app'));
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('enters admin mode with the next code, with the admin role’s permissions', async () => {
    // The sign-in used this step's code, and the server refuses a step twice: wait for the next code.
    const code = await totpAfterStepOf(mfaUser.secret, signInCodeAt);
    await page.getByLabel('Code from your authenticator app').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await visible(page, page.getByRole('heading', { name: 'Admin mode' }));
    expect(await page.textContent('main')).toContain(`As ${mfaUser.username}`);
    expect(await page.textContent('main')).not.toContain('read-only access');

    expect(adminPermissions).toContain('delete:users');
    const allows = page.getByRole('button', { name: /What admin mode allows/ });
    expect(await allows.textContent()).toContain(`(${adminPermissions.length} permissions)`);
    await allows.click();
    const table = page.getByRole('table', { name: 'Admin permissions' });
    expect(await table.getByRole('row', { name: /^users / }).textContent()).toContain('read, create, update, delete');
    expect(await table.getByRole('row', { name: /^rules / }).textContent()).toContain('read, create, update, delete');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
