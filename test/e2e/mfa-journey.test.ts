import { join } from 'node:path';
import keytar from 'keytar';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainService } from '../../main/secrets/keytar-secret-store';
import type { Profile } from '../../main/settings/profile';
import { demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { launchApp, type LaunchedApp } from '../support/e2e/launch-app';
import { addRule, adminClient } from '../support/server/extensibility-admin';
import { totp, wrongTotp } from '../support/totp';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';

// The second step of a sign-in, done in the window: the built renderer in Chromium, bridged to the real
// main-process router, against the real reference server and keychain. Codes come from the test's own
// RFC 6238 implementation, as a user's phone would compute them.
const screenshots = join(import.meta.dirname, '../../test-results/screenshots');
const mfaUser = { username: 'mfa@example.com', password: 'Mfa-Demo-Passw0rd!', secret: 'JBSWY3DPEHPK3PXP' };
const bob = { username: 'bob@example.com', password: 'Bob-Demo-Passw0rd!' };

let { server, renderer, browser } = {} as E2eWorld;

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
  // Bob has no second factor; this rule makes the tenant ask for one, so he must enrol at sign-in.
  await addRule(await adminClient(server), {
    name: 'bob-needs-mfa',
    script: `function (user, context, callback) {
      if (user.email === 'bob@example.com') context.multifactor = { provider: 'any', allowRememberBrowser: false };
      callback(null, user, context);
    }`,
  });
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

/** A window with a profile of its own, so no earlier test's session is restored. */
async function launch(): Promise<LaunchedApp & { profile: Profile }> {
  const profile = demoProfile(server.issuer, 'e2e-mfa');
  return { ...(await launchApp(browser, renderer.origin, profile)), profile };
}

async function submitPassword(page: Page, user: { username: string; password: string }, realm?: string) {
  await page.getByLabel('Username or e-mail').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  if (realm) {
    await page.getByRole('combobox', { name: 'Realm' }).selectOption(realm);
  }
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect
    .poll(() => page.getByRole('heading', { name: 'Verify it’s you' }).isVisible(), { timeout: 15_000 })
    .toBe(true);
}

const signedIn = (page: Page) =>
  expect.poll(() => page.getByRole('heading', { name: 'Signed in' }).isVisible(), { timeout: 15_000 }).toBe(true);

describe('MFA in the window', () => {
  it('asks for the authenticator code, explains a wrong one, and signs in with the right one', async () => {
    const { page, errors, profile } = await launch();
    await submitPassword(page, mfaUser);
    expect(await page.textContent('main')).toContain('Signing in as mfa@example.com (employees)');
    await page.screenshot({ path: join(screenshots, 'mfa-code.png') });
    expect(await accessibilityViolations(page)).toEqual([]);

    const code = page.getByLabel('Code from your authenticator app');
    await code.fill(wrongTotp(mfaUser.secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/code/i);
    expect(await code.inputValue()).toBe('');

    await code.fill(totp(mfaUser.secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await signedIn(page);
    expect(await page.textContent('body')).toContain(mfaUser.username);
    expect(await keytar.getPassword(keychainService, `${profile.id}/employees/${mfaUser.username}`)).toMatch(/^v1\./);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks the code’s form before sending it', async () => {
    const { page } = await launch();
    await submitPassword(page, mfaUser);
    await page.getByLabel('Code from your authenticator app').fill('12ab');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Enter the six digits the app shows');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByLabel('Username or e-mail').isVisible()).toBe(true);
    await page.close();
  });

  it('enrols an authenticator app at sign-in, then signs in later with the recovery code', async () => {
    const first = await launch();
    await submitPassword(first.page, bob, 'contractors');
    await first.page.getByRole('button', { name: 'Continue' }).click();
    const keyLine = first.page.getByText('Can’t scan? Enter this key:');
    await expect.poll(() => keyLine.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await first.page.getByRole('img', { name: 'QR code to add Gatehouse to your app' }).isVisible()).toBe(true);
    const secret = ((await keyLine.locator('code').textContent()) ?? '').trim();
    const recoveryCode = ((await first.page.getByLabel('Recovery code', { exact: true }).textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(recoveryCode.length).toBeGreaterThanOrEqual(8);
    await first.page.screenshot({ path: join(screenshots, 'mfa-enrol.png'), fullPage: true });
    expect(await accessibilityViolations(first.page)).toEqual([]);

    // The code is shown once, so the verify step waits for "I stored it".
    expect(await first.page.getByLabel('Code from your authenticator app').count()).toBe(0);
    await first.page.getByLabel('I stored this code somewhere safe').check();
    await first.page.getByLabel('Code from your authenticator app').fill(totp(secret));
    await first.page.getByRole('button', { name: 'Verify' }).click();
    await signedIn(first.page);
    await first.page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => first.page.getByLabel('Username or e-mail').isVisible()).toBe(true);
    await first.page.close();

    // The phone is lost: the saved recovery code signs bob in once, and a new one is shown to keep.
    const { page, errors } = await launch();
    await submitPassword(page, bob, 'contractors');
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code', { exact: true }).fill(recoveryCode);
    await page.getByRole('button', { name: 'Sign in with recovery code' }).click();
    const newCode = page.getByLabel('Recovery code', { exact: true });
    await expect.poll(() => page.getByText('This is your new recovery code').isVisible()).toBe(true);
    expect(((await newCode.textContent()) ?? '').trim()).not.toBe(recoveryCode);
    const proceed = page.getByRole('button', { name: 'Continue' });
    expect(await proceed.isDisabled()).toBe(true);
    await page.getByLabel('I stored this code somewhere safe').check();
    await proceed.click();
    await signedIn(page);
    expect(await page.textContent('body')).toContain(bob.username);
    expect(errors).toEqual([]);
    await page.close();
  });
});
