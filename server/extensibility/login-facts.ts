import type { Client, Connection, ResourceServer, User } from '../tenant/model';
import { userSubject } from '../tenant/model';

/** `context.protocol` / `event.transaction.protocol` values Gatehouse produces (auth0-wire.md §6.3). */
export type LoginProtocol = 'oauth2-password' | 'oauth2-refresh-token';

/** One entry of `context.authentication.methods` (§6.3). */
export interface AuthenticationMethod {
  readonly name: 'pwd' | 'mfa' | 'federated' | 'sms' | 'email';
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
}

/** The request as scripts see it. The body never carries credentials (see `scriptVisibleBody`). */
export interface LoginRequestFacts {
  readonly ip: string;
  readonly userAgent?: string;
  readonly hostname?: string;
  readonly body: Readonly<Record<string, string>>;
}

/** Everything the post-login pipeline knows about one login. */
export interface LoginFacts {
  readonly tenant: string;
  readonly protocol: LoginProtocol;
  readonly user: User;
  readonly client: Client;
  readonly connection: Connection;
  /** The API the access token is for, or null for a /userinfo-only token. */
  readonly api: ResourceServer | null;
  /** Scopes granted before the scripts run (§1.5). */
  readonly scope: readonly string[];
  /** The role names of the user (`context.authorization.roles`). */
  readonly roles: readonly string[];
  readonly authenticationMethods: readonly AuthenticationMethod[];
  /** Types of the user's active authenticators (`otp`, `email`, `sms`). */
  readonly enrolledFactors: readonly string[];
  readonly request: LoginRequestFacts;
}

// The token-request parameters scripts may see. Credentials (password, client_secret, refresh_token,
// mfa_token, codes) are never among them (§6.3 "body without the password").
const visibleParameters = ['grant_type', 'client_id', 'username', 'realm', 'audience', 'scope'] as const;

/** The request body as `context.request.body` shows it: the non-secret string parameters only. */
export function scriptVisibleBody(get: (name: string) => string | undefined): Record<string, string> {
  const visible: [string, string][] = [];
  for (const name of visibleParameters) {
    try {
      const value = get(name);
      if (value !== undefined) visible.push([name, value]);
    } catch {
      // A JSON body gave a non-string here; scripts simply do not see it.
    }
  }
  return Object.fromEntries(visible);
}

const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());

/** The Auth0 user profile (auth0-wire.md §7.4), as rules get it in `user` and actions in `event.user`. */
export function userProfile(facts: Pick<LoginFacts, 'user' | 'connection' | 'enrolledFactors'>) {
  const { user, connection } = facts;
  return {
    user_id: userSubject(user),
    email: user.email ?? undefined,
    email_verified: user.emailVerified,
    username: user.username ?? undefined,
    name: user.name ?? undefined,
    nickname: user.nickname ?? undefined,
    picture: user.picture ?? undefined,
    created_at: iso(user.createdAt),
    updated_at: iso(user.updatedAt),
    last_login: iso(user.lastLogin),
    last_ip: user.lastIp ?? undefined,
    logins_count: user.loginsCount,
    blocked: user.blocked,
    app_metadata: user.appMetadata,
    user_metadata: user.userMetadata,
    identities: [{ connection: connection.name, provider: connection.strategy, user_id: user.id, isSocial: false }],
    // Auth0 lists enrolled MFA providers here; Gatehouse's factors are all Guardian-style.
    multifactor: facts.enrolledFactors.length > 0 ? ['guardian'] : [],
    enrolledFactors: facts.enrolledFactors.map((type) => ({ type })),
  };
}

/** The rules `context` object (auth0-wire.md §6.3), before any rule ran. */
export function ruleContext(facts: LoginFacts, scope: readonly string[]) {
  return {
    tenant: facts.tenant,
    clientID: facts.client.clientId,
    clientName: facts.client.name,
    clientMetadata: {},
    connection: facts.connection.name,
    connectionID: facts.connection.id,
    connectionStrategy: facts.connection.strategy,
    connectionOptions: {},
    connectionMetadata: {},
    protocol: facts.protocol,
    request: {
      userAgent: facts.request.userAgent,
      ip: facts.request.ip,
      hostname: facts.request.hostname,
      query: {},
      body: facts.request.body,
    },
    stats: { loginsCount: facts.user.loginsCount },
    sso: { with_auth0: false, with_dbconn: false, current_clients: [] },
    // Gatehouse starts `scope` at what was granted, so a rule can narrow it with a filter (§6.3).
    accessToken: { scope: [...scope] },
    idToken: {},
    authentication: { methods: facts.authenticationMethods.map((m) => ({ name: m.name, timestamp: m.timestamp })) },
    authorization: { roles: [...facts.roles] },
    audience: facts.api?.identifier,
  };
}

/** The post-login `event` object (auth0-wire.md §6.4) for one action. */
export function postLoginEvent(facts: LoginFacts, secrets: Readonly<Record<string, string>>) {
  return {
    tenant: { id: facts.tenant },
    user: userProfile(facts),
    client: { client_id: facts.client.clientId, name: facts.client.name, metadata: {} },
    connection: {
      id: facts.connection.id,
      name: facts.connection.name,
      strategy: facts.connection.strategy,
      metadata: {},
    },
    transaction: {
      protocol: facts.protocol,
      requested_scopes: [...facts.scope],
    },
    request: {
      ip: facts.request.ip,
      user_agent: facts.request.userAgent,
      hostname: facts.request.hostname,
      query: {},
      body: facts.request.body,
    },
    authentication: {
      methods: facts.authenticationMethods.map((m) => ({
        name: m.name,
        timestamp: new Date(m.timestamp).toISOString(),
      })),
    },
    authorization: { roles: [...facts.roles] },
    stats: { logins_count: facts.user.loginsCount },
    resource_server: facts.api ? { identifier: facts.api.identifier } : undefined,
    secrets,
  };
}
