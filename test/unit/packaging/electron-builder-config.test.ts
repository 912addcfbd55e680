import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

// electron-builder.yml, read and validated by electron-builder's own code (app-builder-lib's config loader
// and its scheme.json validator), so a misspelt or misplaced option fails here rather than on a CI runner.
const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const builderLib = require.resolve('app-builder-lib', { paths: [require.resolve('electron-builder')] });
const builderRequire = createRequire(builderLib);
const { getConfig, validateConfiguration } = builderRequire('./util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
};
const { DebugLogger } = createRequire(builderRequire.resolve('builder-util'))('./DebugLogger.js') as {
  DebugLogger: new (enabled: boolean) => unknown;
};
const FpmTarget = (builderRequire('./targets/FpmTarget.js') as { default: { prototype: Record<string, unknown> } })
  .default;

const config = await getConfig(root, null, null);
const validate = (candidate: Configuration) => validateConfiguration(candidate, new DebugLogger(false));

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", { timeout: 60_000 }, async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('(the schema check can fail: a misplaced option is refused)', async () => {
    await expect(
      validate({ ...config, nsis: { ...config.nsis, notarize: true } as Configuration['nsis'] }),
    ).rejects.toThrow(/configuration\.nsis/);
  });

  it('flips exactly the fuses the hardening asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it("gives the .deb electron-builder's default dependencies plus libsecret-1-0", () => {
    const getDefaultDepends = FpmTarget.prototype.getDefaultDepends as (target: string) => string[];
    const defaults = getDefaultDepends('deb');
    // `deb.depends` replaces the default list, so the effective list is ours when set, else the defaults.
    const effective = config.deb?.depends ?? defaults;
    expect(defaults).toContain('libgtk-3-0');
    expect(effective).toEqual(expect.arrayContaining([...defaults, 'libsecret-1-0']));
  });

  it('packs no native rebuild, keeps .node files out of the asar, and installs a `gatehouse` executable', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.linux?.executableName).toBe('gatehouse-app');
    expect(config.deb?.fpm).toEqual(['build/linux/gatehouse=/usr/bin/gatehouse']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('keeps electron-builder’s own .deb after-install script (its AppArmor profile for Ubuntu 24.04)', () => {
    expect(config.deb?.afterInstall).toBeUndefined();
    const template = readFileSync(join(dirname(builderLib), '../templates/linux/after-install.tpl'), 'utf8');
    expect(template).toContain('apparmor_parser');
  });

  it('keeps keytar, a Node-API addon, as the reason no rebuild is needed', () => {
    const keytar = JSON.parse(readFileSync(join(root, 'node_modules/keytar/package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(keytar.dependencies ?? {})).toContain('node-addon-api');
  });

  it('signs and notarises macOS with a hardened runtime and its entitlements, secrets from the environment', () => {
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'build/entitlements.mac.plist',
    });
    expect(JSON.stringify(config)).not.toMatch(/password|APPLE_ID|\.p12|\.pfx/i);
  });

  it('installs per user on Windows by default, with /allusers for IT', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
  });
});
