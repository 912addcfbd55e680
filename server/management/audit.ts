import type { FastifyRequest } from 'fastify';
import type { ManagementActor } from './auth';
import { actorUserId } from './auth';
import { decodeAuth0Client } from '../logs/request-audit';
import type { NewLogEvent, TenantLog } from '../logs/tenant-log';

/** The part of issue #3's tenant log the Management API writes to (`sapi`, `fapi`, `api_limit`). */
export type ManagementLogSink = Pick<TenantLog, 'write'>;

/** Keys whose values never reach a log line: credentials and secrets (security.md "Password storage"). */
const SECRET_KEY =
  /^(password|new_password|client_secret|signing_secret|secret|token|access_token|refresh_token|id_token|mfa_token|authorization|otp|recovery_code)$/i;
const MAX_DETAIL_CHARS = 8 * 1024;

/**
 * A copy of `value` with secrets masked, depth- and size-limited, fit for a log line. Inside a `secrets`
 * list (actions) every `value` is masked too.
 */
export function redactForLog(value: unknown, depth = 0, inSecrets = false): unknown {
  if (depth > 6) return '[truncated]';
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactForLog(item, depth + 1, inSecrets));
  if (typeof value === 'string') return value.length > 1024 ? `${value.slice(0, 1024)}…` : value;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, 100)) {
    const isSecret = SECRET_KEY.test(key) || (inSecrets && key === 'value');
    // Never log a password or a secret's value: they are credentials.
    out[key] =
      isSecret && item !== null && item !== undefined ? '[redacted]' : redactForLog(item, depth + 1, key === 'secrets');
  }
  return out;
}

function bounded(value: unknown): unknown {
  const redacted = redactForLog(value);
  const text = JSON.stringify(redacted) ?? '';
  return text.length > MAX_DETAIL_CHARS ? { truncated: true, size: text.length } : redacted;
}

/** Builds the events for one request; the route layer decides when to write them. */
export class ManagementAudit {
  constructor(private readonly sink: ManagementLogSink) {}

  /** A write that is about to commit (written inside the write's own transaction). */
  success(request: FastifyRequest, actor: ManagementActor, description: string, statusCode: number): void {
    this.sink.write(this.event('sapi', request, actor, description, { statusCode }));
  }

  /** A write that failed; `body` is the error answered. */
  failure(
    request: FastifyRequest,
    actor: ManagementActor,
    description: string,
    statusCode: number,
    body: unknown,
  ): void {
    this.sink.write(this.event('fapi', request, actor, description, { statusCode, body }));
  }

  /** A call refused by the rate limit. */
  limited(request: FastifyRequest, actor: ManagementActor): void {
    this.sink.write(this.event('api_limit', request, actor, 'Rate limit exceeded', { statusCode: 429 }));
  }

  private event(
    type: 'sapi' | 'fapi' | 'api_limit',
    request: FastifyRequest,
    actor: ManagementActor,
    description: string,
    response: Record<string, unknown>,
  ): NewLogEvent {
    const path = request.url.split('?')[0] ?? request.url;
    const userAgent = request.headers['user-agent'];
    const hostname = request.headers.host;
    // Every official SDK (and the Deploy CLI through it) sends its telemetry; Auth0 keeps it as `auth0_client`.
    const telemetry = request.headers['auth0-client'];
    const auth0Client = decodeAuth0Client(typeof telemetry === 'string' ? telemetry : undefined);
    return {
      type,
      description,
      ip: request.ip,
      ...(typeof userAgent === 'string' && { userAgent: userAgent.slice(0, 512) }),
      ...(typeof hostname === 'string' && { hostname: hostname.slice(0, 255) }),
      ...(actor.clientId !== null && { clientId: actor.clientId }),
      ...(actor.kind === 'user' && { userId: actor.subject }),
      ...(auth0Client !== undefined && { auth0Client }),
      details: {
        request: {
          method: request.method,
          path: path.slice(0, 512),
          query: bounded(request.query),
          body: bounded(request.body),
          auth: {
            strategy: 'jwt',
            subject: actor.subject,
            kind: actor.kind,
            ...(actorUserId(actor) !== null && { user_id: actor.subject }),
            scopes: [...actor.scopes],
          },
        },
        response: bounded(response),
      },
    };
  }
}
