/**
 * One error class per OAuth 2.0 / Auth0 error code (RFC 6749 §5.2, RFC 7009 §2.2.1, auth0-wire.md §2).
 * Grants and endpoints throw these; `renderError` in ./error-renderer.ts is the only place that turns
 * them into HTTP responses. The exact literals live in ./catalogue.ts.
 */
export abstract class OAuthError extends Error {
  /** The wire `error` code. */
  abstract readonly error: string;

  constructor(
    /** The HTTP status to answer with. Several codes have more than one status in Auth0's catalogue. */
    readonly status: number,
    /** The wire `error_description`. Shown to clients, so never put secrets or internals in it. */
    readonly description: string,
    /** Extra body keys some errors carry (`mfa_token` and `mfa_requirements` on `mfa_required`, for example). */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(description);
    this.name = new.target.name;
  }
}

/** `invalid_request`: a missing, repeated or malformed parameter (RFC 6749 §5.2). */
export class InvalidRequestError extends OAuthError {
  readonly error = 'invalid_request';
  constructor(description: string, status = 400) {
    super(status, description);
  }
}

/** `invalid_grant`: bad credentials or an unusable refresh token. Auth0 answers 403 (auth0-wire.md §2 note). */
export class InvalidGrantError extends OAuthError {
  readonly error = 'invalid_grant';
  constructor(description: string, status = 403) {
    super(status, description);
  }
}

/** `invalid_client`: client authentication failed, in the RFC's own words (used by /oauth/revoke, §5.2). */
export class InvalidClientError extends OAuthError {
  readonly error = 'invalid_client';
  constructor(description: string, status = 401) {
    super(status, description);
  }
}

/** `unauthorized_client`: the client may not use this grant (auth0-wire.md §2 row 9). */
export class UnauthorizedClientError extends OAuthError {
  readonly error = 'unauthorized_client';
  constructor(description: string, status = 403) {
    super(status, description);
  }
}

/** `access_denied`: Auth0 uses it for a failed client secret (401) and for an unknown audience (403). */
export class AccessDeniedError extends OAuthError {
  readonly error = 'access_denied';
  constructor(description: string, status = 403) {
    super(status, description);
  }
}

/** `unauthorized`: Auth0's code for an admin-blocked user (auth0-wire.md §2 row 3). */
export class UnauthorizedError extends OAuthError {
  readonly error = 'unauthorized';
  constructor(description: string, status = 401) {
    super(status, description);
  }
}

/** `invalid_scope`: a refresh asked for more than was granted (RFC 6749 §6). */
export class InvalidScopeError extends OAuthError {
  readonly error = 'invalid_scope';
  constructor(description: string, status = 400) {
    super(status, description);
  }
}

/** `unsupported_grant_type` (RFC 6749 §5.2; 400 as in Auth0's OAS). */
export class UnsupportedGrantTypeError extends OAuthError {
  readonly error = 'unsupported_grant_type';
  constructor(description: string, status = 400) {
    super(status, description);
  }
}

/** `server_error` with a deliberate, documented text (auth0-wire.md §2 row 13). Bugs never use this class. */
export class ServerError extends OAuthError {
  readonly error = 'server_error';
  constructor(description: string, status = 500) {
    super(status, description);
  }
}

/** `temporarily_unavailable` (RFC 6749 §4.1.2.1): the database is busy, full or damaged. */
export class TemporarilyUnavailableError extends OAuthError {
  readonly error = 'temporarily_unavailable';
  constructor(description: string, status = 503) {
    super(status, description);
  }
}

/** `too_many_attempts`: a brute-force block or suspicious-IP throttling (auth0-wire.md §2 rows 4 and 5). */
export class TooManyAttemptsError extends OAuthError {
  readonly error = 'too_many_attempts';
  constructor(description: string, status = 429) {
    super(status, description);
  }
}

/** `too_many_requests`: a rate limit, such as /userinfo's per user (auth0-wire.md §2 row 21, §5.3). */
export class TooManyRequestsError extends OAuthError {
  readonly error = 'too_many_requests';
  constructor(description: string, status = 429) {
    super(status, description);
  }
}

/** `invalid_token` (RFC 6750 §3.1): a missing, malformed, expired or foreign bearer token at /userinfo. */
export class InvalidTokenError extends OAuthError {
  readonly error = 'invalid_token';
  constructor(description: string, status = 401) {
    super(status, description);
  }
}

/** `insufficient_scope` (RFC 6750 §3.1): the bearer token lacks a scope the resource needs. */
export class InsufficientScopeError extends OAuthError {
  readonly error = 'insufficient_scope';
  constructor(description: string, status = 403) {
    super(status, description);
  }
}

/** `mfa_required` (auth0-wire.md §2 row 8, §4.1): 403 with `mfa_token` and, here always, `mfa_requirements`. */
export class MfaRequiredError extends OAuthError {
  readonly error = 'mfa_required';
  constructor(description: string, extra: { readonly mfa_token: string; readonly mfa_requirements?: unknown }) {
    super(403, description, extra);
  }
}

/** `interaction_required` (§2 row 17): a rule or action asked to redirect, which ROPG cannot do. */
export class InteractionRequiredError extends OAuthError {
  readonly error = 'interaction_required';
  constructor(description: string, status = 400) {
    super(status, description);
  }
}

/** `expired_token` (§4.5): the `mfa_token` is past its 10 minutes. */
export class ExpiredTokenError extends OAuthError {
  readonly error = 'expired_token';
  constructor(description: string, status = 403) {
    super(status, description);
  }
}

/** `authorization_pending` (§4.5, RFC 8628 §3.5): the out-of-band challenge is not answered yet. */
export class AuthorizationPendingError extends OAuthError {
  readonly error = 'authorization_pending';
  constructor(description: string, status = 400) {
    super(status, description);
  }
}

/** `slow_down` (§4.5, RFC 8628 §3.5): polling faster than the interval. */
export class SlowDownError extends OAuthError {
  readonly error = 'slow_down';
  constructor(description: string, status = 400) {
    super(status, description);
  }
}

/** `unsupported_challenge_type` (§4.3): no enrolled authenticator fits the requested challenge. */
export class UnsupportedChallengeTypeError extends OAuthError {
  readonly error = 'unsupported_challenge_type';
  constructor(description: string, status = 400) {
    super(status, description);
  }
}
