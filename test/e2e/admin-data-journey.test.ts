import Database from 'better-sqlite3';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../main/secrets/keytar-secret-store';
import { alice, demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';
import { launchApp } from '../support/e2e/launch-app';
import { adminClient } from '../support/server/extensibility-admin';
import { postForm } from '../support/server/http';

// The admin pane's realm, user and log screens in the window (built renderer in Chromium, real IPC router,
// real server, real keychain): a realm's minimum password length staged and applied through the tray and then
// enforced on a new user; alice's brute-force block found in the live tail and cleared from its event; and
// support staff reading alice's login timeline without being able to change anything; and "Try a sign-in"
// on alice's realm, right and wrong password, keeping nothing in the keychain.
const readme = join(import.meta.dirname, '../../docs/screenshots');
const admin = { username: 'admin@example.com', password: 'Admin-Demo-Passw0rd!' };
const support = { username: 'support@example.com', password: 'Support-Demo-Passw0rd!' };
const carol = { email: 'carol@example.com', short: 'Short-Passw0rd!', long: 'A-Much-Longer-Passw0rd!' };

let { server, renderer, browser } = {} as E2eWorld;

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
  await mkdir(readme, { recursive: true });
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true);

/** A password sign-in straight to the server, as an app would send it. */
const passwordSignIn = (realm: string, username: string, password: string) =>
  postForm(new URL('oauth/token', server.url).toString(), {
    grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
    realm,
    username,
    password,
    client_id: 'gatehouse-desktop',
    scope: 'openid',
  });

/** axe with 0 violations in the light and in the dark theme (the app follows the system's). */
async function axeBothThemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await accessibilityViolations(page)).map((line) => `${colorScheme}: ${line}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

async function openAdminPane(user: { username: string; password: string }, id: string): Promise<Page> {
  const { page } = await launchApp(browser, renderer.origin, demoProfile(server.issuer, id));
  await page.getByLabel('Username or e-mail').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Admin' }).click();
  await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Enter admin mode' }).click();
  await page.getByRole('heading', { name: 'Admin mode' }).waitFor({ timeout: 15_000 });
  return page;
}

async function openUser(page: Page, email: string) {
  await page.getByRole('tab', { name: 'Users' }).click();
  await page.getByLabel('Search users').fill(email.split('@')[0] ?? email);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: email }).click();
  await visible(page.getByRole('heading', { name: email }));
}

describe('realms, users and logs, as an admin', { timeout: 120_000 }, () => {
  let page: Page;

  beforeAll(async () => {
    page = await openAdminPane(admin, 'e2e-admin-data');
  });

  it('raises a realm’s minimum password length through the tray, keeping the options it does not show', async () => {
    const management = await adminClient(server);
    const before = (await management.get('/connections?name=contractors')).body as {
      options: Record<string, unknown>;
    }[];
    await page.getByRole('tab', { name: 'Realms' }).click();
    await page.getByRole('button', { name: 'contractors', exact: true }).click();
    const minimum = page.getByLabel('Minimum length');
    await visible(minimum);
    expect(await axeBothThemes(page)).toEqual([]);

    await minimum.fill('16');
    await page.getByRole('button', { name: 'Stage change' }).click();
    await visible(page.getByText('This realm has a staged change'));
    await page.screenshot({ path: join(readme, 'admin-realm-form.png'), fullPage: true });
    expect(await axeBothThemes(page)).toEqual([]);
    await page.getByRole('button', { name: /^Apply all/ }).click();

    await expect
      .poll(
        async () => {
          const after = (await management.get('/connections?name=contractors')).body as {
            options: Record<string, unknown>;
          }[];
          return after[0]?.options;
        },
        { timeout: 15_000 },
      )
      .toEqual({ ...before[0]?.options, password_complexity_options: { min_length: 16 } });
  });

  it('refuses a shorter password in plain words, then creates the user with a longer one, who signs in', async () => {
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('region', { name: 'New user' });
    await form.getByLabel('Realm', { exact: true }).click();
    await page.getByRole('option', { name: 'contractors' }).click();
    await form.getByLabel('E-mail').fill(carol.email);
    await form.getByLabel('Password', { exact: true }).fill(carol.short);
    await visible(page.getByText('At least 16 characters: not yet'));
    expect(await axeBothThemes(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create user' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'The password is too weak for this realm' }));
    expect(await axeBothThemes(page)).toEqual([]);

    await form.getByLabel('Password', { exact: true }).fill(carol.long);
    await visible(page.getByText('At least 16 characters: met'));
    await page.getByRole('button', { name: 'Create user' }).click();
    await visible(page.getByRole('heading', { name: carol.email }));

    const signedIn = await passwordSignIn('contractors', carol.email, carol.long);
    expect(signedIn.status).toBe(200);
  });

  it('shows alice’s block in the live tail, links the event to the block, and clears it', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await passwordSignIn(alice.realm, alice.username, `Wrong-Passw0rd-${attempt}`);
    }
    expect((await passwordSignIn(alice.realm, alice.username, alice.password)).status).toBe(429);

    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.getByText('Live tail', { exact: true }).click();
    // The oldest block event is the one the tenth wrong password caused (it names alice's user id).
    const blockRow = page.locator('tr[data-log-type="limit_wc"]').last();
    await visible(blockRow);
    expect(await page.locator('tr[data-log-type="fp"]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).click();
    await visible(page.getByText('Paused: no new events are read'));
    expect(await axeBothThemes(page)).toEqual([]);

    await blockRow.getByRole('button', { name: /Open the event/ }).click();
    await visible(page.getByText('The block this event caused'));
    expect(await axeBothThemes(page)).toEqual([]);
    await page.getByRole('button', { name: 'Clear this block' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'No longer blocked' }));
    expect((await passwordSignIn(alice.realm, alice.username, alice.password)).status).toBe(200);

    await page.getByRole('button', { name: `Open ${alice.username}’s page` }).click();
    await visible(page.getByRole('heading', { name: alice.username }));
    await visible(page.getByRole('heading', { name: 'Login timeline' }));
  });

  it('tries alice’s sign-in on her realm: her claims and the rule behind each, then a wrong password in words', async () => {
    const accountsBefore = await new KeytarSecretStore().listAccounts();
    await page.getByRole('tab', { name: 'Realms' }).click();
    await page.getByRole('button', { name: alice.realm, exact: true }).click();
    const trial = page.getByRole('region', { name: 'Try a sign-in' });
    await visible(trial);
    await trial.getByLabel('Test username or e-mail').fill(alice.username);
    await trial.getByLabel('Test password').fill(alice.password);
    await trial.getByRole('button', { name: 'Try sign-in' }).click();

    const worked = trial.getByRole('status').filter({ hasText: 'The sign-in worked' });
    await visible(worked);
    expect(await worked.textContent()).toContain('Its refresh token was revoked at once; no session was made.');
    const realmClaim = trial
      .getByRole('row')
      .filter({ hasText: 'ID token' })
      .filter({ hasText: 'gatehouse.test/realm' });
    expect(await realmClaim.textContent()).toBe(
      'ID tokenhttps://gatehouse.test/realm"employees"Rule “Add realm and roles claims”',
    );
    const subject = trial
      .getByRole('row')
      .filter({ hasText: 'ID token' })
      .filter({ hasText: /^ID tokensub/ });
    expect(await subject.textContent()).toMatch(/The server$/);
    // The server issued alice a refresh token for this try and holds it revoked: none of hers is live.
    const db = new Database(join(server.dataDir, 'gatehouse.sqlite'), { readonly: true });
    const tokens = db
      .prepare(
        'SELECT COUNT(*) AS issued, COUNT(*) - COUNT(r.revoked_at) AS live FROM refresh_tokens r ' +
          'JOIN users u ON u.id = r.user_id WHERE u.email = ?',
      )
      .get(alice.username) as { issued: number; live: number };
    db.close();
    expect(tokens).toEqual({ issued: 1, live: 0 });
    await page.screenshot({ path: join(readme, 'admin-try-sign-in.png'), fullPage: true });
    expect(await axeBothThemes(page)).toEqual([]);

    await trial.getByLabel('Test password').fill('Not-Her-Passw0rd!');
    await trial.getByRole('button', { name: 'Try sign-in' }).click();
    await visible(trial.getByRole('status').filter({ hasText: 'The sign-in was refused.' }));
    const refusal = trial.getByRole('alert').filter({ hasText: 'Sign-in refused' });
    expect(await refusal.textContent()).toContain('The username or password is wrong.');
    expect(await refusal.getByText('invalid_grant').isVisible()).toBe(false);
    await refusal.getByRole('button', { name: 'Show details' }).click();
    await visible(refusal.getByText('invalid_grant'));
    expect(await worked.count()).toBe(0);
    expect(await axeBothThemes(page)).toEqual([]);

    // A test sign-in keeps nothing: the keychain holds the same accounts as before (the admin's own only).
    expect(await new KeytarSecretStore().listAccounts()).toEqual(accountsBefore);
  });
});

describe('the login timeline, as read-only support staff', { timeout: 120_000 }, () => {
  it('reads alice’s sign-ins with the rules that ran, and can change nothing', async () => {
    const page = await openAdminPane(support, 'e2e-support-timeline');
    await openUser(page, alice.username);
    const timeline = page.getByRole('region', { name: 'Login timeline' });
    await visible(timeline);
    await visible(timeline.getByText('Ran: Rule “Add realm and roles claims” (ok)').first());
    expect(await timeline.locator('li[data-log-type="limit_wc"]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Block user' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(readme, 'admin-timeline.png'), fullPage: true });
    expect(await axeBothThemes(page)).toEqual([]);

    await timeline.locator('li[data-log-type="sepft"]').first().getByRole('button').click();
    await visible(page.getByText('Rules and actions of this sign-in'));
    expect(await page.textContent('main')).toContain('https://gatehouse.test/realm (ID token) set by rule');
    expect(await axeBothThemes(page)).toEqual([]);
    await page.getByRole('button', { name: 'Back to the login timeline' }).click();
    await visible(timeline);
  });
});
