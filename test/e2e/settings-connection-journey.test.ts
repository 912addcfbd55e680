import { createServer, type AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Profile } from '../../main/settings/profile';
import { demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';
import { launchApp } from '../support/e2e/launch-app';

// Settings' "Test connection" through the real IPC router: the demo server passes every step; a profile
// pointing at a closed port fails with the reason. Removing a profile asks first.
let { server, renderer, browser } = {} as E2eWorld;
let page: Page;
let errors: string[];

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

async function axeInBothThemes(): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['mantineColorScheme'])).toBe(scheme);
    expect(await accessibilityViolations(page), scheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const card = (name: string) => page.getByRole('article', { name });

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
  const demo = demoProfile(server.issuer, 'e2e-conn');
  const closed = Profile.parse({
    ...demoProfile(`http://127.0.0.1:${await closedPort()}/`, 'e2e-closed'),
    name: 'Closed port',
  });
  ({ page, errors } = await launchApp(browser, renderer.origin, [demo, closed]));
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

describe('settings: test connection and remove', () => {
  it('says the real keychain works now, and checks it again on request', async () => {
    const panel = page.getByRole('region', { name: 'System keychain' });
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain('The keychain works');
    expect(await panel.textContent()).toContain('kept in memory only');
    await panel.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => panel.getAttribute('aria-busy')).toBe('false');
    expect(await panel.textContent()).toContain('The keychain works');
  });

  it('passes against the demo server and fails against a closed port, with the reason', async () => {
    await card('Demo tenant (test)')
      .getByRole('button', { name: /Test connection/ })
      .click();
    const good = page.getByRole('region', { name: 'Connection test for Demo tenant (test)' });
    await expect.poll(() => good.textContent(), { timeout: 15_000 }).toContain('Connection works.');
    for (const step of ['discovery', 'jwks', 'token']) {
      expect(await good.locator(`li[data-step="${step}"]`).getAttribute('data-status')).toBe('pass');
    }

    await card('Closed port')
      .getByRole('button', { name: /Test connection/ })
      .click();
    const bad = page.getByRole('region', { name: 'Connection test for Closed port' });
    await expect.poll(() => bad.textContent(), { timeout: 15_000 }).toContain('Connection failed.');
    expect(await bad.locator('li[data-step="discovery"]').textContent()).toMatch(/nothing accepted the connection/);
    await axeInBothThemes();
  });

  it('remembers the chosen theme across a reload of the window', async () => {
    const theme = page.getByRole('region', { name: 'Theme' });
    await theme.getByText('Dark', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['mantineColorScheme'])).toBe('dark');
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['mantineColorScheme'])).toBe('dark');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('region', { name: 'Theme' }).getByText('Follow the system', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['mantineColorScheme'])).toBe('light');
  });

  it('asks before removing a profile, naming it, and removes it only when confirmed', async () => {
    await card('Closed port').getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove “Closed port”?' });
    await dialog.waitFor();
    await axeInBothThemes();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await card('Closed port').count()).toBe(1);

    await card('Closed port').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Remove Closed port' }).click();
    await expect.poll(() => card('Closed port').count(), { timeout: 15_000 }).toBe(0);
    expect(errors).toEqual([]);
  });
});
