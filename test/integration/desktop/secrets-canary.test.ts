import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopServices } from '../../../main/app/desktop-services';
import { createLogger } from '../../../main/logging/logger';
import { keychainService, KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { noPolicy } from '../../../main/settings/managed-policy';
import { SettingsService } from '../../../main/settings/settings-service';
import type { RawSettingsFile } from '../../../main/settings/settings-store';
import { alice, demoProfile } from '../../support/desktop-profile';
import { startTestServer } from '../../support/server/start-test-server';

// design/security.md, "Secrets": a canary password and refresh token from a real session must never be
// found in the settings folder, the logs, or anything sent to the window.
let server: Awaited<ReturnType<typeof startTestServer>>;
let userData: string;
beforeAll(async () => {
  server = await startTestServer();
  userData = await mkdtemp(join(tmpdir(), 'gatehouse-userdata-'));
});
afterAll(async () => {
  await server.close();
  await rm(userData, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('secrets canary', () => {
  it('keeps the password and refresh tokens out of settings, logs and every IPC payload', async () => {
    const profile = demoProfile(server.issuer, 'canary');
    const logLines: string[] = [];
    const sentToWindow: unknown[] = [];
    const seenRefreshTokens: string[] = [];
    const ourWindow = { frameUrl: 'app://gatehouse/index.html', isMainFrame: true };
    const account = `${profile.id}/employees/${alice.username}`;

    const launch = () => {
      const file = new Conf<Record<string, unknown>>({ projectName: 'gatehouse', cwd: userData, configName: 'config' });
      const settings = new SettingsService(file as unknown as RawSettingsFile, noPolicy);
      if (settings.profile(profile.id) === undefined) settings.saveProfile(profile);
      const services = createDesktopServices({
        settings,
        secretStore: new KeytarSecretStore(),
        trustedOrigin: 'app://gatehouse',
        userAgent: 'Gatehouse/test',
        logger: createLogger('canary', (line) => logLines.push(line)),
      });
      services.sessions.onChanged((change) => sentToWindow.push(change));
      const call = async (channel: string, payload: unknown) => {
        const answer = await services.router.handle(channel, ourWindow, payload);
        sentToWindow.push(answer);
        return answer;
      };
      return { services, call };
    };

    const first = launch();
    await first.call('auth:signIn', { profileId: profile.id, ...alice });
    seenRefreshTokens.push((await keytar.getPassword(keychainService, account)) ?? 'missing');
    await first.call('auth:session', {});
    await first.call('auth:accounts', {});
    await first.call('settings:get', {});
    await first.call('profile:active', {});
    await first.call('auth:signIn', { profileId: profile.id, ...alice, password: 'wrong-canary-password' });
    await first.call('auth:signIn', { profileId: 'elsewhere', ...alice }); // an error path too
    await first.services.router.handle('auth:session', { frameUrl: 'https://evil.example/', isMainFrame: true }, {});
    first.services.sessions.dispose();

    const second = launch(); // a restart: silent restore rotates the token
    await second.call('auth:restore', {});
    seenRefreshTokens.push((await keytar.getPassword(keychainService, account)) ?? 'missing');
    await second.call('auth:lock', {});
    await second.call('auth:unlock', {});
    seenRefreshTokens.push((await keytar.getPassword(keychainService, account)) ?? 'missing');
    await second.call('auth:signOut', {});
    second.services.sessions.dispose();

    expect(new Set(seenRefreshTokens).size).toBeGreaterThanOrEqual(2);
    for (const token of seenRefreshTokens) expect(token).toMatch(/^v1\./);
    const canaries = [alice.password, 'wrong-canary-password', ...seenRefreshTokens];

    const windowText = JSON.stringify(sentToWindow);
    const logText = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(0); // the refused sender was logged, so the log was exercised
    const files = await filesUnder(userData);
    expect(files.length).toBeGreaterThan(0);
    const diskText = (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
    for (const canary of canaries) {
      expect(windowText).not.toContain(canary);
      expect(logText).not.toContain(canary);
      expect(diskText).not.toContain(canary);
    }
    expect(windowText).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/); // no raw JWT either
  });
});
