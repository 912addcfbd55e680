import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { LogController } from 'fastify';
import type { LoggerConfig } from '../config';

declare module 'fastify' {
  interface FastifyRequest {
    /** The client_id the request claimed, for the request log. Set by the client authenticator. */
    gatehouseClientId: string | null;
  }
}

/**
 * Where credentials could appear in anything we log. Redaction is the logger's job (conventions.md
 * "Logging"), so even a careless `log.info({body})` masks them.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.client_secret',
  '*.secret',
  '*.token',
  '*.access_token',
  '*.id_token',
  '*.refresh_token',
  '*.mfa_token',
  '*.otp',
  '*.recovery_code',
  '*.binding_code',
  '*.privateJwk',
  '*.private_jwk',
];

/** Fastify logger options for `config.logger`: off, on at info, or a level and an optional stream. */
export function loggerOptions(config: LoggerConfig): FastifyServerOptions['logger'] {
  if (config === false) return false;
  const base = { redact: { paths: redactedPaths, censor: '[redacted]' } };
  if (config === true) return { ...base, level: 'info' };
  return { ...base, level: config.level ?? 'info', ...(config.stream && { stream: config.stream }) };
}

/** Records the client_id a request claims (trimmed, since it is caller-controlled) for its log line. */
export function noteClientId(request: FastifyRequest, clientId: string): void {
  request.gatehouseClientId = clientId.slice(0, 128);
}

/**
 * One line per request, written when the response is done: method, route pattern (never the raw URL,
 * which could carry a token in its query), status, duration and client_id. It replaces Fastify's own
 * "incoming request" / "request completed" pair through Fastify's LogController extension point.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? '(no route)',
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      client_id: request.gatehouseClientId ?? undefined,
    };
    if (error) request.log.error({ ...line, err: error }, 'request');
    else request.log.info(line, 'request');
  }
}

/** Declares the per-request client_id slot that `RequestLogController` reads. */
export function installRequestLog(app: FastifyInstance): void {
  app.decorateRequest('gatehouseClientId', null);
}
