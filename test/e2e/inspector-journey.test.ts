import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../main/settings/profile';
import { alice, demoProfile } from '../support/desktop-profile';
import { accessibilityViolations } from '../support/e2e/accessibility';
import { launchApp } from '../support/e2e/launch-app';
import { postForm } from '../support/server/http';
import { closeE2eWorld, startE2eWorld, type E2eWorld } from '../support/e2e/e2e-world';

// The support desk's inspector in the window, verifying against the real server's JWKS through main.
const screenshots = join(import.meta.dirname, '../../test-results/screenshots');

let { server, renderer, browser } = {} as E2eWorld;
let profile: Profile;
let page: Page;
let errors: string[];

/** An access token for alice, straight from the server, as a support engineer would receive one in a ticket. */
async function alicesAccessToken(): Promise<string> {
  const answer = await postForm(new URL('oauth/token', server.url).toString(), {
    grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
    realm: alice.realm,
    username: alice.username,
    password: alice.password,
    client_id: 'gatehouse-desktop',
    scope: 'openid profile email',
  });
  return String(answer.json['access_token']);
}

/** The same token with one claim changed and the old signature kept: a forgery. */
function tampered(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, scope: 'openid admin:everything' })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}

const checkRow = (id: string) => page.locator(`tr[data-check="${id}"]`);

async function inspectPasted(token: string): Promise<void> {
  await page.locator('label', { hasText: 'Paste a token' }).click();
  await page.getByLabel('Token', { exact: true }).fill(`Bearer ${token}`);
  await page.getByRole('button', { name: 'Inspect' }).click();
}

beforeAll(async () => {
  ({ server, renderer, browser } = await startE2eWorld());
  profile = demoProfile(server.issuer, 'e2e-inspect');
  ({ page, errors } = await launchApp(browser, renderer.origin, profile));
  await page.getByLabel('Username or e-mail').fill(alice.username);
  await page.getByLabel('Password', { exact: true }).fill(alice.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Token inspector' }).click();
});
afterAll(async () => {
  await closeE2eWorld({ server, renderer, browser });
});

describe('token inspector', () => {
  it('verifies the session’s own access token against the issuer’s keys, and explains its claims', async () => {
    await page.getByRole('button', { name: 'Inspect' }).click();
    await expect.poll(() => page.getByText('This token checks out').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await checkRow('signature').getAttribute('data-status')).toBe('pass');
    expect(await checkRow('issuer').getAttribute('data-status')).toBe('pass');
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain(new URL('.well-known/jwks.json', server.issuer).toString());
    expect(text).toMatch(/auth0\|/); // the sub claim, explained in the claims table
    expect(text).toMatch(/Expires: .*expires in/);
    // The demo rule adds a roles claim; alice has none, and the table says so rather than showing a blank.
    // The provenance table below names the same claim again, so read the claims table's row: the first one.
    const rolesRow = page.getByRole('row', { name: /gatehouse\.test\/roles/ }).first();
    expect(await rolesRow.textContent()).toContain('(empty list)');
    await page.screenshot({ path: join(screenshots, 'inspector.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    // The window saw decoded claims only: no compact JWT anywhere in the page.
    expect(await page.content()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
  });

  it('refuses a pasted token whose claims were changed after signing', async () => {
    await inspectPasted(tampered(await alicesAccessToken()));
    await expect.poll(() => page.getByText('This token failed a check').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await checkRow('signature').getAttribute('data-status')).toBe('fail');
  });

  it('accepts the genuine pasted token, and makes a support bundle with the signature removed and the user hashed', async () => {
    await inspectPasted(await alicesAccessToken());
    await expect.poll(() => page.getByText('This token checks out').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: 'Make a support bundle' }).click();
    const bundle = page.getByLabel('Support bundle JSON');
    await expect.poll(() => bundle.isVisible()).toBe(true);
    const json = JSON.parse((await bundle.textContent()) ?? '{}') as { tokens: { hashedPaths: string[] }[] };
    expect(json.tokens[0]?.hashedPaths).toContain('claims.sub');
    expect(JSON.stringify(json)).not.toMatch(/auth0\|/);
    expect(errors).toEqual([]);
  });

  it('says when a paste is not a JWT at all', async () => {
    await inspectPasted('not-a-jwt-just-an-opaque-string');
    await expect.poll(() => page.getByText('This token failed a check').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.textContent('main')).toMatch(/opaque|not a JWT/i);
  });
});
