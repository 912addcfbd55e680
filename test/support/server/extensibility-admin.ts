/** Test helpers for rules, actions and MFA against a running reference server. */
import { createGuardrails, generate } from 'otplib';
import { demo } from './demo-tenant';
import type { ReadResponse } from './http';
import { postForm } from './http';
import type { ManagementClient } from './management';
import { managementClient, managementToken } from './management';
import type { StoredLogRow } from './tenant-log';
import { readTenantLog } from './tenant-log';

/** A Management API client with the M2M client's token (every Management scope). */
export async function adminClient(server: { url: string; issuer: string }): Promise<ManagementClient> {
  return managementClient(server, await managementToken(server, 'm2m'));
}

/** Creates a rule through the Management API and returns its id. */
export async function addRule(
  admin: ManagementClient,
  rule: { name: string; script: string; order?: number; enabled?: boolean },
): Promise<string> {
  const response = await admin.post('/rules', rule);
  if (response.status !== 201) throw new Error(`rule not created: ${response.status} ${response.text}`);
  return String(response.json['id']);
}

/**
 * Creates an action, deploys it and binds it to post-login after the actions already bound, through the
 * Management API. Returns the action id.
 */
export async function addPostLoginAction(
  admin: ManagementClient,
  action: { name: string; code: string; secrets?: { name: string; value: string }[] },
): Promise<string> {
  const created = await admin.post('/actions/actions', {
    name: action.name,
    code: action.code,
    supported_triggers: [{ id: 'post-login', version: 'v3' }],
    ...(action.secrets && { secrets: action.secrets }),
  });
  if (created.status !== 201) throw new Error(`action not created: ${created.status} ${created.text}`);
  const id = String(created.json['id']);
  const deployed = await admin.post(`/actions/actions/${id}/deploy`);
  if (deployed.status >= 300) throw new Error(`action not deployed: ${deployed.status} ${deployed.text}`);
  await bindPostLogin(admin, [...(await boundPostLoginIds(admin)), id]);
  return id;
}

/** The ids of the actions bound to post-login, in order. */
export async function boundPostLoginIds(admin: ManagementClient): Promise<string[]> {
  const response = await admin.get('/actions/triggers/post-login/bindings');
  const bindings = (response.json['bindings'] ?? []) as { action: { id: string } }[];
  return bindings.map((binding) => binding.action.id);
}

/** Replaces the post-login bindings. */
export async function bindPostLogin(admin: ManagementClient, actionIds: readonly string[]): Promise<void> {
  const response = await admin.patch('/actions/triggers/post-login/bindings', {
    bindings: actionIds.map((value) => ({ ref: { type: 'action_id', value } })),
  });
  if (response.status !== 200) throw new Error(`bindings not saved: ${response.status} ${response.text}`);
}

export type DemoUser = keyof typeof demo.users;

/** A password-realm login of a demo user with the desktop client. */
export function realmLogin(
  server: { url: string },
  user: DemoUser,
  extra: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<ReadResponse> {
  const { email, password, realm } = demo.users[user];
  return postForm(
    `${server.url}/oauth/token`,
    {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: email,
      password,
      realm,
      ...extra,
    },
    headers,
  );
}

/** The TOTP code of `secret` at `nowMs` (what an authenticator app shows). */
export function totpAt(secret: string, nowMs: number): Promise<string> {
  // The demo secret is 80 bits, under otplib's default minimum (see server/mfa/totp.ts).
  return generate({ secret, epoch: Math.floor(nowMs / 1000), guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
}

/** The MFA grant types' full names (auth0-wire.md §4.5). */
export const mfaGrants = {
  otp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  oob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  recoveryCode: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
} as const;

/** The demo MFA user's TOTP secret (demo-tenant.md). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/**
 * The newest tenant-log event of `type` that `matches`, waiting for it: the server batches log writes
 * to the end of its event-loop turn, and this test process may read the response before that turn ends.
 */
export async function waitForLogEvent(
  dataDir: string,
  type: string,
  matches: (details: Record<string, unknown>, row: StoredLogRow) => boolean = () => true,
): Promise<{ row: StoredLogRow; details: Record<string, unknown> }> {
  for (let waited = 0; waited < 3_000; waited += 20) {
    const found = readTenantLog(dataDir)
      .filter((row) => row.type === type)
      .map((row) => ({ row, details: JSON.parse(row.details ?? '{}') as Record<string, unknown> }))
      .filter((event) => matches(event.details, event.row))
      .at(-1);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${type} event in the tenant log`);
}
