import type { OAuthErrorWire } from '../../common/oauth/wire';
import { authErrors } from './catalogue';
import { OAuthError } from './oauth-errors';

/** What the single error handler sends. */
export interface RenderedError {
  readonly status: number;
  readonly body: OAuthErrorWire & Readonly<Record<string, unknown>>;
  /** True when this is a bug or an outage, which the handler must log in full. */
  readonly isUnexpected: boolean;
}

/** RFC 7234 §5.2 / RFC 6749 §5.1: tokens and errors about them must never be cached. */
export const noStoreHeaders = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

// SQLite result codes that mean "the database cannot serve right now", not "this request is wrong".
// https://www.sqlite.org/rescode.html
const unavailableSqliteCodes = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CORRUPT|NOTADB|CANTOPEN|READONLY)/;

function fromOAuthError(error: OAuthError, isUnexpected: boolean): RenderedError {
  return {
    status: error.status,
    body: { ...error.extra, error: error.error, error_description: error.description },
    isUnexpected,
  };
}

function hasStringCode(error: unknown): error is { code: string; statusCode?: unknown } {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Turns anything thrown while serving the Authentication API into an OAuth error body
 * (RFC 6749 §5.2 shape, auth0-wire.md §0). Never echoes an unexpected error's message: it could hold
 * SQL, a file path, or a fragment of the request body.
 */
export function renderError(error: unknown): RenderedError {
  if (error instanceof OAuthError) return fromOAuthError(error, false);

  if (hasStringCode(error)) {
    // Fastify's own request errors (FST_ERR_CTP_*: body limit, bad content length, ...).
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fromOAuthError(authErrors.bodyTooLarge(), false);
    const status = typeof error.statusCode === 'number' ? error.statusCode : 0;
    if (error.code.startsWith('FST_') && status >= 400 && status < 500) {
      const rendered = fromOAuthError(authErrors.malformedBody(), false);
      return { ...rendered, status };
    }
    if (unavailableSqliteCodes.test(error.code)) return fromOAuthError(authErrors.storageUnavailable(), true);
  }

  return {
    status: 500,
    body: { error: 'server_error', error_description: 'Internal server error.' },
    isUnexpected: true,
  };
}
