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
    /** Extra body keys some errors carry (`mfa_token` on `mfa_required`, for example). */
    readonly extra: Readonly<Record<string, string>> = {},
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
