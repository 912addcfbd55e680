import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer, type TestServerOptions } from '../server/start-test-server';
import { launchChromium } from './chromium';
import { serveRenderer } from './serve-renderer';

/** What every end-to-end file runs against: the reference server, the built renderer, and Chromium. */
export interface E2eWorld {
  server: TestServer;
  renderer: Awaited<ReturnType<typeof serveRenderer>>;
  browser: Browser;
}

/** Starts the three at once (they do not depend on each other). `server` passes e.g. a test clock on. */
export async function startE2eWorld(server: TestServerOptions = {}): Promise<E2eWorld> {
  const [started, renderer, browser] = await Promise.all([startTestServer(server), serveRenderer(), launchChromium()]);
  return { server: started, renderer, browser };
}

/** Closes whatever started, even after a failed start-up: the browser first, so no page calls a closed server. */
export async function closeE2eWorld(world: Partial<E2eWorld>): Promise<void> {
  await world.browser?.close();
  await Promise.all([world.renderer?.close(), world.server?.close()]);
}
