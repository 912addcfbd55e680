/**
 * The Management API's errors. Its wire shape differs from the Authentication API's OAuth body: every
 * failure is `{statusCode, error, message, errorCode}` (auth0-wire.md §0 and §7), which node-auth0 v4
 * parses into `ManagementApiError` and v6 into its typed errors (§8.2). Routes throw `ManagementError`;
 * ./error-renderer.ts is the only place that turns anything thrown into a response.
 */

/** HTTP reason phrases, as the `error` field carries them (RFC 9110 §15). */
const reasons: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The reason phrase for `status`, or a generic one for the class of status. */
export function reasonPhrase(status: number): string {
  return reasons[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
}

/** The Management API error body (auth0-wire.md §0). */
export interface ManagementErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly errorCode: string;
}

/** An expected failure of a Management API request. The message is shown to callers: no internals. */
export class ManagementError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'ManagementError';
  }

  /** The wire body. */
  body(): ManagementErrorBody {
    return {
      statusCode: this.statusCode,
      error: reasonPhrase(this.statusCode),
      message: this.message,
      errorCode: this.errorCode,
    };
  }
}

/** Echoed values are trimmed and made printable so an error message never carries a payload back. */
export function printable(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 120)}…` : clean;
}

/**
 * Every Management API error by cause. Literals tagged with a section are from spec/auth0-wire.md and
 * must not change; `errorCode`s follow Auth0's naming (`inexistent_*`, `invalid_body`, ...); other
 * wording is ours and listed in server/README.md.
 */
export const mgmtErrors = {
  /** §7: no Authorization header, or not a Bearer one. */
  missingToken: () => new ManagementError(401, 'missing_authentication', 'Missing authentication'),
  /** §7: a token that does not verify (signature, issuer, audience, expiry). */
  invalidToken: () => new ManagementError(401, 'invalid_token', 'Invalid token'),
  /** §7, exact body: `Insufficient scope, expected any of: a,b`. */
  insufficientScope: (anyOf: readonly string[]) =>
    new ManagementError(403, 'insufficient_scope', `Insufficient scope, expected any of: ${anyOf.join(',')}`),
  /** §7 "429 with X-RateLimit-*". */
  tooManyRequests: () => new ManagementError(429, 'too_many_requests', 'Global limit has been reached'),
  invalidBody: (detail: string) => new ManagementError(400, 'invalid_body', `Payload validation error: ${detail}`),
  invalidQuery: (detail: string) =>
    new ManagementError(400, 'invalid_query_string', `Query validation error: ${detail}`),
  malformedBody: () => new ManagementError(400, 'invalid_body', 'Invalid request payload JSON format'),
  bodyTooLarge: (limit: number) =>
    new ManagementError(413, 'payload_too_large', `Request body exceeds ${limit} bytes.`),
  unsupportedMediaType: () =>
    new ManagementError(415, 'unsupported_media_type', 'Send application/json (or a form on writes).'),
  routeNotFound: () => new ManagementError(404, 'not_found', 'Not Found'),
  notFound: (resource: string, code: string) => new ManagementError(404, code, `The ${resource} does not exist.`),
  conflict: (code: string, message: string) => new ManagementError(409, code, message),
  /** §7.4: duplicate user in a connection. */
  userExists: () => new ManagementError(409, 'auth0_idp_error', 'The user already exists.'),
  /** §7.3. */
  ruleOrderConflict: () => new ManagementError(409, 'rule_conflict', 'A rule with the same order already exists'),
  ruleNameConflict: () => new ManagementError(409, 'rule_conflict', 'A rule with the same name already exists'),
  forbidden: (code: string, message: string) => new ManagementError(403, code, message),
  /**
   * A paid add-on this tenant does not have, exactly as Auth0 answers a tenant without it (a captured
   * `Bot Detection API is not enabled for this tenant.` body; Auth0 uses `insufficient_scope` here too).
   * The Deploy CLI treats this 403 on its reads as "not on this plan" and carries on.
   */
  featureNotEnabled: (api: string) =>
    new ManagementError(403, 'insufficient_scope', `${api} API is not enabled for this tenant.`),
  badRequest: (code: string, message: string) => new ManagementError(400, code, message),
  /** The database is busy, full or damaged: retry later (mirrors the Authentication API's 503). */
  unavailable: () =>
    new ManagementError(503, 'temporarily_unavailable', 'The service is temporarily unavailable. Try again later.'),
  internal: () => new ManagementError(500, 'internal_error', 'Internal Server Error'),
} as const;
