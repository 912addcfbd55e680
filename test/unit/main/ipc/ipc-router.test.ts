import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../common/result';
import { listChannels } from '../../../../common/ipc/contract';
import { createIpcRouter, trustOrigin, type IpcHandlers } from '../../../../main/ipc/ipc-router';
import { createLogger } from '../../../../main/logging/logger';

const summary = {
  accountId: 'demo/employees/alice@example.com',
  profileId: 'demo',
  realm: 'employees',
  username: 'alice@example.com',
  user: { sub: 'auth0|1' },
  scope: 'openid',
  expiresAt: 1,
  renewable: true,
  storage: 'keychain' as const,
  locked: false,
  idTokenClaims: null,
  accessTokenClaims: null,
  health: {
    startedAt: 1,
    startedBy: 'sign-in' as const,
    lastRotatedAt: null,
    rotates: null,
    lastRefresh: null,
    nextRefreshAt: null,
    memoryReason: null,
  },
};

function handlers(overrides: Partial<IpcHandlers['auth']> = {}): IpcHandlers {
  // Every channel answers something its output schema accepts; tests override the ones they look at.
  const unused = vi.fn(async () => ok(null));
  const all = Object.fromEntries(listChannels().map(({ domain }) => [domain, {}])) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  for (const { domain, verb } of listChannels()) (all[domain] as Record<string, unknown>)[verb] = unused;
  return {
    ...(all as unknown as IpcHandlers),
    auth: {
      ...(all.auth as unknown as IpcHandlers['auth']),
      signIn: vi.fn(async () => ok(summary)),
      restore: vi.fn(async () => ok(null)),
      signOut: vi.fn(async () => ok({ signedOut: true })),
      session: vi.fn(async () => ok(null)),
      ...overrides,
    },
    profile: {
      active: vi.fn(async () =>
        ok({
          profileId: 'demo',
          name: 'Demo',
          kind: 'auth0' as const,
          issuer: 'x',
          clientId: 'c',
          realms: [],
          defaultRealm: null,
          scope: 'openid',
          extraParams: {},
          realmsByDomain: {},
          pinnedRealm: null,
          lastRealms: {},
          keepSessionsAllowed: true,
        }),
      ),
      list: vi.fn(async () => ok([])),
      adminTab: vi.fn(async () => ok({ shown: false, because: 'policy' as const })),
    },
  };
}

const trusted = { frameUrl: 'app://gatehouse/index.html', isMainFrame: true };
const signInInput = { profileId: 'demo', realm: 'employees', username: 'alice@example.com', password: 'pw' };

describe('IPC router', () => {
  it('routes every contract channel', () => {
    const router = createIpcRouter(handlers(), trustOrigin('app://gatehouse'));
    expect([...router.channelIds].sort()).toEqual(
      listChannels()
        .map(({ spec }) => spec.id)
        .sort(),
    );
  });

  it.each([
    ['another origin', { frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['a sub-frame of our origin', { frameUrl: 'app://gatehouse/index.html', isMainFrame: false }],
    ['file://', { frameUrl: 'file:///tmp/index.html', isMainFrame: true }],
    ['no URL', { frameUrl: '', isMainFrame: true }],
  ])('refuses %s without calling the service', async (_name, sender) => {
    const h = handlers();
    const result = await createIpcRouter(h, trustOrigin('app://gatehouse')).handle('auth:signIn', sender, signInInput);
    expect(!result.ok && result.error.code).toBe('forbidden_sender');
    expect(h.auth.signIn).not.toHaveBeenCalled();
  });

  it('refuses bad input with a readable message and does not call the service', async () => {
    const h = handlers();
    const result = await createIpcRouter(h, trustOrigin('app://gatehouse')).handle('auth:signIn', trusted, {
      ...signInInput,
      username: '   ',
    });
    expect(!result.ok && result.error).toMatchObject({
      code: 'invalid_input',
      message: 'Enter your username or e-mail',
    });
    expect(h.auth.signIn).not.toHaveBeenCalled();
  });

  it('refuses a password over 1024 bytes before it reaches the service', async () => {
    const h = handlers();
    const result = await createIpcRouter(h, trustOrigin('app://gatehouse')).handle('auth:signIn', trusted, {
      ...signInInput,
      password: 'é'.repeat(513),
    });
    expect(!result.ok && result.error.code).toBe('invalid_input');
  });

  it('strips fields the output schema does not name, so a token cannot leak to the window', async () => {
    const leaky = handlers({
      signIn: async () => ok({ ...summary, refreshToken: 'secret-rt', accessToken: 'secret-at' } as typeof summary),
    });
    const result = await createIpcRouter(leaky, trustOrigin('app://gatehouse')).handle(
      'auth:signIn',
      trusted,
      signInInput,
    );
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/secret-rt|secret-at/);
  });

  it('turns a thrown bug into an internal error value, logged without secrets', async () => {
    const broken = handlers({
      session: async () => {
        throw new Error('kaboom with Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl');
      },
    });
    const lines: string[] = [];
    const logger = createLogger('ipc', (line) => lines.push(line));
    const result = await createIpcRouter(broken, trustOrigin('app://gatehouse'), logger).handle(
      'auth:session',
      trusted,
      {},
    );
    expect(!result.ok && result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('kaboom');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('auth:session');
    expect(lines[0]).not.toContain('eyJzdWIiOiJhbGljZSJ9');
  });

  it('answers an unknown channel with invalid_input', async () => {
    const result = await createIpcRouter(handlers(), trustOrigin('app://gatehouse')).handle('fs:readFile', trusted, {});
    expect(!result.ok && result.error.code).toBe('invalid_input');
  });
});
