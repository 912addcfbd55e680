import { appError, type AppError, type ServerAnswer } from '../../common/errors/app-error';
import { translateByCode, translateByStatus, type TokenOperation } from './error-catalogue';
import { readErrorAnswer, type AnswerHeaders, type ServerErrorAnswer } from './server-answer';

export type { TokenOperation } from './error-catalogue';
export { translateTransportError } from './transport-errors';

/**
 * Turns a server's error answer into plain words and a next step, keeping the raw answer for support.
 * This is the single place where OAuth/Auth0 error codes meet the UI (spec/auth0-wire.md §2, §4.5).
 * An `mfa_token` in the body is never copied into the AppError: it would otherwise reach the window.
 */
export function translateServerError(
  status: number,
  rawBody: string,
  operation: TokenOperation,
  headers: AnswerHeaders = {},
): AppError {
  return translateServerAnswer(status, readErrorAnswer(rawBody, headers), operation);
}

/** The same, for an answer already read (the token client reads it once to find an `mfa_token`). */
export function translateServerAnswer(status: number, answer: ServerErrorAnswer, operation: TokenOperation): AppError {
  const words = translateByCode(answer, status, operation) ?? translateByStatus(status, operation);
  return appError(words.code, words.message, { nextStep: words.nextStep, detail: detailOf(status, answer) });
}

function detailOf(status: number, answer: ServerErrorAnswer): ServerAnswer {
  return {
    status,
    ...(answer.error === undefined ? {} : { error: answer.error }),
    ...(answer.description === undefined ? {} : { errorDescription: answer.description }),
    ...(answer.otherBody === undefined ? {} : { body: answer.otherBody }),
    ...(answer.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: answer.retryAfterSeconds }),
  };
}
