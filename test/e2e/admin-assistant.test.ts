import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';
import { launchApp } from '../support/e2e/launch-app';
import { adminClient } from '../support/server/extensibility-admin';
import { claimsOf, desktopLogin } from '../support/server/desktop-grants';
import type { ManagementClient } from '../support/server/management';

// Journey 2 of issue #12: the demo rule goes through the Rules-to-Actions assistant, both run on the same mock
// sign-in with matching claims, and "deploy and bind the action, disable the rule" is applied as one change.
// Then alice's next real sign-in (over HTTP) carries the claim from the action, and the Management API says the
// rule is off. Last, an action version is rolled back from its history.
const docsScreenshots = join(import.meta.dirname, '../../docs/screenshots');
const admin = { username: 'admin@example.com', password: 'Admin-Demo-Passw0rd!' };
const ruleName = 'Add realm and roles claims';
const actionName = `${ruleName} (action)`;
const realmClaim = 'https://gatehouse.test/realm';

let { server, renderer, browser } = {} as E2eWorld;
let management: ManagementClient;

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
  management = await adminClient(server);
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

const visible = (page: Page, locator: ReturnType<Page['getByRole']>) =>
  expect.poll(() => locator.isVisible(), { timeout: 20_000 }).toBe(true);

/** axe on the screen as it is, in the light theme and then the dark one. */
async function bothThemesClean(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await accessibilityViolations(page), colorScheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function findAction(name: string) {
  const list = await management.get('/actions/actions');
  const actions = (list.json['actions'] ?? []) as { id: string; name: string }[];
  return actions.find((action) => action.name === name);
}

describe('Rules-to-Actions assistant, as an admin', () => {
  let page: Page;
  let aliceId: string;
  let ruleId: string;

  beforeAll(async () => {
    const users = await management.get(`/users-by-email?email=${encodeURIComponent(alice.username)}`);
    aliceId = String((users.body as { user_id: string }[])[0]?.user_id);
    const rules = await management.get('/rules');
    ruleId = String((rules.body as { id: string; name: string }[]).find((rule) => rule.name === ruleName)?.id);
    ({ page } = await launchApp(browser, renderer.origin, demoProfile(server.issuer, 'e2e-assistant')));
    await page.getByLabel('Username or e-mail').fill(admin.username);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Enter admin mode' }).click();
    await page.getByRole('heading', { name: 'Admin mode' }).waitFor({ timeout: 15_000 });
  });

  it('drafts the action from the demo rule, and the same mock sign-in gives matching claims, scope and outcome', async () => {
    await page.getByRole('tab', { name: 'Actions' }).click();
    await page.getByRole('button', { name: 'Move a rule to an action' }).click();
    await visible(page, page.getByRole('heading', { name: 'Move a rule to an action' }));
    await page.getByRole('combobox', { name: 'Rule to move' }).click();
    await page.getByRole('option', { name: ruleName }).click();
    await visible(page, page.getByText('Every line was translated.'));

    await page.getByLabel('User ID').fill(aliceId);
    await page.getByRole('button', { name: 'Run both and compare' }).click();
    const verdict = page.getByRole('status').filter({ hasText: /items (match|differ)/ });
    await visible(page, verdict);
    expect(await verdict.textContent()).toMatch(/^All \d+ items match/);
    const table = page.getByRole('table', { name: 'Rule and draft action compared' });
    const realmRow = table.getByRole('row', { name: new RegExp(`ID token: ${realmClaim}`) });
    expect(await realmRow.textContent()).toContain('"employees"');
    expect(await realmRow.textContent()).toContain('Match');
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(docsScreenshots, 'admin-assistant.png'), fullPage: true });
    await bothThemesClean(page);
  });

  it('applies "deploy and bind the action, disable the rule" as one change; alice’s next sign-in gets the claim from the action', async () => {
    await page.getByRole('button', { name: 'Stage the migration' }).click();
    await visible(page, page.getByRole('status').filter({ hasText: 'Staged in pending changes' }));
    await page.getByRole('button', { name: 'Apply the migration now' }).click();
    await visible(page, page.getByRole('status').filter({ hasText: 'Migration applied' }));

    const rule = await management.get(`/rules/${ruleId}`);
    expect(rule.json['enabled']).toBe(false);
    const bindings = await management.get('/actions/triggers/post-login/bindings');
    const bound = ((bindings.json['bindings'] ?? []) as { action: { name: string } }[]).map((b) => b.action.name);
    expect(bound).toContain(actionName);

    const signIn = await desktopLogin(server, { ...alice, scope: 'openid' });
    expect(signIn.status).toBe(200);
    expect(claimsOf(signIn.json['access_token'])[realmClaim]).toBe('employees');
    expect(claimsOf(signIn.json['id_token'])[realmClaim]).toBe('employees');
  });

  it('rolls an action back to an earlier version from its history, with the diff shown first', async () => {
    const action = await findAction(actionName);
    if (!action) throw new Error('the migrated action is missing');
    const second = await management.patch(`/actions/actions/${action.id}`, {
      code: "exports.onExecutePostLogin = async (event, api) => {\n  api.accessToken.setCustomClaim('https://gatehouse.test/realm', 'v2');\n};",
    });
    expect(second.status).toBe(200);
    expect((await management.post(`/actions/actions/${action.id}/deploy`)).status).toBe(202);
    expect(claimsOf((await desktopLogin(server, { ...alice, scope: 'openid' })).json['access_token'])[realmClaim]).toBe(
      'v2',
    );

    await page.getByRole('button', { name: 'Back to actions' }).click();
    await page.getByRole('button', { name: actionName, exact: true }).click();
    await visible(page, page.getByRole('heading', { name: `Action: ${actionName}` }));
    const diff = page.getByRole('list', { name: /Line changes from Version 1 to Version 2/ });
    await visible(page, diff);
    expect(await diff.textContent()).toContain("'v2'");
    await bothThemesClean(page);

    await page.getByRole('button', { name: 'Roll back to Version 1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deploy Version 1' }).click();
    await visible(page, page.getByRole('status').filter({ hasText: 'Version 1 is deployed again' }));
    expect(claimsOf((await desktopLogin(server, { ...alice, scope: 'openid' })).json['access_token'])[realmClaim]).toBe(
      'employees',
    );
  });
  it('undoes the migration from the pending-changes tray in one step: the rule is on again and the action is gone', async () => {
    const review = page.getByRole('button', { name: 'Review changes' });
    if (await review.isVisible()) await review.click();
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect
      .poll(async () => (await management.get(`/rules/${ruleId}`)).json['enabled'], { timeout: 20_000 })
      .toBe(true);
    // The undo turns the rule on first, then unbinds and deletes the action.
    await expect.poll(() => findAction(actionName), { timeout: 20_000 }).toBeUndefined();
    // The claim now comes from the rule again.
    expect(claimsOf((await desktopLogin(server, { ...alice, scope: 'openid' })).json['access_token'])[realmClaim]).toBe(
      'employees',
    );
  });
});
