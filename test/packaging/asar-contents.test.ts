import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs the app the way `npm run dist` does (electron-builder, electron-builder.yml, `--linux dir`), but
// around a stand-in Electron: a folder holding only an executable `electron` file and an empty resources/,
// since no Electron binary can be downloaded here. Fuses are left out of this run (they patch the real
// binary; the unit test checks their configuration). Then reads app.asar back with @electron/asar.
const root = join(import.meta.dirname, '../..');
const maxResourcesBytes = 15 * 1024 * 1024;
let scratch: string;
let resources: string;
let entries: string[];

beforeAll(async () => {
  expect(existsSync(join(root, 'out/main/index.js')), 'run `electron-vite build` first').toBe(true);
  scratch = await mkdtemp(join(tmpdir(), 'gatehouse-pack-'));
  const electronDist = join(scratch, 'electron-dist');
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { electronDist, electronFuses: null, npmRebuild: false, directories: { output: join(scratch, 'release') } },
  });
  resources = join(scratch, 'release/linux-unpacked/resources');
  entries = listPackage(join(resources, 'app.asar'), { isPack: false });
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Package names of the production tree, as npm sees it (`dependencies` and theirs, no dev). */
function productionPackages(): Set<string> {
  const listed = execFileSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: root, encoding: 'utf8' });
  return new Set(
    listed
      .trim()
      .split('\n')
      .map((path) => path.split('node_modules/').at(-1) ?? '')
      .filter((name) => name !== '' && !name.startsWith('/')),
  );
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

describe('the packed app (electron-builder --linux dir)', () => {
  it('holds only out/**, package.json and node_modules', () => {
    const tops = new Set(entries.map((entry) => entry.split('/')[1]));
    expect([...tops].sort()).toEqual(['node_modules', 'out', 'package.json']);
    expect(entries).toContain('/out/main/index.js');
    expect(entries).toContain('/out/preload/index.cjs');
    expect(entries).toContain('/out/renderer/index.html');
    const packed = JSON.parse(extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8')) as {
      main: string;
    };
    expect(packed.main).toBe('out/main/index.js');
  });

  it('packs only production node_modules (nothing from devDependencies, no server packages)', () => {
    const production = productionPackages();
    const packedPackages = new Set(
      entries
        .filter((entry) => /\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(entry))
        .map(
          (entry) =>
            entry
              .split('/node_modules/')
              .at(-1)
              ?.replace(/\/package\.json$/, '') ?? '',
        ),
    );
    expect(packedPackages.size).toBeGreaterThan(10);
    expect([...packedPackages].filter((name) => !production.has(name))).toEqual([]);
    for (const serverOnly of ['fastify', 'better-sqlite3', 'isolated-vm', '@node-rs/argon2', 'react', 'tsx'])
      expect(packedPackages.has(serverOnly), serverOnly).toBe(false);
  });

  it('has no source maps, no server code, no tests and no TypeScript sources', () => {
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    expect(entries.filter((entry) => /^\/(server|test|main|renderer|preload|common|scripts)\//.test(entry))).toEqual(
      [],
    );
    expect(entries.filter((entry) => /\/(test|tests|__tests__)\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry) && !entry.endsWith('.d.ts'))).toEqual([]);
  });

  it("unpacks .node files, and the only one is keytar's", () => {
    const nodeFiles = entries.filter((entry) => entry.endsWith('.node'));
    expect(nodeFiles).toEqual(['/node_modules/keytar/build/Release/keytar.node']);
    for (const file of nodeFiles)
      expect(statFile(join(resources, 'app.asar'), file.slice(1)), file).toMatchObject({ unpacked: true });
    const unpacked = join(resources, 'app.asar.unpacked');
    const onDisk = readdirSync(unpacked, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.node'),
    );
    expect(onDisk).toEqual(['node_modules/keytar/build/Release/keytar.node']);
  });

  it('weighs at most 15 MB (app.asar + app.asar.unpacked)', () => {
    const bytes = sizeOf(join(resources, 'app.asar')) + sizeOf(join(resources, 'app.asar.unpacked'));
    console.log(`packed resources: ${(bytes / 1024 / 1024).toFixed(1)} MB in ${relative(scratch, resources)}`);
    expect(bytes).toBeLessThanOrEqual(maxResourcesBytes);
  });
});
