/**
 * Auth0-style tenant log events (auth0-wire.md §7.6): what the server writes when people sign in, fail,
 * get blocked or refresh, and what admins read back through `/api/v2/logs`.
 *
 * Invariant: no event ever holds a password, a secret or a token. Writers put only identifiers in
 * events, and the store strips credential-named fields from `details` as a second line of defence.
 */

/** The event codes this server writes, with Auth0's meaning (§7.6), used as the default description. */
export const logEventTypes = {
  s: 'Success Login',
  f: 'Failed Login',
  fp: 'Wrong email or password.',
  fu: 'Wrong email or password.',
  sepft: 'Successful exchange of password for access token',
  fepft: 'Failed exchange of password for access token',
  seccft: 'Successful exchange of client credentials for access token',
  feccft: 'Failed exchange of client credentials for access token',
  sertft: 'Successful exchange of refresh token for access token',
  fertft: 'Failed exchange of refresh token for access token',
  ferrt: 'Reused rotating refresh token detected; the token family was revoked',
  srrt: 'Successful refresh token revocation',
  limit_wc: 'Account blocked after too many failed login attempts',
  limit_mu: 'IP address blocked after too many failed login attempts (suspicious IP throttling)',
  limit_sul: 'User blocked for too many logins from one IP in a period',
  ublkdu: 'User block released',
  mfar: 'Multifactor authentication required',
  w: 'Warning during login',
  sapi: 'Successful Management API operation',
  fapi: 'Failed Management API operation',
  mgmt_api_read: 'Management API read that returned secrets',
  api_limit: 'Rate limit exceeded',
} as const satisfies Readonly<Record<string, string>>;

/** A known event code. Other writers (MFA's `gd_*`, `seotpft`, …) may use any Auth0 code string. */
export type KnownLogEventType = keyof typeof logEventTypes;

/** What a writer supplies. Unset fields are simply absent from the stored event. */
export interface NewLogEvent {
  readonly type: KnownLogEventType | (string & {});
  /** Defaults to the code's meaning. Never a credential. */
  readonly description?: string;
  /** The end user's address (auth0-forwarded-for when the client is trusted, §3.1). */
  readonly ip?: string;
  /** The address that called us (the backend, when it forwards for a user). */
  readonly clientIp?: string;
  readonly hostname?: string;
  readonly userAgent?: string;
  readonly clientId?: string;
  readonly clientName?: string;
  readonly connection?: string;
  readonly connectionId?: string;
  readonly strategy?: string;
  readonly strategyType?: string;
  /** The full user id as on the wire (`auth0|…`). */
  readonly userId?: string;
  /** The identifier the user typed, or the user's email. */
  readonly userName?: string;
  readonly audience?: string;
  readonly scope?: string;
  /** Extra facts (`details.error.message`, `details.familyId`, …). Credential-named keys are dropped. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The decoded `Auth0-Client` telemetry header. */
  readonly auth0Client?: Readonly<Record<string, unknown>>;
  /** Milliseconds since the epoch; defaults to the store's clock. */
  readonly date?: number;
}

/** A stored event. */
export interface LogEntry extends Omit<NewLogEvent, 'date' | 'description'> {
  /** Increasing, zero-padded so that string order is time order. */
  readonly logId: string;
  readonly date: number;
  readonly description: string;
}

/** Fields a query can match exactly (the Management API maps Lucene `q`/`search` terms onto these). */
export type LogFilterField =
  'type' | 'user_id' | 'user_name' | 'client_id' | 'connection' | 'connection_id' | 'ip' | 'client_ip' | 'audience';

export interface LogQuery {
  /** Every term must match; a term with several values matches any of them. */
  readonly where?: readonly { readonly field: LogFilterField; readonly values: readonly string[] }[];
  /** Inclusive date range (ms). */
  readonly dateFrom?: number;
  readonly dateTo?: number;
  /** Checkpoint paging (§7.6 `from`/`take`): events after this log id, oldest first. */
  readonly afterLogId?: string;
  /** Default newest first; checkpoint paging is always oldest first. */
  readonly order?: 'newest-first' | 'oldest-first';
  readonly offset?: number;
  /** Default 50. */
  readonly limit?: number;
}

export interface LogPage {
  readonly entries: LogEntry[];
  /** Matching events before paging. */
  readonly total: number;
}

/** The tenant log: write events, read them back. Writes are cheap; reads always see every write. */
export interface TenantLog {
  write(event: NewLogEvent): void;
  find(logId: string): LogEntry | undefined;
  list(query?: LogQuery): LogPage;
  /** Deletes events past the retention limits now (also done every so often on write). Returns how many. */
  prune(): number;
  /** Stores events still waiting to be written (call before the database closes). */
  flush(): void;
}

/** Auth0's wire shape of a log event (`GET /api/v2/logs`). Absent fields are left out. */
export function toLogWire(entry: LogEntry): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    log_id: entry.logId,
    date: new Date(entry.date).toISOString(),
    type: entry.type,
    description: entry.description,
  };
  const optional: [string, unknown][] = [
    ['ip', entry.ip],
    ['client_ip', entry.clientIp],
    ['hostname', entry.hostname],
    ['user_agent', entry.userAgent],
    ['client_id', entry.clientId],
    ['client_name', entry.clientName],
    ['connection', entry.connection],
    ['connection_id', entry.connectionId],
    ['strategy', entry.strategy],
    ['strategy_type', entry.strategyType],
    ['user_id', entry.userId],
    ['user_name', entry.userName],
    ['audience', entry.audience],
    ['scope', entry.scope],
    ['details', entry.details],
    ['auth0_client', entry.auth0Client],
  ];
  for (const [key, value] of optional) if (value !== undefined) wire[key] = value;
  // Auth0 sends `isMobile` on every event; this server only serves desktop and backend clients.
  wire['isMobile'] = false;
  return wire;
}
