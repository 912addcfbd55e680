import type { FastifyRequest } from 'fastify';
import type { ManagementActor } from './auth';
import { actorUserId } from './auth';
import type { IssuerSource } from '../issuer';
import { decodeAuth0Client, issuerHost } from '../logs/request-audit';
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

/** Finds the display names an event carries for its actor (the stores; absent when deleted since). */
export interface ManagementActorNames {
  /** The user's email, else username, for `user_name` (as login events note it). `id` is without `auth0|`. */
  userName(id: string): string | undefined;
  /** The application's name, for `client_name`. */
  clientName(clientId: string): string | undefined;
}

/** Where the events' tenant-level fields come from. Both optional so a bare sink still works (unit tests). */
export interface ManagementAuditContext {
  /** `hostname` is the issuer's host, as on login events: Auth0 logs the tenant domain, not the Host header. */
  readonly issuer?: IssuerSource;
  readonly names?: ManagementActorNames;
}

/** Builds the events for one request; the route layer decides when to write them. */
export class ManagementAudit {
  constructor(
    private readonly sink: ManagementLogSink,
    private readonly context: ManagementAuditContext = {},
  ) {}

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
    const { issuer, names } = this.context;
    const hostname = issuer === undefined ? undefined : issuerHost(issuer);
    const userId = actorUserId(actor);
    // Looked up when the event is written: a write is rare, and a renamed admin shows their current name.
    const userName = userId === null ? undefined : names?.userName(userId);
    const clientName = actor.clientId === null ? undefined : names?.clientName(actor.clientId);
    // Every official SDK (and the Deploy CLI through it) sends its telemetry; Auth0 keeps it as `auth0_client`.
    const telemetry = request.headers['auth0-client'];
    const auth0Client = decodeAuth0Client(typeof telemetry === 'string' ? telemetry : undefined);
    return {
      type,
      description,
      ip: request.ip,
      ...(typeof userAgent === 'string' && { userAgent: userAgent.slice(0, 512) }),
      ...(hostname !== undefined && { hostname }),
      ...(actor.clientId !== null && { clientId: actor.clientId }),
      ...(clientName !== undefined && { clientName }),
      ...(actor.kind === 'user' && { userId: actor.subject }),
      ...(userName !== undefined && { userName }),
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
            ...(userId !== null && { user_id: actor.subject }),
            scopes: [...actor.scopes],
          },
        },
        response: bounded(response),
      },
    };
  }
}
