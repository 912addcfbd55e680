import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrySignInOutcome } from '../../../../common/ipc/admin.contract';
import { TokenClient } from '../../../../main/auth/token-client';
import { KeytarSecretStore } from '../../../../main/secrets/keytar-secret-store';
import { cheapArgon2 } from '../../../support/server/cheap-hasher';
import { demo } from '../../../support/server/demo-tenant';
import { postForm } from '../../../support/server/http';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { adminDesk, adminUsers, type AdminDesk } from './admin-desk';

// admin:trySignIn through the real router and main/admin against the real server: a test sign-in that
// makes no session, leaves the keychain as it was, revokes its refresh token at once, and logs no password.
let server: TestServer;
let desk: AdminDesk;

beforeAll(async () => {
  server = await startTestServer({ server: { passwordHasher: await cheapArgon2() } });
  desk = await adminDesk(server);
  await desk.stepUp('admin');
});
afterAll(async () => {
  vi.restoreAllMocks();
  await desk.close();
  await server.close();
});

describe('admin:trySignIn', { timeout: 60_000 }, () => {
  it('signs alice in, names the rule behind each claim, revokes the refresh token, and keeps nothing', async () => {
    const keychain = new KeytarSecretStore();
    const accountsBefore = await keychain.listAccounts();
    const sessionsBefore = desk.services.sessions.accounts();
    const revoke = vi.spyOn(TokenClient.prototype, 'revoke');
    const keychainWrites = vi.spyOn(KeytarSecretStore.prototype, 'set');
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) =>
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    capture(process.stdout);
    capture(process.stderr);

    const outcome = await desk.value<TrySignInOutcome>('admin:trySignIn', {
      realm: 'employees',
      username: adminUsers.alice.username,
      password: adminUsers.alice.password,
    });
    vi.mocked(process.stdout.write).mockRestore();
    vi.mocked(process.stderr.write).mockRestore();

    if (outcome.status !== 'signed_in') throw new Error(`expected a sign-in: ${JSON.stringify(outcome)}`);
    expect(outcome.refreshTokenFate).toBe('revoked');
    expect(outcome.claims).toContainEqual(
      expect.objectContaining({
        token: 'id',
        name: 'https://gatehouse.test/realm',
        value: 'employees',
        setBy: expect.objectContaining({ kind: 'rule', name: 'Add realm and roles claims' }),
      }),
    );
    expect(outcome.claims.find((claim) => claim.name === 'sub')?.setBy).toBeUndefined();

    // The refresh token main got was revoked: refreshing with it now fails.
    expect(revoke).toHaveBeenCalledTimes(1);
    const refreshToken = String(revoke.mock.calls[0]?.[0]);
    const refreshed = await postForm(`${server.url}/oauth/token`, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: demo.clients.desktop.clientId,
    });
    expect(refreshed.status).toBe(403);
    expect(refreshed.json).toMatchObject({ error: 'invalid_grant' });
    // And the server holds every refresh token of alice's as revoked.
    const db = new Database(join(server.dataDir, 'gatehouse.sqlite'), { readonly: true });
    const live = db
      .prepare('SELECT COUNT(*) AS n FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL')
      .get(outcome.userId) as { n: number };
    db.close();
    expect(live.n).toBe(0);

    // Nothing reached the keychain or the sessions, and no token or password reached the window or a log.
    expect(keychainWrites).not.toHaveBeenCalled();
    expect(await keychain.listAccounts()).toEqual(accountsBefore);
    expect(desk.services.sessions.accounts()).toEqual(sessionsBefore);
    const everything = JSON.stringify(desk.sent) + written.join('');
    expect(everything).not.toContain(adminUsers.alice.password);
    expect(everything).not.toContain(refreshToken);
  });

  it('answers a wrong password as a refusal in plain words, with the raw answer kept', async () => {
    const outcome = await desk.value<TrySignInOutcome>('admin:trySignIn', {
      realm: 'employees',
      username: adminUsers.alice.username,
      password: 'not-her-password',
    });
    expect(outcome).toMatchObject({
      status: 'refused',
      error: { code: 'invalid_credentials', detail: { status: 403, error: 'invalid_grant' } },
    });
  });
});
