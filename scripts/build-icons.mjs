#!/usr/bin/env node
// Renders build/icon.svg, the one source of the app icon, into the PNGs electron-builder packs:
// build/icon.png (1024 px; electron-builder makes the macOS .icns and Windows .ico from it) and
// build/icons/<size>x<size>.png for Linux desktops. It uses Chromium through playwright-core (both already
// here for the e2e tests) because the SVG renderers on npm need native prebuilds. The PNGs are committed:
// CI runners (macOS, Windows) have no Debian Chromium, so `npm run dist` uses the committed files.
//
//   scripts/with-node24 node scripts/build-icons.mjs   (after changing build/icon.svg)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'build/icon.svg'), 'utf8');
const linuxSizes = [16, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  const render = async (size) => {
    await page.setViewportSize({ width: size, height: size });
    const inline = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${inline}</body></html>`);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  writeFileSync(join(root, 'build/icon.png'), await render(1024));
  mkdirSync(join(root, 'build/icons'), { recursive: true });
  for (const size of linuxSizes) writeFileSync(join(root, `build/icons/${size}x${size}.png`), await render(size));
  console.log(`build-icons: build/icon.png and ${linuxSizes.length} sizes in build/icons/`);
} finally {
  await browser.close();
}
