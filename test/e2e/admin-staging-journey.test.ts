import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { demoAdmin, enterAdminMode, signInAs, visible } from '../support/e2e/admin-steps';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';
import { launchApp } from '../support/e2e/launch-app';
import { adminClient } from '../support/server/extensibility-admin';
import type { ManagementClient } from '../support/server/management';

// Issue #12, journey 6: a staged change whose target changed meanwhile is caught before it is applied;
// re-basing keeps the other admin's edit and applies ours; Undo puts the tenant back. The target is the
// brute-force threshold, changed "behind the pane's back" through the Management API, and every outcome is
// checked there too, not only on screen.
const readme = join(import.meta.dirname, '../../docs/screenshots');
const bruteForcePath = '/attack-protection/brute-force-protection';

let { server, renderer, browser } = {} as E2eWorld;
let tenant: ManagementClient;

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
  tenant = await adminClient(server);
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

const bruteForce = async () => (await tenant.get(bruteForcePath)).json;

async function axeInBothThemes(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await accessibilityViolations(page), colorScheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('staged changes against a tenant that moves', () => {
  let page: Page;
  let errors: string[];
  let threshold: number;
  let ourDiff: string;
  const tray = () => page.getByRole('region', { name: /^Pending changes/ });
  const pending = () => page.getByRole('list', { name: 'Pending changes' });

  beforeAll(async () => {
    ({ page, errors } = await launchApp(browser, renderer.origin, demoProfile(server.issuer, 'e2e-staging')));
    await signInAs(page, demoAdmin);
    await enterAdminMode(page, demoAdmin.password);
  });

  it('stages a raised brute-force threshold: the tray diffs it against the tenant, and nothing is written', async () => {
    const before = await bruteForce();
    expect(before).toMatchObject({ mode: 'count_per_identifier_and_ip' });
    threshold = Number(before['max_attempts']);
    expect(before['allowlist']).toEqual([]);
    ourDiff =
      `max_attempts: was ${threshold} → becomes ${threshold + 2}` +
      'allowlist: +added "10.0.0.0/8" +added "2001:db8::/32" ';

    await page.getByRole('tab', { name: 'Attack protection' }).click();
    const form = page.getByRole('form', { name: 'Brute-force protection' });
    await visible(form);
    await form.getByLabel('Wrong passwords allowed').fill(String(threshold + 2));
    await form.getByLabel('Never count these addresses').fill('10.0.0.0/8\n2001:db8::/32');
    await form.screenshot({ path: join(readme, 'admin-attack-protection.png') });
    await form.getByRole('button', { name: 'Stage changes' }).click();

    await visible(page.getByRole('heading', { name: 'Pending changes (1)' }));
    const diff = page.getByRole('list', { name: 'Changes to Brute-force protection' });
    await visible(diff);
    await expect.poll(() => tray().textContent()).toContain('Compared with what the tenant holds now.');
    expect(await diff.textContent()).toBe(ourDiff);
    expect((await bruteForce())['max_attempts']).toBe(threshold);

    await tray().screenshot({ path: join(readme, 'admin-tray.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await tray().screenshot({ path: join(readme, 'admin-tray-dark.png') });
    await axeInBothThemes(page);
  });

  it('catches the tenant changed behind the pane’s back, and applies nothing', async () => {
    const changed = await tenant.patch(bruteForcePath, { mode: 'count_per_identifier' });
    expect(changed.status).toBe(200);

    await pending().getByRole('button', { name: 'Apply' }).click();
    await visible(page.getByText('The tenant changed since you made this draft'));
    const theirs = page.getByRole('list', { name: 'Tenant changes to Brute-force protection' });
    expect(await theirs.textContent()).toBe('mode: was "count_per_identifier_and_ip" → becomes "count_per_identifier"');
    expect(await bruteForce()).toMatchObject({ max_attempts: threshold, mode: 'count_per_identifier' });
    await tray().screenshot({ path: join(readme, 'admin-tray-conflict.png') });
    await axeInBothThemes(page);
  });

  it('re-bases onto the current tenant and applies: our threshold, their mode', async () => {
    await page.getByRole('button', { name: 'Re-base onto the current tenant' }).click();
    const diff = page.getByRole('list', { name: 'Changes to Brute-force protection' });
    await visible(diff);
    expect(await diff.textContent()).toBe(ourDiff);

    await pending().getByRole('button', { name: 'Apply' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Applied “Brute-force protection”' }));
    await visible(page.getByRole('heading', { name: 'Pending changes (0)' }));
    expect(await bruteForce()).toMatchObject({
      max_attempts: threshold + 2,
      mode: 'count_per_identifier',
      allowlist: ['10.0.0.0/8', '2001:db8::/32'],
    });
    await axeInBothThemes(page);
  });

  it('undoes the apply in one step, and the tenant holds the threshold it had before', async () => {
    await page.getByRole('list', { name: 'Applied changes' }).getByRole('button', { name: 'Undo' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Undone: “Brute-force protection” is back' }));
    expect(await bruteForce()).toMatchObject({ max_attempts: threshold, mode: 'count_per_identifier', allowlist: [] });
    expect(errors).toEqual([]);
  });
});
