import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFiles, loadedSpecifiers, packageOf } from '../support/built-imports';

// `dependencies` is what goes into app.asar; electron-vite's externalizeDeps leaves exactly those packages as
// imports in out/main and bundles everything else. So: every bare import left in the build must be a
// dependency (or Node/Electron's own), every dependency must be loaded, and the production tree must hold no
// native module but keytar. Run after `electron-vite build` (scripts/test-all.mjs builds first).
const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const dependencies = Object.keys(pkg.dependencies);
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const builtFolders = ['out/main', 'out/preload'].map((folder) => join(root, folder));

const imported = new Map<string, string[]>();
for (const file of builtFolders.flatMap((folder) => (existsSync(folder) ? builtFiles(folder) : []))) {
  for (const specifier of loadedSpecifiers(file)) {
    if (builtins.has(specifier) || specifier.startsWith('node:')) continue;
    const name = packageOf(specifier);
    if (name !== null) imported.set(name, [...(imported.get(name) ?? []), relative(root, file)]);
  }
}

describe('the dependency split', () => {
  it('has a build to read', () => {
    expect(builtFolders.map((folder) => existsSync(join(folder)))).toEqual([true, true]);
    expect(imported.size).toBeGreaterThan(3);
  });

  it('leaves only `dependencies` packages (or electron) as imports in out/main and out/preload', () => {
    const strays = [...imported.keys()].filter((name) => name !== 'electron' && !dependencies.includes(name));
    expect(strays).toEqual([]);
  });

  it('loads every `dependencies` package from the build (nothing packed for nothing)', () => {
    const unused = dependencies.filter((name) => !imported.has(name));
    expect(unused).toEqual([]);
  });

  it('keeps the server, the renderer libraries and the tooling out of `dependencies`', () => {
    for (const name of ['fastify', 'better-sqlite3', 'isolated-vm', '@node-rs/argon2', 'react', '@mantine/core', 'tsx'])
      expect(dependencies, name).not.toContain(name);
  });

  it('puts no native module but keytar in the production tree (npm ls --omit=dev)', () => {
    const listed = execFileSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: root, encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter((path) => path !== root);
    const names = listed.map((path) => relative(join(root, 'node_modules'), path));
    for (const serverOnly of ['better-sqlite3', 'isolated-vm', '@node-rs/argon2', 'fastify'])
      expect(
        names.some((name) => name === serverOnly || name.endsWith(`/${serverOnly}`)),
        serverOnly,
      ).toBe(false);
    const native = listed.filter((path) => existsSync(join(path, 'binding.gyp')) || hasNodeFile(path));
    expect(native.map((path) => relative(root, path))).toEqual(['node_modules/keytar']);
  });
});

function hasNodeFile(folder: string): boolean {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).some(
    (name) => name.endsWith('.node') && !name.includes('node_modules'),
  );
}
