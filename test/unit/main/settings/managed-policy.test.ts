import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../../../main/settings/effective-profiles';
import { ManagedPolicy, noPolicy } from '../../../../main/settings/managed-policy';
import { loadManagedPolicy, PolicyFileError, policyFilePath } from '../../../../main/settings/policy-file';
import { Profile } from '../../../../main/settings/profile';

async function policyFile(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'gatehouse-policy-')), 'policy.json');
  await writeFile(path, content);
  return path;
}

const userProfile = Profile.parse({
  id: 'corp',
  name: 'My corp',
  kind: 'auth0',
  issuer: 'https://evil.example/',
  clientId: 'mine',
  realms: ['employees'],
});

describe('managed policy file', () => {
  it('is looked for at the OS-specific path, or where GATEHOUSE_POLICY_FILE says', () => {
    expect(policyFilePath({}, 'linux')).toBe('/etc/gatehouse/policy.json');
    expect(policyFilePath({}, 'darwin')).toBe('/Library/Managed Preferences/com.gatehouse.desktop.json');
    expect(policyFilePath({ ProgramData: 'D:\\PD' }, 'win32')).toMatch(/^D:\\PD.Gatehouse.policy\.json$/);
    expect(policyFilePath({ GATEHOUSE_POLICY_FILE: '/x.json' }, 'linux')).toBe('/x.json');
  });

  it('means no policy when the file does not exist', async () => {
    await expect(loadManagedPolicy('/nonexistent/gatehouse/policy.json')).resolves.toEqual(noPolicy);
  });

  it('fails closed on malformed JSON, naming the file', async () => {
    const path = await policyFile('{ "version": 1, ');
    await expect(loadManagedPolicy(path)).rejects.toThrow(PolicyFileError);
    await expect(loadManagedPolicy(path)).rejects.toThrow(path);
  });

  it('fails closed on an unknown key, so a typo cannot switch a control off', async () => {
    const path = await policyFile(JSON.stringify({ version: 1, persistSesions: false }));
    await expect(loadManagedPolicy(path)).rejects.toThrow(/persistSesions|Unrecognized/);
  });

  it('reads a valid policy with its defaults', async () => {
    const path = await policyFile(JSON.stringify({ version: 1, persistSessions: false, idleLockMinutes: 5 }));
    await expect(loadManagedPolicy(path)).resolves.toMatchObject({
      persistSessions: false,
      idleLockMinutes: 5,
      keychainUnavailable: 'memory-only',
      showAdminPane: true,
    });
  });
});

describe('the policy’s external link hosts', () => {
  it('defaults to none, and takes host names (with an optional port)', () => {
    expect(ManagedPolicy.parse({ version: 1 }).externalLinkHosts).toEqual([]);
    const hosts = ['help.corp.example', 'status.corp.example:8443'];
    expect(ManagedPolicy.parse({ version: 1, externalLinkHosts: hosts }).externalLinkHosts).toEqual(hosts);
  });

  it.each(['https://help.corp.example', 'help.corp.example/path', 'user@help.corp.example', ''])(
    'refuses %j, which is not a bare host',
    (host) => {
      expect(ManagedPolicy.safeParse({ version: 1, externalLinkHosts: [host] }).success).toBe(false);
    },
  );
});

describe('applying the policy to profiles', () => {
  const policy = ManagedPolicy.parse({
    version: 1,
    profiles: [
      { id: 'corp', issuer: 'https://login.corp.example/', clientId: 'corp-desktop', locked: ['issuer', 'clientId'] },
    ],
  });

  it('lets pinned values win over the user’s', () => {
    const { profiles, locked, managedIds } = applyPolicy([userProfile], policy);
    expect(profiles[0]).toMatchObject({
      id: 'corp',
      name: 'My corp',
      issuer: 'https://login.corp.example/',
      clientId: 'corp-desktop',
    });
    expect(locked.corp).toEqual(['issuer', 'clientId']);
    expect(managedIds.has('corp')).toBe(true);
  });

  it('creates a managed profile the user does not have yet', () => {
    const complete = ManagedPolicy.parse({
      version: 1,
      profiles: [{ id: 'hq', name: 'HQ', kind: 'auth0', issuer: 'https://hq.example/', clientId: 'hq' }],
    });
    expect(applyPolicy([], complete).profiles.map((profile) => profile.id)).toEqual(['hq']);
  });

  it('keeps only managed profiles when restricted', () => {
    const other = Profile.parse({ ...userProfile, id: 'other' });
    const restricted = ManagedPolicy.parse({ ...policy, restrictToManagedProfiles: true });
    expect(applyPolicy([userProfile, other], restricted).profiles.map((profile) => profile.id)).toEqual(['corp']);
  });
});
