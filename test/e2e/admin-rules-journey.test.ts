import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';
import { launchApp } from '../support/e2e/launch-app';
import { addRule, adminClient } from '../support/server/extensibility-admin';
import type { ManagementClient } from '../support/server/management';

// Issue #12's rules journeys in the window against the real server: a rule reordered by keyboard only, and
// an edit that shows its syntax error, survives a tab switch as a draft, is diffed against the live script,
// staged and applied, then checked with a dry run of the whole pipeline. The server is the judge of each.
const readme = join(import.meta.dirname, '../../docs/screenshots');
const admin = { username: 'admin@example.com', password: 'Admin-Demo-Passw0rd!' };
const demoRule = 'Add realm and roles claims';
const ourRule = 'E2E team claim';
const claim = 'https://gatehouse.test/e2e-team';
const teamScript = (team: string) =>
  `function (user, context, callback) {\n  context.idToken['${claim}'] = '${team}';\n  callback(null, user, context);\n}`;

let { server, renderer, browser } = {} as E2eWorld;
let management: ManagementClient;
let page: Page;
let errors: string[];

const visible = (locator: Locator) => expect.poll(() => locator.isVisible(), { timeout: 15_000 }).toBe(true);
const rulesByOrder = async () =>
  ((await management.get('/rules')).body as { name: string; order: number; script: string }[]).sort(
    (a, b) => a.order - b.order,
  );

/** axe in the light theme and the dark one (the app follows the system's scheme). */
async function violationsInBothThemes(): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(colorScheme);
    found.push(...(await accessibilityViolations(page)).map((violation) => `${colorScheme}: ${violation}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** What dnd-kit's live region (role status, read by screen readers) says now. */
async function announced(words: string) {
  await expect
    .poll(() => page.locator('[id^="DndLiveRegion"]').allTextContents(), { timeout: 15_000 })
    .toContainEqual(expect.stringContaining(words));
}

async function applyAll(count: number) {
  await page.getByRole('button', { name: `Apply all (${count})` }).click();
  await visible(page.getByRole('heading', { name: 'Pending changes (0)' }));
}

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
  management = await adminClient(server);
  await addRule(management, { name: ourRule, script: teamScript('blue'), order: 50 });
  ({ page, errors } = await launchApp(browser, renderer.origin, demoProfile(server.issuer, 'e2e-rules')));
  await page.getByLabel('Username or e-mail').fill(admin.username);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Admin' }).click();
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Enter admin mode' }).click();
  await page.getByRole('heading', { name: 'Admin mode' }).waitFor({ timeout: 15_000 });
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

describe('rules in the admin pane', () => {
  it('reorders a rule by keyboard only, stages the order and applies it in one change', async () => {
    await page.getByRole('tab', { name: 'Rules' }).click();
    const list = page.getByRole('list', { name: 'Rules in run order' });
    await visible(list);
    expect(await violationsInBothThemes()).toEqual([]);

    await page.getByRole('button', { name: `Move ${demoRule}` }).focus();
    // Each step waits for dnd-kit's live region to say it in words before the next key.
    await page.keyboard.press('Space');
    await announced(`Picked up ${demoRule}, in position 1 of 2.`);
    await page.keyboard.press('ArrowDown');
    await announced(`${demoRule} moved to position 2 of 2.`);
    await page.keyboard.press('Space');
    await announced(`${demoRule} dropped in position 2 of 2.`);
    await expect
      .poll(() => list.getByRole('button', { name: /^Move / }).evaluateAll((all) => all.map((b) => b.ariaLabel)))
      .toEqual([`Move ${ourRule}`, `Move ${demoRule}`]);
    expect((await rulesByOrder()).map((rule) => rule.name)).toEqual([demoRule, ourRule]); // staged, not applied

    await applyAll(1);
    expect((await rulesByOrder()).map((rule) => [rule.name, rule.order])).toEqual([
      [ourRule, 1],
      [demoRule, 2],
    ]);
  });

  it('shows a syntax error as you type, keeps the draft across tabs, diffs it and applies it', async () => {
    await page.getByRole('button', { name: ourRule, exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'Script' });
    await visible(editor);
    await editor.fill(teamScript('green').replace("= 'green';", "= 'green'"));
    await editor.press('Control+End');
    await page.keyboard.type('\n)');
    await visible(page.getByText(/Syntax error on line 5/));
    expect(await page.getByRole('button', { name: 'Review and save…' }).isDisabled()).toBe(true);
    await editor.fill(teamScript('green'));
    await expect.poll(() => page.getByText(/Syntax error/).count()).toBe(0);
    // Tab indents inside the editor; Escape, then Tab, leaves it (the hint under the editor says so).
    await editor.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') === null)).toBe(true);

    // A draft survives leaving the section and coming back.
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByRole('button', { name: ourRule, exact: true }).click();
    await visible(page.getByText('Unsaved draft: it stays here while you visit other tabs.'));
    expect(await page.getByRole('textbox', { name: 'Script' }).textContent()).toContain("= 'green';");
    expect(await violationsInBothThemes()).toEqual([]);

    await page.getByRole('button', { name: 'Review and save…' }).click();
    const dialog = page.getByRole('dialog', { name: `Review the change to “${ourRule}”` });
    await visible(dialog);
    const diff = dialog.getByRole('list', { name: /live script, \+ your draft/ });
    expect(await diff.locator('del').allTextContents()).toEqual([expect.stringContaining("= 'blue';")]);
    expect(await diff.locator('ins').allTextContents()).toEqual([expect.stringContaining("= 'green';")]);
    expect(await violationsInBothThemes()).toEqual([]);
    await dialog.getByRole('button', { name: 'Stage change' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await rulesByOrder()).find((rule) => rule.name === ourRule)?.script).toBe(teamScript('blue'));

    await applyAll(1);
    expect((await rulesByOrder()).find((rule) => rule.name === ourRule)?.script).toBe(teamScript('green'));
  });

  it('dry-runs the whole pipeline and names the rule that set the claim, with the granted scope', async () => {
    await page.getByRole('radio', { name: /The whole post-login pipeline/ }).check();
    await page.getByRole('button', { name: 'Run the dry run' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Allowed: the sign-in would succeed.' }));
    const sources = page.getByRole('table', { name: 'Claims set by scripts, with their source' });
    const ours = sources.getByRole('row').filter({ hasText: claim });
    expect(await ours.textContent()).toContain(`Rule “${ourRule}”`);
    expect(await ours.textContent()).toContain('green');
    expect(await sources.textContent()).toContain(`Rule “${demoRule}”`);
    expect(await page.getByTestId('dry-run-result').textContent()).toMatch(/Granted scope: .*openid/);
    await page.getByRole('textbox', { name: 'Script' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(readme, 'admin-rule-editor.png'), fullPage: true });
    expect(await violationsInBothThemes()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
