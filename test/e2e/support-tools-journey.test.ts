import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Profile } from '../../main/settings/profile';
import { demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';
import { launchApp } from '../support/e2e/launch-app';
import { createTestClock, SECOND } from '../support/server/test-clock';

// A support engineer's tools against the real server: the API console calls /userinfo with the session's
// token; once the server's clock has passed the token's expiry, the next call is refused, refreshed and
// retried, and the console says so. Then the inspector compares the token before and after that refresh.
const readmeShots = join(import.meta.dirname, '../../docs/screenshots');
const support = { realm: 'employees', username: 'support@example.com', password: 'Support-Demo-Passw0rd!' };
const clock = createTestClock();

let { server, renderer, browser } = {} as E2eWorld;
let page: Page;
let errors: string[];

/** axe in the light theme and the dark one (the window follows the system's scheme), and a README shot of each. */
async function checkBothThemes(shot: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['mantineColorScheme'])).toBe(scheme);
    expect(await accessibilityViolations(page), scheme).toEqual([]);
    await page.screenshot({ path: join(readmeShots, `${shot}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function callUserinfo(): Promise<void> {
  await page.getByLabel('Path').fill('userinfo');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('section[aria-label="Response"]').waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  await mkdir(readmeShots, { recursive: true });
  ({ server, renderer, browser } = await startE2eWorld({ clock: clock.now }));
  const profile = Profile.parse({ ...demoProfile(server.issuer, 'e2e-support'), apiBaseUrl: server.issuer });
  ({ page, errors } = await launchApp(browser, renderer.origin, profile));
  await page.getByLabel('Username or e-mail').fill(support.username);
  await page.getByLabel('Password', { exact: true }).fill(support.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

describe('support tools', () => {
  it('calls GET /userinfo in the API console, and says when an expired token was refreshed and the call retried', async () => {
    await page.getByRole('tab', { name: 'API console' }).click();
    await callUserinfo();
    const response = page.locator('section[aria-label="Response"]');
    await expect.poll(() => response.textContent()).toContain('Status 200');
    expect(await page.getByLabel('Response body').textContent()).toContain('"email": "support@example.com"');
    expect(await page.getByRole('table', { name: 'Response headers' }).textContent()).toContain('content-type');
    expect(await response.textContent()).not.toContain('Retried after a token refresh');

    // The access token lives 600 s; the server now lives 15 minutes later, the desktop does not know yet.
    clock.advance(15 * 60 * SECOND);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => response.textContent(), { timeout: 15_000 }).toContain('Retried after a token refresh');
    expect(await response.textContent()).toContain('Status 200');
    expect(await page.getByRole('table', { name: /History/ }).textContent()).toMatch(
      /GET \/userinfo.*200.*GET \/userinfo.*200/s,
    );
    expect(await page.content()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
    await checkBothThemes('api-console');
  });

  it('compares the access token before the refresh with the one after it', async () => {
    await page.getByRole('tab', { name: 'Token inspector' }).click();
    await page.getByLabel('Before', { exact: true }).selectOption('previous');
    await page.getByLabel('After', { exact: true }).selectOption('access');
    await page.getByRole('button', { name: 'Compare' }).click();
    const table = page.getByRole('table', { name: 'Claim differences' });
    await table.waitFor({ timeout: 15_000 });
    const expiry = table.locator('tr[data-change="changed"]', { hasText: /^exp/ });
    expect(await expiry.count()).toBe(1);
    // Both expiry times are shown as dates, fifteen minutes (the clock jump) apart.
    expect(await expiry.locator('time').count()).toBe(2);
    expect(await table.locator('tr', { hasText: /^iat/ }).getAttribute('data-change')).toBe('changed');
    expect(await page.content()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
    // Without an admin step-up the dry run is not allowed: the roles claim's origin is "unknown", said plainly.
    const provenance = page.getByRole('region', { name: 'Where my custom claims come from' });
    await expect.poll(() => provenance.textContent(), { timeout: 15_000 }).toContain('is unknown');
    const rolesRow = provenance.locator('tr', { hasText: 'gatehouse.test/roles' }).first();
    expect(await rolesRow.textContent({ timeout: 5_000 })).toContain('unknown');
    await checkBothThemes('token-diff');
    expect(errors).toEqual([]);
  });
});
