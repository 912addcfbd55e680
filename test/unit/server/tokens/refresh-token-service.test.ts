import { beforeEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../../server/storage/database';
import type { Repositories } from '../../../../server/storage/repositories';
import { createSqliteRepositories } from '../../../../server/storage/repositories';
import type { Client, RefreshTokenPolicy } from '../../../../server/tenant/model';
import { defaultRefreshTokenPolicy } from '../../../../server/tenant/model';
import { RefreshTokenService } from '../../../../server/tokens/refresh-token-service';

const SECOND = 1000;
const DAY = 86_400 * SECOND;

let now: number;
let repos: Repositories;
let service: RefreshTokenService;
let userId: string;

function client(policy: Partial<RefreshTokenPolicy> = {}, clientId = 'app'): Client {
  return {
    clientId,
    name: clientId,
    appType: 'native',
    tokenEndpointAuthMethod: 'none',
    clientSecretHash: null,
    grantTypes: ['refresh_token'],
    isTokenEndpointIpHeaderTrusted: false,
    refreshToken: { ...defaultRefreshTokenPolicy, rotationType: 'rotating', ...policy },
  };
}

beforeEach(() => {
  now = Date.UTC(2026, 0, 1);
  const clock = () => now;
  repos = createSqliteRepositories(openMemoryDatabase(), clock);
  const connection = repos.connections.create({ name: 'employees', strategy: 'auth0', options: {} });
  repos.clients.create(client());
  repos.clients.create(client({}, 'other'));
  userId = repos.users.create({
    connectionId: connection.id,
    email: 'a@example.com',
    username: null,
    passwordHash: null,
    emailVerified: true,
    name: null,
    nickname: null,
    picture: null,
  }).id;
  service = new RefreshTokenService(repos.refreshTokens, repos.transact, clock);
});

function start(app: Client = client()): string {
  return service.startFamily({
    client: app,
    userId,
    connection: 'employees',
    audience: 'https://api.example/',
    scope: 'openid offline_access',
    grantType: 'password',
  });
}

const accept = () => 'accepted';

describe('RefreshTokenService', () => {
  it('issues v1. tokens with 256 random bits and stores only their SHA-256', () => {
    const token = start();
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{43}$/);
    expect(repos.refreshTokens.findByHash(token)).toBeUndefined();
  });

  it('rotates: the next token works, the presented one is spent', () => {
    const first = start();
    const exchange = service.exchange(first, client(), accept);

    expect(exchange.ok).toBe(true);
    if (!exchange.ok) return;
    expect(exchange.accepted).toBe('accepted');
    expect(exchange.record.scope).toBe('openid offline_access');
    expect(exchange.next).toMatch(/^v1\./);
    expect(service.exchange(exchange.next ?? '', client(), accept).ok).toBe(true);
  });

  it('revokes the whole family when a spent token comes back, and commits that revocation', () => {
    const first = start();
    const second = service.exchange(first, client(), accept);
    if (!second.ok) throw new Error('expected a rotation');

    const reuse = service.exchange(first, client(), accept);
    expect(reuse).toMatchObject({ ok: false, verdict: { kind: 'reuse-detected' } });
    expect(service.exchange(second.next ?? '', client(), accept)).toMatchObject({
      ok: false,
      verdict: { kind: 'reject', reason: 'revoked' },
    });
  });

  it('honours the leeway for the previous token and keeps exactly one current token', () => {
    const app = client({ leeway: 10 });
    const first = start(app);
    const second = service.exchange(first, app, accept);
    if (!second.ok) throw new Error('expected a rotation');

    now += 5 * SECOND;
    const retry = service.exchange(first, app, accept);
    expect(retry.ok).toBe(true);
    if (!retry.ok) return;
    // The token the retry replaced is now "previous" too, and the retry's token is current.
    expect(service.exchange(retry.next ?? '', app, accept).ok).toBe(true);
  });

  it('keeps a non-rotating token and renews its idle expiry', () => {
    const app = client({ rotationType: 'non-rotating', idleTokenLifetime: 2 * 86_400 });
    const token = start(app);
    now += DAY + SECOND;
    const kept = service.exchange(token, app, accept);
    expect(kept).toMatchObject({ ok: true, next: undefined });

    now += DAY + SECOND;
    expect(service.exchange(token, app, accept).ok).toBe(true);
    now += 2 * DAY + SECOND;
    expect(service.exchange(token, app, accept)).toMatchObject({ ok: false, verdict: { reason: 'idle-expired' } });
  });

  it('rolls everything back when the accept check throws, so the token stays usable', () => {
    const first = start();
    expect(() =>
      service.exchange(first, client(), () => {
        throw new Error('wider scope');
      }),
    ).toThrow('wider scope');
    expect(service.exchange(first, client(), accept).ok).toBe(true);
  });

  it("refuses another client's token and leaves the family alone", () => {
    const token = start();
    expect(service.exchange(token, client({}, 'other'), accept)).toMatchObject({
      ok: false,
      verdict: { reason: 'wrong-client' },
    });
    expect(service.exchange(token, client(), accept).ok).toBe(true);
  });

  it('revokes a family only for the client that owns it', () => {
    const token = start();
    expect(service.revoke(token, 'other')).toBeUndefined();
    expect(service.revoke('v1.unknown', 'app')).toBeUndefined();
    expect(service.revoke(token, 'app')).toMatchObject({ userId, tokens: 1 });
    expect(service.exchange(token, client(), accept)).toMatchObject({ ok: false, verdict: { reason: 'revoked' } });
  });

  it('answers unknown tokens as unknown', () => {
    expect(service.exchange('v1.nope', client(), accept)).toEqual({ ok: false, verdict: { kind: 'unknown' } });
  });
});
