import { BODY_LIMIT_BYTES } from '../config';
import type { ManagementErrorBody } from './errors';
import { ManagementError, mgmtErrors } from './errors';

/** What the Management API's error handler sends. */
export interface RenderedManagementError {
  readonly status: number;
  readonly body: ManagementErrorBody;
  /** A bug or an outage, which the handler logs in full. */
  readonly isUnexpected: boolean;
}

// SQLite result codes meaning "cannot serve right now" (https://www.sqlite.org/rescode.html).
const unavailableSqliteCodes = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CORRUPT|NOTADB|CANTOPEN|READONLY)/;

function codeOf(error: unknown): { code: string; statusCode: number } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string') return undefined;
  return { code, statusCode: typeof statusCode === 'number' ? statusCode : 0 };
}

function rendered(error: ManagementError, isUnexpected = false): RenderedManagementError {
  return { status: error.statusCode, body: error.body(), isUnexpected };
}

/**
 * Turns anything thrown while serving `/api/v2` into the `{statusCode, error, message, errorCode}` body.
 * Fastify's own request errors keep their 4xx status; an unexpected error's text is never echoed, because
 * it could hold SQL, a path or part of the request.
 */
export function renderManagementError(error: unknown): RenderedManagementError {
  if (error instanceof ManagementError) return rendered(error);
  const coded = codeOf(error);
  if (coded) {
    if (coded.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return rendered(mgmtErrors.bodyTooLarge(BODY_LIMIT_BYTES));
    if (coded.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return rendered(mgmtErrors.unsupportedMediaType());
    if (coded.code.startsWith('FST_') && coded.statusCode >= 400 && coded.statusCode < 500) {
      const malformed = mgmtErrors.malformedBody();
      return rendered(new ManagementError(coded.statusCode, malformed.errorCode, malformed.message));
    }
    if (unavailableSqliteCodes.test(coded.code)) return rendered(mgmtErrors.unavailable(), true);
  }
  return rendered(mgmtErrors.internal(), true);
}
