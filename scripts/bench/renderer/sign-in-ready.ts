import type { Browser } from 'playwright-core';
import { createDesktopServices } from '../../../main/app/desktop-services';
import { Profile } from '../../../main/settings/profile';
import { installGatehouseBridge } from '../../../test/support/e2e/gatehouse-bridge';
import { testSettings } from '../../../test/support/test-settings';
import { MemoryKeychain } from '../client/memory-keychain';

// Runs in the page before its scripts (as text, injected rather than evaluated, so the CSP allows it): notes the moment the
// username field is in the DOM and enabled, with React's handlers attached (the form is committed), counted
// from navigation start (performance.now()).
const watchForForm = `
  new MutationObserver((_, observer) => {
    const field = document.querySelector('input[autocomplete="username"]');
    if (field === null || field.disabled) return;
    window.signInReadyMs = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Navigation to an interactive sign-in form, `runs` times, each in a fresh browser context (no cache), with
 * the real IPC router behind window.gatehouse over an empty keychain (nothing to restore: the login shows).
 */
export async function signInReadyTimes(browser: Browser, origin: string, runs: number): Promise<number[]> {
  const profile = Profile.parse({
    id: 'bench',
    name: 'Bench tenant',
    kind: 'auth0',
    issuer: 'http://127.0.0.1:9/',
    clientId: 'gatehouse-desktop',
    realms: ['employees', 'contractors'],
    defaultRealm: 'employees',
  });
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { router } = createDesktopServices({
      settings: testSettings([profile]),
      secretStore: new MemoryKeychain(),
      trustedOrigin: origin,
      userAgent: 'Gatehouse/bench',
    });
    const context = await browser.newContext({ viewport: { width: 1000, height: 820 } });
    const page = await context.newPage();
    await installGatehouseBridge(page, router);
    await page.addInitScript({ content: watchForForm });
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => 'signInReadyMs' in window);
    times.push(await page.evaluate(() => (window as unknown as { signInReadyMs: number }).signInReadyMs));
    await context.close();
  }
  return times;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
