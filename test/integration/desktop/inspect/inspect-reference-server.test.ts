import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerificationResult } from '../../../../common/ipc/inspect.contract';
import { createProfileTokenClient } from '../../../../main/auth/profile-token-client';
import { DiscoveryCache } from '../../../../main/auth/server-endpoints';
import { Inspector } from '../../../../main/inspect/inspector';
import { createHttpClient } from '../../../../main/net/http-client';
import { createProfileHttpClient } from '../../../../main/net/profile-http-client';
import { Profile } from '../../../../main/settings/profile';
import { alice, demoProfile } from '../../../support/desktop-profile';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';

// Alice signs in to the real reference server with the real token client; her tokens are then checked
// against the server's own JWKS, fetched over HTTP through the app's HTTP client.
const reportsApi = 'https://api.gatehouse.test/';
let server: TestServer;
let profile: Profile;
let accessToken: string;
let idToken: string;

beforeAll(async () => {
  server = await startTestServer();
  profile = Profile.parse({ ...demoProfile(server.issuer, 'inspect'), audience: reportsApi });
  const http = createHttpClient({ userAgent: 'Gatehouse/inspect-test', timeoutMs: 10_000 });
  const client = createProfileTokenClient(profile, { http, discovery: new DiscoveryCache(http) });
  if (!client.ok) throw new Error(client.error.message);
  const tokens = await client.value.passwordGrant({
    realm: alice.realm,
    username: alice.username,
    password: alice.password,
    audience: reportsApi,
    scope: 'openid profile email',
  });
  if (!tokens.ok) throw new Error(tokens.error.message);
  accessToken = tokens.value.accessToken;
  idToken = tokens.value.idToken ?? '';
});
afterAll(() => server.close());

const inspector = () =>
  new Inspector({ httpFor: (chosen) => createProfileHttpClient(chosen, { userAgent: 'Gatehouse/inspect-test' }) });

async function verify(token: string, expectedAudience?: string): Promise<VerificationResult> {
  const result = await inspector().verify(token, profile, expectedAudience === undefined ? {} : { expectedAudience });
  if (!result.ok) throw new Error(result.error.message);
  return VerificationResult.parse(result.value);
}

describe('inspecting alice’s tokens from the reference server', () => {
  it('verifies her access token against the server’s JWKS, every check passing', async () => {
    const result = await verify(accessToken);
    expect(result.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.key).toMatchObject({
      alg: 'RS256',
      keySetUrl: `${server.issuer}.well-known/jwks.json`,
      refetched: false,
    });
    expect(result.decoded.likelyKind).toBe('access');
    expect(result.decoded.claims).toMatchObject({ iss: server.issuer, azp: 'gatehouse-desktop', gty: 'password' });
    expect(result.decoded.expiry?.secondsUntilExpiry).toBeGreaterThan(500);
  });

  it('verifies her ID token for this client and explains its claims', async () => {
    const result = await verify(idToken, profile.clientId);
    expect(result.valid).toBe(true);
    expect(result.decoded.likelyKind).toBe('id');
    const email = result.decoded.explained.find((claim) => claim.name === 'email');
    expect(email).toMatchObject({ value: alice.username, source: 'oidc' });
    expect(result.decoded.explained.find((claim) => claim.name === 'updated_at')?.time?.iso).toMatch(/^\d{4}-/);
  });

  it('fails a token whose claims were changed after the server signed it', async () => {
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(
      JSON.stringify({ ...claims, scope: `${String(claims.scope)} admin:everything` }),
    ).toString('base64url');
    const result = await verify(`${header}.${forged}.${signature}`);
    expect(result.valid).toBe(false);
    expect(result.checks.find((check) => check.id === 'key')?.status).toBe('pass');
    expect(result.checks.find((check) => check.id === 'signature')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/does not match/),
    });
  });

  it('fails her ID token when the API audience is expected instead', async () => {
    const result = await verify(idToken, reportsApi);
    expect(result.valid).toBe(false);
    expect(result.checks.find((check) => check.id === 'audience')?.status).toBe('fail');
  });
});
