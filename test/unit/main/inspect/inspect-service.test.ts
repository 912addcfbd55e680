import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DiffInput,
  SupportBundleInput,
  VerifyInput,
  type SessionTokenRef,
} from '../../../../common/ipc/inspect.contract';
import { InspectService } from '../../../../main/inspect/inspect-service';
import type { Profile } from '../../../../main/settings/profile';
import { inspectorAt, makeKey, profileFor, sign, startKeyServer, type KeyServer, type TestKey } from './key-server';

const now = Date.UTC(2031, 4, 1, 12, 0, 0);
const nowS = now / 1000;
let server: KeyServer;
let key: TestKey;
let idToken: string;
let accessToken: string;
let profile: Profile;

beforeAll(async () => {
  key = await makeKey('RS256', 'service-key');
  server = await startKeyServer([key]);
  profile = profileFor(server.issuer, { id: 'corp' });
  const base = { iss: server.issuer, sub: 'auth0|alice', iat: nowS, exp: nowS + 300 };
  idToken = await sign(key, { ...base, aud: 'inspector-app', email: 'alice@example.com' });
  accessToken = await sign(key, { ...base, aud: 'https://api.example.test/', azp: 'inspector-app', scope: 'openid' });
});
afterAll(() => server.close());

/** A service over a fake session that holds one account's tokens, recording what it was asked. */
function serviceWith(tokens: Partial<Record<SessionTokenRef['which'], string>>, activeAccountId?: string) {
  const lookups: SessionTokenRef[] = [];
  const profileRequests: (string | undefined)[] = [];
  const service = new InspectService({
    inspector: inspectorAt(now),
    profileFor: (id) => {
      profileRequests.push(id);
      return id === undefined || id === 'corp' ? profile : null;
    },
    sessionToken: (ref) => {
      lookups.push(ref);
      return tokens[ref.which] ?? null;
    },
    ...(activeAccountId === undefined ? {} : { activeAccountId: () => activeAccountId }),
  });
  return { service, lookups, profileRequests };
}

describe('InspectService', () => {
  it('decodes a pasted token without asking the session', async () => {
    const { service, lookups } = serviceWith({});
    const result = await service.decode({ token: accessToken });
    expect(result.ok && result.value.likelyKind).toBe('access');
    expect(lookups).toEqual([]);
  });

  it('looks up the session’s token in main and verifies it against the account’s profile', async () => {
    const { service, lookups, profileRequests } = serviceWith({ id: idToken });
    const ref = { source: 'session', accountId: 'corp/employees/alice@example.com', which: 'id' } as const;
    const result = await service.verify(VerifyInput.parse({ token: ref }));
    expect(result.ok && result.value.valid).toBe(true);
    expect(lookups).toEqual([ref]);
    expect(profileRequests).toEqual(['corp']);
  });

  it('checks the active account’s token against that account’s profile, not the active profile', async () => {
    const { service, profileRequests } = serviceWith({ access: accessToken }, 'corp/employees/alice@example.com');
    const session = await service.verify(VerifyInput.parse({ token: { source: 'session', which: 'access' } }));
    expect(session.ok && session.value.valid).toBe(true);
    const pasted = await service.verify(VerifyInput.parse({ token: accessToken }));
    expect(pasted.ok && pasted.value.valid).toBe(true);
    expect(profileRequests).toEqual(['corp', undefined]);
  });

  it('expects an ID token from the session to be for this client, not the API', async () => {
    // The access token is for the API: asked for as the session's ID token, its audience must fail.
    const { service } = serviceWith({ id: accessToken });
    const result = await service.verify(VerifyInput.parse({ token: { source: 'session', which: 'id' } }));
    const audience = result.ok ? result.value.checks.find((check) => check.id === 'audience') : undefined;
    expect(audience?.status).toBe('fail');
    expect(audience?.message).toContain('expects inspector-app');
  });

  it('says so when the session has no such token', async () => {
    const { service } = serviceWith({ access: accessToken });
    const result = await service.decode({ token: { source: 'session', which: 'id' } });
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'not_signed_in',
      message: 'There is no signed-in session with an ID token to inspect.',
    });
  });

  it('refuses to verify against a profile that does not exist', async () => {
    const { service } = serviceWith({});
    const result = await service.verify(VerifyInput.parse({ token: accessToken, profileId: 'nope' }));
    expect(result.ok ? null : result.error.code).toBe('invalid_input');
  });

  it('diffs the session’s access token against a pasted one, and bundles both', async () => {
    const { service } = serviceWith({ access: accessToken });
    const diff = await service.diff(
      DiffInput.parse({ before: { source: 'session', which: 'access' }, after: idToken }),
    );
    expect(diff.ok && diff.value.changes.map((change) => change.name)).toEqual(['aud', 'azp', 'scope', 'email']);
    const bundle = await service.supportBundle(
      SupportBundleInput.parse({ tokens: [{ source: 'session', which: 'access' }, idToken] }),
    );
    expect(bundle.ok && bundle.value.tokens).toHaveLength(2);
    expect(JSON.stringify(bundle)).not.toContain('alice@example.com');
  });

  it('diffs the access token before the last refresh (claims kept in main) against the current one', async () => {
    const asked: (string | undefined)[] = [];
    const service = new InspectService({
      inspector: inspectorAt(now),
      profileFor: () => profile,
      sessionToken: () => accessToken,
      previousToken: (accountId) => {
        asked.push(accountId);
        return { header: { alg: 'RS256', kid: 'old-key' }, claims: { sub: 'auth0|alice', exp: nowS - 60 } };
      },
    });
    const diff = await service.diff(
      DiffInput.parse({ before: { source: 'previous' }, after: { source: 'session', which: 'access' } }),
    );
    expect(asked).toEqual([undefined]);
    const changes = diff.ok ? diff.value.changes.map(({ name, change }) => `${name}:${change}`) : [];
    expect(changes).toEqual(expect.arrayContaining(['exp:changed', 'iss:added', 'kid:changed']));
  });

  it('says plainly that there is no earlier token before the first refresh', async () => {
    const { service } = serviceWith({ access: accessToken });
    const diff = await service.diff(DiffInput.parse({ before: { source: 'previous' }, after: accessToken }));
    expect(diff).toMatchObject({ ok: false, error: { code: 'not_found', message: /not been refreshed yet/ } });
  });
});
