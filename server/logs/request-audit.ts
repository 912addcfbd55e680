import type { FastifyRequest } from 'fastify';
import type { IssuerSource } from '../issuer';
import type { Client, Connection } from '../tenant/model';
import type { NewLogEvent, TenantLog } from './tenant-log';

/** What the request has learned so far; copied into every event it writes. */
export interface AuditFacts {
  /** The end user's address (auth0-forwarded-for when trusted). */
  readonly ip?: string;
  readonly client?: Pick<Client, 'clientId' | 'name'>;
  readonly connection?: Pick<Connection, 'id' | 'name' | 'strategy'>;
  /** The full user id (`auth0|…`). */
  readonly userId?: string;
  /** What the user typed, or their email. */
  readonly userName?: string;
  readonly audience?: string;
  readonly scope?: string;
}

/** The parts of an HTTP request an event records. */
export interface AuditOrigin {
  /** The socket address that called us. */
  readonly callerIp: string;
  readonly userAgent?: string;
  /** The tenant's host name (from the issuer, not from the caller's Host header). */
  readonly hostname?: string;
  /** The raw `Auth0-Client` header: base64url JSON telemetry (auth0-wire.md §0). */
  readonly auth0ClientHeader?: string;
}

/** Extra parts of one event. */
export interface AuditEventInput {
  readonly description?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

// Auth0 strategy types by strategy (database connections are all this server has today).
const strategyTypes: Readonly<Record<string, string>> = { auth0: 'database' };

/** Decodes the telemetry header; anything that is not a small JSON object is ignored. */
export function decodeAuth0Client(header: string | undefined): Record<string, unknown> | undefined {
  if (header === undefined || header.length > 2_048) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The tenant-log side of one Authentication API request. Code that learns something (the client, the
 * user, the connection) notes it; code that decides an outcome writes the event, which then carries
 * everything known, plus `ip`/`client_ip`, the user agent and the telemetry (auth0-wire.md §7.6).
 *
 * Never note or write a password or a token: events hold identifiers only.
 */
export class RequestAudit {
  private facts: AuditFacts = {};
  private notedDetails: Readonly<Record<string, unknown>> = {};
  private written = 0;

  constructor(
    private readonly log: TenantLog,
    private readonly origin: AuditOrigin,
  ) {}

  /** Adds to what is known; later notes win. */
  note(facts: AuditFacts): void {
    this.facts = { ...this.facts, ...facts };
  }

  /**
   * Adds details to every later event of this request (an event's own details win on a clash): the
   * post-login pipeline notes which scripts ran and which claims they set, so the login's outcome event says so.
   */
  noteDetails(details: Readonly<Record<string, unknown>>): void {
    this.notedDetails = { ...this.notedDetails, ...details };
  }

  /** Notes the user from a user record. */
  noteUser(user: { readonly id: string; readonly email: string | null; readonly username: string | null }): void {
    this.note({ userId: `auth0|${user.id}`, userName: user.email ?? user.username ?? undefined });
  }

  /** Whether this request has written any event yet (the endpoint then writes no generic failure). */
  get hasWritten(): boolean {
    return this.written > 0;
  }

  /** Writes one event now. */
  write(type: string, input: AuditEventInput = {}): void {
    const { facts, origin } = this;
    const auth0Client = decodeAuth0Client(origin.auth0ClientHeader);
    const event: NewLogEvent = {
      type,
      ...(input.description !== undefined && { description: input.description }),
      ip: facts.ip ?? origin.callerIp,
      clientIp: origin.callerIp,
      ...(origin.hostname !== undefined && { hostname: origin.hostname }),
      ...(origin.userAgent !== undefined && { userAgent: origin.userAgent }),
      ...(facts.client && { clientId: facts.client.clientId, clientName: facts.client.name }),
      ...(facts.connection && {
        connection: facts.connection.name,
        connectionId: facts.connection.id,
        strategy: facts.connection.strategy,
        strategyType: strategyTypes[facts.connection.strategy] ?? 'enterprise',
      }),
      ...(facts.userId !== undefined && { userId: facts.userId }),
      ...(facts.userName !== undefined && { userName: facts.userName }),
      ...(facts.audience !== undefined && { audience: facts.audience }),
      ...(facts.scope !== undefined && { scope: facts.scope }),
      ...((input.details !== undefined || Object.keys(this.notedDetails).length > 0) && {
        details: { ...this.notedDetails, ...input.details },
      }),
      ...(auth0Client !== undefined && { auth0Client }),
    };
    this.written += 1;
    this.log.write(event);
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The tenant's host name, from the issuer (the Host header is the caller's to choose). */
export function issuerHost(issuer: IssuerSource): string | undefined {
  try {
    return new URL(issuer.get()).host;
  } catch {
    return undefined;
  }
}

/** A `RequestAudit` for an incoming Authentication API request. */
export function auditRequest(request: FastifyRequest, log: TenantLog, issuer: IssuerSource): RequestAudit {
  const userAgent = headerText(request.headers['user-agent']);
  const hostname = issuerHost(issuer);
  const auth0ClientHeader = headerText(request.headers['auth0-client']);
  return new RequestAudit(log, {
    callerIp: request.ip,
    ...(userAgent !== undefined && { userAgent }),
    ...(hostname !== undefined && { hostname }),
    ...(auth0ClientHeader !== undefined && { auth0ClientHeader }),
  });
}
