import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// "Nothing else touches ipcMain" (issue #10), checked against the real third-party code: each library is
// loaded in a child Node whose `electron` import resolves to a fake main process (an EventEmitter ipcMain
// that also records `handle`). A library upgrade that adds a channel fails here.
const root = join(import.meta.dirname, '../../../..');

function channelsRegisteredBy(body: string): { on: string[]; handle: string[] } {
  const folder = mkdtempSync(join(tmpdir(), 'gatehouse-ipc-'));
  const fakeElectron = join(folder, 'fake-electron.cjs');
  writeFileSync(
    fakeElectron,
    `const { EventEmitter } = require('node:events');
    const ipcMain = new EventEmitter();
    ipcMain.handled = [];
    ipcMain.handle = (channel) => ipcMain.handled.push(channel);
    globalThis.__ipcMain = ipcMain;
    const app = { getPath: () => ${JSON.stringify(folder)}, getVersion: () => '0.0.0', getName: () => 'Gatehouse',
      isPackaged: false, on() {}, once() {}, whenReady: () => new Promise(() => {}) };
    module.exports = { ipcMain, app, shell: {}, webContents: { getAllWebContents: () => [] }, session: {} };`,
  );
  const script = `
    import { registerHooks } from 'node:module';
    registerHooks({
      resolve(specifier, context, next) {
        if (specifier === 'electron') {
          return { url: ${JSON.stringify(pathToFileURL(fakeElectron).href)}, format: 'commonjs', shortCircuit: true };
        }
        return next(specifier, context);
      },
    });
    await import('electron');
    ${body}
    const ipcMain = globalThis.__ipcMain;
    console.log(JSON.stringify({ on: ipcMain.eventNames().map(String), handle: ipcMain.handled }));`;
  const outcome = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (outcome.status !== 0) throw new Error(outcome.stderr);
  return JSON.parse(outcome.stdout.trim().split('\n').at(-1) ?? '{}') as { on: string[]; handle: string[] };
}

describe('third-party code and ipcMain', () => {
  it('electron-store registers exactly one ipcMain.on listener when constructed in main (removed at start-up)', () => {
    const registered = channelsRegisteredBy(`
      const { default: Store } = await import('electron-store');
      new Store({ name: 'config' });`);
    expect(registered).toEqual({ on: ['electron-store-get-data'], handle: [] });
  });

  it('electron-log’s node entry, which the file log uses, registers nothing', () => {
    const registered = channelsRegisteredBy(`
      const { createRequire } = await import('node:module');
      const log = createRequire(${JSON.stringify(join(root, 'package.json'))})('electron-log/node');
      log.info('hello');`);
    expect(registered).toEqual({ on: [], handle: [] });
  });

  it('electron-log’s main entry would register its own channel, which is why it is not used', () => {
    const registered = channelsRegisteredBy(`
      const { createRequire } = await import('node:module');
      createRequire(${JSON.stringify(join(root, 'package.json'))})('electron-log/main');`);
    expect(registered.on).toContain('__ELECTRON_LOG__');
  });

  it('no app code calls Store.initRenderer (which would add the listener back for renderers)', () => {
    const sources = ['main', 'preload', 'renderer', 'common'].flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => join(root, folder, file)),
    );
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.filter((file) => readFileSync(file, 'utf8').includes('initRenderer'))).toEqual([]);
  });
});
