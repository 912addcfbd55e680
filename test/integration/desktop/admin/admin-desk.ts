import { randomUUID } from 'node:crypto';
import type { AppResult } from '../../../../common/errors/app-error';
import { createDesktopServices, type DesktopServices } from '../../../../main/app/desktop-services';
import { KeytarSecretStore } from '../../../../main/secrets/keytar-secret-store';
import { clientSecretAccount, Profile } from '../../../../main/settings/profile';
import { demoProfile } from '../../../support/desktop-profile';
import { demo } from '../../../support/server/demo-tenant';
import type { TestServer } from '../../../support/server/start-test-server';
import { testSettings } from '../../../support/test-settings';

const ourWindow = { frameUrl: 'app://gatehouse/index.html', isMainFrame: true };

/** The demo tenant's Management API users (shared/design/demo-tenant.md), and the MFA user. */
export const adminUsers = {
  admin: { username: demo.users.admin.email, password: demo.users.admin.password },
  support: { username: demo.users.support.email, password: demo.users.support.password },
  alice: { username: demo.users.alice.email, password: demo.users.alice.password },
  mfa: { username: demo.users.mfa.email, password: demo.users.mfa.password },
} as const;

/**
 * The desktop app's real services over a test server, as the admin pane uses them: a profile for the
 * public desktop client (admins step up with their password for the Management API audience) and one for
 * the `gatehouse-admin-m2m` client, whose secret is put in the real keychain as Settings would.
 */
export interface AdminDesk {
  readonly services: DesktopServices;
  readonly desktopProfileId: string;
  readonly m2m: { readonly kind: 'm2m'; readonly profileId: string };
  /** Sends one IPC call through the real router, from our window. */
  call(channel: string, input?: unknown): Promise<AppResult<unknown>>;
  /** Like `call`, but fails the test unless the call succeeded; returns the value. */
  value<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** Every answer the window received through `call`, in order (for canary checks). */
  readonly sent: unknown[];
  /** The everyday sign-in of a demo user (the tenant's default audience); resolves to the account id. */
  signIn(user: keyof typeof adminUsers): Promise<string>;
  /** The admin pane's step-up for a demo user (`admin:stepUp`); resolves to the account id. */
  stepUp(user: keyof typeof adminUsers): Promise<string>;
  close(): Promise<void>;
}

export async function adminDesk(server: TestServer, options: { clock?: () => number } = {}): Promise<AdminDesk> {
  const desktop = demoProfile(server.issuer, 'admin-desk');
  const m2mProfile = Profile.parse({
    id: `admin-m2m-${randomUUID().slice(0, 8)}`,
    name: 'Tenant admin (M2M)',
    kind: 'auth0',
    issuer: server.issuer,
    clientId: demo.clients.adminM2m.clientId,
    clientAuth: 'client_secret_post',
  });
  const secretStore = new KeytarSecretStore();
  await secretStore.set(clientSecretAccount(m2mProfile.id), demo.clients.adminM2m.secret);
  const services = createDesktopServices({
    settings: testSettings([desktop, m2mProfile]),
    secretStore,
    trustedOrigin: 'app://gatehouse',
    userAgent: 'Gatehouse/test (admin)',
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const sent: unknown[] = [];
  services.sessions.onChanged((change) => sent.push(change));
  const call = async (channel: string, input: unknown = {}) => {
    const answer = await services.router.handle(channel, ourWindow, input);
    sent.push(answer);
    return answer;
  };
  return {
    services,
    sent,
    desktopProfileId: desktop.id,
    m2m: { kind: 'm2m', profileId: m2mProfile.id },
    call,
    async value<T>(channel: string, input?: unknown): Promise<T> {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
    async signIn(user) {
      const signedIn = await call('auth:signIn', { profileId: desktop.id, realm: 'employees', ...adminUsers[user] });
      if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
      return (signedIn.value as { accountId: string }).accountId;
    },
    async stepUp(user) {
      const stepped = await call('admin:stepUp', { profileId: desktop.id, realm: 'employees', ...adminUsers[user] });
      if (!stepped.ok) throw new Error(`step-up failed: ${JSON.stringify(stepped.error)}`);
      const outcome = stepped.value as { status: string; access?: { accountId: string } };
      if (outcome.access === undefined) throw new Error(`step-up needs more: ${JSON.stringify(outcome)}`);
      return outcome.access.accountId;
    },
    async close() {
      services.sessions.dispose();
      await secretStore.delete(clientSecretAccount(m2mProfile.id));
    },
  };
}
