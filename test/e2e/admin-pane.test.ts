import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noPolicy } from '../../main/settings/managed-policy';
import { alice, demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { launchApp } from '../support/e2e/launch-app';
import { adminClient } from '../support/server/extensibility-admin';
import { claimsOf, desktopLogin } from '../support/server/desktop-grants';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';

// The admin pane in the window: the built renderer in Chromium, bridged to the real main-process router,
// which steps up with the admin's password and calls the real reference server's Management API. What the
// pane does is checked through the server too (a blocked sign-in, the restored script, the next token).
const screenshots = join(import.meta.dirname, '../../test-results/screenshots');
const admin = { username: 'admin@example.com', password: 'Admin-Demo-Passw0rd!' };
const support = { username: 'support@example.com', password: 'Support-Demo-Passw0rd!' };
const claim = 'https://gatehouse.test/e2e-admin';
const scriptVersion = (version: string) =>
  `function (user, context, callback) {\n  context.accessToken['${claim}'] = '${version}';\n  callback(null, user, context);\n}`;

let { server, renderer, browser } = {} as E2eWorld;

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

const visible = (page: Page, locator: ReturnType<Page['getByRole']>) =>
  expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true);

async function signIn(page: Page, user: { username: string; password: string }) {
  await page.getByLabel('Username or e-mail').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
}

async function stepUp(page: Page, password: string) {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Enter admin mode' }).click();
}

async function openAdminAndStepUp(page: Page, password: string) {
  await page.getByRole('tab', { name: 'Admin' }).click();
  await visible(page, page.getByRole('heading', { name: 'Confirm it’s you' }));
  await stepUp(page, password);
  await visible(page, page.getByRole('heading', { name: 'Admin mode' }));
}

async function openUser(page: Page, email: string) {
  await page.getByRole('tab', { name: 'Users' }).click();
  await page.getByLabel('Search users').fill(email.split('@')[0] ?? email);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: email }).click();
  await visible(page, page.getByRole('heading', { name: email }));
}

describe('the admin pane, as an admin', () => {
  let page: Page;
  let errors: string[];
  let aliceId: string;

  beforeAll(async () => {
    ({ page, errors } = await launchApp(browser, renderer.origin, demoProfile(server.issuer, 'e2e-admin')));
    await signIn(page, admin);
  });

  it('asks for the password again, and refuses a wrong one with the reason', async () => {
    await page.getByRole('tab', { name: 'Admin' }).click();
    await visible(page, page.getByRole('heading', { name: 'Confirm it’s you' }));
    expect(await page.textContent('main')).toContain(admin.username);
    await page.screenshot({ path: join(screenshots, 'admin-step-up.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    await stepUp(page, 'Not-The-Admin-Passw0rd!');
    await visible(page, page.getByRole('alert').filter({ hasText: 'Sign-in refused' }));
    expect(await page.getByRole('heading', { name: 'Admin mode' }).count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'admin-step-up-refused.png'), fullPage: true });
  });

  it('steps up with the right password and shows what admin mode allows and until when', async () => {
    await stepUp(page, admin.password);
    await visible(page, page.getByRole('heading', { name: 'Admin mode' }));
    expect(await page.textContent('main')).toMatch(/Admin access ends: .*expires in 1[0-5] min/);
    await page.getByRole('button', { name: /What admin mode allows/ }).click();
    const users = page.getByRole('table', { name: 'Admin permissions' }).getByRole('row', { name: /^users / });
    expect(await users.textContent()).toContain('read, create, update, delete');
    await page.screenshot({ path: join(screenshots, 'admin-mode.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('finds alice and blocks her: the server then refuses her password with 401 "user is blocked"', async () => {
    await openUser(page, alice.username);
    aliceId = (await page.locator('code', { hasText: 'auth0|' }).first().textContent()) ?? '';
    expect(aliceId).toMatch(/^auth0\|/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Block user' }).click();
    const dialog = page.getByRole('dialog', { name: `Block ${alice.username}?` });
    await visible(page, dialog);
    expect(await dialog.textContent()).toMatch(/sessions end now/);
    await dialog.getByRole('button', { name: 'Block user' }).click();
    await visible(page, page.getByRole('status').filter({ hasText: 'is blocked' }));
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByText('Blocked', { exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'admin-user-blocked.png'), fullPage: true });

    const refused = await desktopLogin(server, { ...alice, scope: 'openid' });
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ error: 'unauthorized', error_description: 'user is blocked' });
  });

  it('unblocks alice, and her password works again', async () => {
    await page.getByRole('button', { name: 'Unblock user' }).click();
    await visible(page, page.getByRole('status').filter({ hasText: 'is unblocked' }));
    const answer = await desktopLogin(server, { ...alice, scope: 'openid' });
    expect(answer.status).toBe(200);
  });

  it('creates a rule, edits it, shows the edit as a line diff in the history, and restores the first version', async () => {
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByRole('button', { name: 'New rule' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Add e2e admin claim');
    await page.getByLabel('Script', { exact: true }).fill(scriptVersion('first'));
    await page.getByRole('button', { name: 'Create rule' }).click();
    await visible(page, page.getByRole('heading', { name: 'Rule: Add e2e admin claim' }));
    await visible(page, page.getByText('No earlier versions'));

    await page.getByLabel('Script', { exact: true }).fill(scriptVersion('second'));
    await page.getByRole('button', { name: 'Review and save…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stage change' }).click();
    await page.getByRole('button', { name: 'Apply all (1)' }).click();
    await visible(page, page.getByRole('heading', { name: 'Pending changes (0)' }));
    const diff = page.getByRole('list', { name: /Restoring the version replaced/ });
    await visible(page, diff);
    expect(await diff.locator('del').allTextContents()).toEqual([expect.stringContaining("= 'second';")]);
    expect(await diff.locator('ins').allTextContents()).toEqual([expect.stringContaining("= 'first';")]);
    await page.screenshot({ path: join(screenshots, 'admin-rule-history.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Restore this version' }).click();
    await visible(page, page.getByRole('status').filter({ hasText: 'Restored' }));
    await expect
      .poll(() => page.getByLabel('Script', { exact: true }).textContent(), { timeout: 15_000 })
      .toContain("= 'first';");

    // The server holds the restored script, and the next sign-in's token carries its claim.
    const management = await adminClient(server);
    const rules = (await management.get('/rules')).body as { name: string; script: string }[];
    expect(rules.find((rule) => rule.name === 'Add e2e admin claim')?.script).toBe(scriptVersion('first'));
    const token = await desktopLogin(server, { ...alice, scope: 'openid' });
    expect(claimsOf(token.json['access_token'])[claim]).toBe('first');
  });

  it('tries the rule without signing anyone in, and shows the claim it would add', async () => {
    await page.getByRole('button', { name: 'Run the dry run' }).click();
    await visible(page, page.getByRole('status').filter({ hasText: 'the sign-in would succeed.' }));
    expect(await page.getByRole('table', { name: /Access token claims \(would be\)/ }).textContent()).toContain(claim);
  });

  it('searches the log, newest first, and finds the block explained in words', async () => {
    await page.getByRole('tab', { name: 'Logs' }).click();
    // The event-type filter writes the Lucene query, which stays visible and editable.
    await page.getByRole('combobox', { name: 'Event type' }).click();
    await page.getByRole('option', { name: 'Admin change' }).click();
    const query = page.getByLabel('Query');
    await expect.poll(() => query.inputValue(), { timeout: 15_000 }).toBe('type:(sapi OR fapi)');
    await query.fill('type:sapi');
    await page.getByRole('button', { name: 'Search' }).click();
    await visible(page, page.getByText(`Unblocked user ${aliceId}`, { exact: true }));
    const rows = await page.getByRole('row').allTextContents();
    const unblockedAt = rows.findIndex((text) => text.includes(`Unblocked user ${aliceId}`));
    const blockedAt = rows.findIndex((text) => text.includes(`Blocked user ${aliceId}`)); // case-sensitive
    expect(unblockedAt).toBeGreaterThan(0);
    expect(blockedAt).toBeGreaterThan(unblockedAt); // newest first: the unblock came later
    await page.screenshot({ path: join(screenshots, 'admin-logs.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('row').nth(blockedAt).getByRole('button').click();
    await visible(page, page.getByRole('heading', { name: 'Admin change made' }));
    expect(await page.textContent('main')).toContain(`What was done${`Blocked user ${aliceId}`}`);
    await page.screenshot({ path: join(screenshots, 'admin-log-event.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('creates a realm, enables it for the desktop client, and deletes it again', async () => {
    await page.getByRole('tab', { name: 'Realms' }).click();
    await page.getByLabel('Realm name').fill('e2e-realm');
    await page.getByRole('button', { name: 'Create realm' }).click();
    await visible(page, page.getByRole('status').filter({ hasText: 'e2e-realm' }));
    await page.getByRole('button', { name: 'e2e-realm', exact: true }).click();
    // The realm form stages the change; the tray applies it.
    const desktop = page.getByRole('checkbox', { name: /\(gatehouse-desktop\)/ });
    await visible(page, desktop);
    expect(await desktop.isChecked()).toBe(false);
    await desktop.check();
    await page.getByRole('button', { name: 'Stage change' }).click();
    await page.getByRole('button', { name: /^Apply all/ }).click();
    await expect
      .poll(
        async () =>
          (
            (await (await adminClient(server)).get('/connections?name=e2e-realm')).body as {
              enabled_clients: string[];
            }[]
          )[0]?.enabled_clients,
        { timeout: 15_000 },
      )
      .toContain('gatehouse-desktop');
    const connections = (await (await adminClient(server)).get('/connections?name=e2e-realm')).body as {
      enabled_clients: string[];
    }[];
    expect(connections[0]?.enabled_clients).toContain('gatehouse-desktop');

    await page.getByRole('button', { name: 'Delete realm' }).click();
    const confirm = page.getByRole('dialog').getByRole('button', { name: 'Delete realm' });
    expect(await confirm.isDisabled()).toBe(true);
    await page
      .getByRole('dialog')
      .getByLabel(/Type the realm's name/)
      .fill('e2e-realm');
    await confirm.click();
    await visible(page, page.getByRole('status').filter({ hasText: 'was deleted' }));
    // The list is read again after the delete; the realm is gone once that read lands.
    await expect
      .poll(() => page.getByRole('button', { name: 'e2e-realm', exact: true }).count(), { timeout: 15_000 })
      .toBe(0);
  });

  it('shows the server’s refusal to delete a realm that still has users', async () => {
    await page.getByRole('tab', { name: 'Realms' }).click();
    await page.getByRole('button', { name: 'contractors', exact: true }).click();
    await visible(page, page.getByRole('heading', { name: 'Realm: contractors' }));
    await page.getByRole('button', { name: 'Delete realm' }).click();
    await page
      .getByRole('dialog')
      .getByLabel(/Type the realm's name/)
      .fill('contractors');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete realm' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Clashes with existing data' });
    await visible(page, refusal);
    expect(await refusal.textContent()).toMatch(/still has 1 user/);
  });

  it('leaves admin mode on request', async () => {
    await page.getByRole('button', { name: 'Leave admin mode' }).click();
    await visible(page, page.getByRole('heading', { name: 'Confirm it’s you' }));
    expect(await page.textContent('main')).toContain('You left admin mode');
    expect(errors).toEqual([]);
  });
});

describe('the admin pane, as read-only support staff', () => {
  it('disables every write with the missing permission named, and shows the server’s 403 clearly', async () => {
    const { page } = await launchApp(browser, renderer.origin, demoProfile(server.issuer, 'e2e-support'));
    await signIn(page, support);
    await openAdminAndStepUp(page, support.password);
    expect(await page.textContent('main')).toContain('read-only access');

    await openUser(page, alice.username);
    const block = page.getByRole('button', { name: 'Block user' });
    expect(await block.isDisabled()).toBe(true);
    expect(await page.getByText('Read-only: needs update:users').first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Delete user' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(screenshots, 'admin-read-only.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Rules' }).click();
    await visible(page, page.getByRole('button', { name: 'New rule' }));
    expect(await page.getByRole('button', { name: 'New rule' }).isDisabled()).toBe(true);

    // Support has no read:attack_protection: the server answers 403, shown in words with the scope needed.
    await page.getByRole('tab', { name: 'Attack protection' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not allowed with your admin access' }).first();
    await visible(page, refusal);
    expect(await refusal.textContent()).toContain('read:attack_protection');
  });
});

describe('the admin pane under a policy that hides it', () => {
  it('shows no Admin tab', async () => {
    const profile = demoProfile(server.issuer, 'e2e-no-admin');
    const { page } = await launchApp(browser, renderer.origin, profile, { ...noPolicy, showAdminPane: false });
    await signIn(page, alice);
    // The tab list is busy until the policy is read; then it is final.
    await expect.poll(() => page.getByRole('tablist').getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Account', 'Token inspector', 'API console']);
  });
});
