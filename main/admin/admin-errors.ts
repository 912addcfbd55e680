import { z } from 'zod';
import { appError, type AppError, type AppErrorCode, type ServerAnswer } from '../../common/errors/app-error';
import { headerValue, readErrorAnswer, type AnswerHeaders } from '../auth/server-answer';

export { translateTransportError } from '../auth/transport-errors';

/**
 * The Management API's error body (spec/auth0-wire.md §0, §7): `{statusCode, error, message, errorCode}`.
 * `errorCode` is missing on some older Auth0 answers, so it is optional here.
 */
const ManagementErrorBody = z.object({
  statusCode: z.number().int(),
  error: z.string().max(256),
  message: z.string().max(4096),
  errorCode: z.string().max(256).optional(),
});

/** What the admin was doing, in words that fit "… could not be done": "list the users", "block the user". */
export interface AdminOperation {
  /** A phrase naming the action, e.g. `create the rule`. */
  readonly action: string;
  /** The resource in singular words (`user`, `rule`), for "does not exist" messages. */
  readonly resource: string;
  /** How the call was authorised: the next step for a 401 differs. */
  readonly via?: 'session' | 'm2m';
}

/** The management answer as read once: Auth0's shape when it is one, else whatever the body said. */
interface ManagementAnswer {
  readonly errorCode?: string;
  readonly message?: string;
  readonly otherBody?: string;
  readonly retryAfterSeconds?: number;
}

/**
 * Turns a Management API error answer into plain words, a next step and the raw answer (for support).
 * Mirrors main/auth/error-translation.ts for the Authentication API: one place, every status.
 */
export function translateManagementError(
  status: number,
  rawBody: string,
  headers: AnswerHeaders,
  operation: AdminOperation,
  now: () => number = Date.now,
): AppError {
  const answer = readManagementAnswer(status, rawBody, headers, now);
  const { code, message, nextStep } = words(status, answer, operation);
  return appError(code, message, { nextStep, detail: detailOf(status, answer) });
}

/** A success answer whose body did not match Auth0's shape: the server is not what the profile says. */
export function unexpectedAnswer(status: number, reason: string, operation: AdminOperation): AppError {
  return appError('server_error', `The Management API’s answer to “${operation.action}” was not usable: ${reason}.`, {
    nextStep: 'Check that the server profile points at an Auth0 tenant or a Gatehouse reference server.',
    detail: { status },
  });
}

function readManagementAnswer(
  status: number,
  rawBody: string,
  headers: AnswerHeaders,
  now: () => number,
): ManagementAnswer {
  // X-RateLimit-* come with every answer; only a 429 (or a 503's Retry-After) asks the caller to wait.
  const retryAfterSeconds = status === 429 || status === 503 ? waitSeconds(headers, now, status === 429) : undefined;
  const wait = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    json = undefined;
  }
  const management = ManagementErrorBody.safeParse(json);
  if (management.success) {
    const { errorCode, message, error } = management.data;
    return { errorCode: errorCode ?? error, message, ...wait };
  }
  // Not Auth0's management shape: a gateway's OAuth-style body, a challenge header, or an HTML page.
  const other = readErrorAnswer(rawBody, headers);
  return {
    // readErrorAnswer also reads Retry-After; only the wait decided above counts.
    ...(other.error === undefined ? {} : { errorCode: other.error }),
    ...(other.description === undefined ? {} : { message: other.description }),
    ...(other.otherBody === undefined ? {} : { otherBody: other.otherBody }),
    ...wait,
  };
}

/**
 * How long to wait after a 429: `Retry-After` (RFC 9110 §10.2.3) when sent, else Auth0's
 * `X-RateLimit-Reset`, the UTC epoch second when the bucket is full again (§7).
 */
function waitSeconds(headers: AnswerHeaders, now: () => number, useReset: boolean): number | undefined {
  const retryAfter = readErrorAnswer('', headers).retryAfterSeconds;
  if (retryAfter !== undefined || !useReset) return retryAfter;
  const reset = headerValue(headers, 'x-ratelimit-reset');
  if (reset === undefined || !/^\d{1,12}$/.test(reset.trim())) return undefined;
  return Math.max(0, Number(reset.trim()) - Math.floor(now() / 1000));
}

interface Words {
  readonly code: AppErrorCode;
  readonly message: string;
  readonly nextStep: string;
}

const say = (code: AppErrorCode, message: string, nextStep: string): Words => ({ code, message, nextStep });

function words(status: number, answer: ManagementAnswer, operation: AdminOperation): Words {
  const said = answer.message === undefined ? '' : `: ${answer.message}`;
  if (status === 401) {
    return say(
      'invalid_token',
      `The Management API did not accept the admin credentials, so Gatehouse could not ${operation.action}.`,
      operation.via === 'm2m'
        ? 'Check the machine-to-machine client’s ID and secret in the server profile.'
        : 'Sign in to the admin pane again (with the Management API as the audience).',
    );
  }
  if (status === 403) return forbidden(answer, operation);
  if (status === 404) {
    return answer.errorCode === 'not_found' || answer.errorCode === 'Not Found'
      ? say(
          'not_found',
          `This server has no Management API endpoint to ${operation.action}.`,
          'The feature may be a Gatehouse reference-server extension that this server does not offer.',
        )
      : say(
          'not_found',
          `The ${operation.resource} does not exist (it may have been deleted).`,
          'Refresh the list and try again.',
        );
  }
  if (status === 409) {
    return say(
      'conflict',
      `Could not ${operation.action}${said || ': it clashes with existing data.'}`,
      conflictStep(answer.errorCode),
    );
  }
  if (status === 429) {
    const after = answer.retryAfterSeconds;
    return say(
      'rate_limited',
      'The Management API is limiting how often Gatehouse may call it.',
      after === undefined ? 'Wait a minute, then try again.' : `Try again in ${Math.max(1, after)} seconds.`,
    );
  }
  if (status === 400 || status === 413 || status === 415 || status === 422) {
    return say(
      'invalid_request',
      `The server refused to ${operation.action}${said || ` (HTTP ${status})`}`,
      'Correct the values and try again.',
    );
  }
  if (status >= 500) {
    return say(
      'server_error',
      `The Management API had a problem (HTTP ${status}) and could not ${operation.action}.`,
      'Try again in a few minutes; if it keeps failing, contact the tenant’s administrators with the details.',
    );
  }
  return say(
    'invalid_request',
    `The Management API answered HTTP ${status}, so Gatehouse could not ${operation.action}.`,
    'Contact your IT team with the details below.',
  );
}

/** The Management API's exact 403 text (§7): `Insufficient scope, expected any of: read:users,…`. */
const insufficientScope = /^Insufficient scope, expected any of: (.+)$/;

function forbidden(answer: ManagementAnswer, operation: AdminOperation): Words {
  const scopes = insufficientScope.exec(answer.message ?? '')?.[1];
  if (answer.errorCode === 'insufficient_scope' || scopes !== undefined) {
    const needed = scopes === undefined ? '' : ` It needs one of these permissions: ${scopes.split(',').join(', ')}.`;
    return say(
      'insufficient_scope',
      `Your admin access does not allow Gatehouse to ${operation.action}.${needed}`,
      operation.via === 'm2m'
        ? 'Grant the machine-to-machine client that permission on the Management API, then try again.'
        : 'Ask a tenant administrator to give your role that permission, then sign in to the admin pane again.',
    );
  }
  return say(
    'access_denied',
    `The server does not allow Gatehouse to ${operation.action}${answer.message ? `: ${answer.message}` : '.'}`,
    'Contact the tenant’s administrators if you think this is wrong.',
  );
}

function conflictStep(errorCode: string | undefined): string {
  switch (errorCode) {
    case 'rule_conflict':
      return 'Pick another rule name or order, or reorder the rules first.';
    case 'auth0_idp_error':
      return 'Look the user up instead, or use another e-mail address.';
    case 'connection_has_users':
      return 'Delete or move the realm’s users first.';
    case 'action_bound':
      return 'Remove the action from the post-login trigger first.';
    default:
      return 'Change the clashing value (a name, an identifier or an order) and try again.';
  }
}

function detailOf(status: number, answer: ManagementAnswer): ServerAnswer {
  return {
    status,
    ...(answer.errorCode === undefined ? {} : { error: answer.errorCode }),
    ...(answer.message === undefined ? {} : { errorDescription: answer.message }),
    ...(answer.otherBody === undefined ? {} : { body: answer.otherBody }),
    ...(answer.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: answer.retryAfterSeconds }),
  };
}
