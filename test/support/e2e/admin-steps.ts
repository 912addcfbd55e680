import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The demo tenant's admin (demo-tenant.md): every Management API scope through the Admin role. */
export const demoAdmin = { username: 'admin@example.com', password: 'Admin-Demo-Passw0rd!' } as const;

/** Waits (polling, no sleep) until `locator` is on screen. */
export const visible = (locator: Locator, timeout = 15_000) =>
  expect.poll(() => locator.isVisible(), { timeout }).toBe(true);

/** Signs in on the window's sign-in screen and waits for the signed-in view. */
export async function signInAs(page: Page, user: { username: string; password: string }) {
  await page.getByLabel('Username or e-mail').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
}

/** Opens the Admin tab and confirms the password, ending on "Admin mode" (usable in beforeAll: no expect). */
export async function enterAdminMode(page: Page, password: string) {
  await page.getByRole('tab', { name: 'Admin' }).click();
  await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Enter admin mode' }).click();
  await page.getByRole('heading', { name: 'Admin mode' }).waitFor({ timeout: 15_000 });
}
