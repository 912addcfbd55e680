import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launchChromium } from '../../../test/support/e2e/chromium';
import { serveRenderer } from '../../../test/support/e2e/serve-renderer';
import type { BenchRow } from '../client/bench-row';
import { firstScreenJs, wholeAppJs } from './bundle-size';
import { median, signInReadyTimes } from './sign-in-ready';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * The renderer's figures from the production build in out/renderer (issue #11, "Weight"): the first
 * screen's JavaScript, the whole app's, and navigation to an interactive sign-in form in headless Chromium.
 */
export async function benchRenderer(runs: number): Promise<BenchRow[]> {
  const root = resolve(import.meta.dirname, '../../../out/renderer');
  try {
    await access(join(root, '.vite/manifest.json'));
  } catch {
    throw new Error('no production renderer build with a manifest: run `npx electron-vite build` first');
  }
  const first = await firstScreenJs(root);
  const whole = await wholeAppJs(root);
  const [renderer, browser] = await Promise.all([serveRenderer(root), launchChromium()]);
  let times: number[];
  try {
    times = await signInReadyTimes(browser, renderer.origin, runs);
  } finally {
    await browser.close();
    await renderer.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return [
    {
      name: 'renderer: first-screen JavaScript, gzip',
      value: kb(first.gzipBytes),
      unit: 'KB',
      target: '≤ 150 KB gzip',
      notes: [
        `${first.files} file(s), ${kb(first.rawBytes)} KB raw (entry and its static imports, per the Vite manifest)`,
      ],
    },
    {
      name: 'renderer: whole app JavaScript, gzip',
      value: kb(whole.gzipBytes),
      unit: 'KB',
      target: 'none (lazy panes load on first open)',
      notes: [`${whole.files} file(s), ${kb(whole.rawBytes)} KB raw`],
    },
    {
      name: `renderer: navigation to interactive sign-in form, median of ${runs}`,
      value: Math.round(median(times)),
      unit: 'ms',
      target: '≤ 300 ms',
      notes: [
        `headless Chromium, fresh context per run, real IPC router; min ${Math.round(sorted[0] ?? 0)} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms`,
      ],
    },
  ];
}
