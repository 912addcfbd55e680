import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noPolicy } from '../../../../main/settings/managed-policy';
import { Profile } from '../../../../main/settings/profile';
import { SettingsService } from '../../../../main/settings/settings-service';
import type { RawSettingsFile } from '../../../../main/settings/settings-store';

// Each sign-in records the account and realm; rewriting an unchanged file cost ~10 ms (fsync) per sign-in.
let dir: string;
let settings: SettingsService;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatehouse-settings-'));
  const file = new Conf<Record<string, unknown>>({ projectName: 'gatehouse', cwd: dir, configName: 'config' });
  path = file.path;
  settings = new SettingsService(file as unknown as RawSettingsFile, noPolicy);
  settings.saveProfile(
    Profile.parse({ id: 'corp', name: 'Corp', kind: 'auth0', issuer: 'https://login.corp.example/', clientId: 'c' }),
  );
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// conf replaces the file atomically (a temporary file, then a rename), so every write gives a new inode.
const inode = async () => (await stat(path)).ino;

describe('SettingsService writes only what changes', () => {
  it('does not rewrite the file when the same account signs in to the same realm again', async () => {
    settings.setActiveAccount('corp/employees/alice');
    settings.rememberRealm('corp', 'alice', 'employees');
    // One call at a time: the temporary file of a write can never take the inode of the file it replaces.
    const before = await inode();
    settings.setActiveAccount('corp/employees/alice');
    expect(await inode()).toBe(before);
    settings.rememberRealm('corp', 'alice', 'employees');
    expect(await inode()).toBe(before);
  });

  it('still writes a change, and reads it back', async () => {
    settings.rememberRealm('corp', 'alice', 'employees');
    const before = await inode();
    settings.rememberRealm('corp', 'alice', 'contractors');
    expect(await inode()).not.toBe(before);
    expect(settings.lastRealm('corp', 'alice')).toBe('contractors');
    settings.setActiveAccount(null);
    expect(settings.settings().activeAccountId ?? null).toBeNull();
  });
});
