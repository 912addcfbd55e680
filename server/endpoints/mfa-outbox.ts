import type { FastifyInstance } from 'fastify';
import type { Clock } from '../config';
import { authErrors, mfaErrors } from '../errors/catalogue';
import { noStoreHeaders } from '../errors/error-renderer';
import type { IssuerSource } from '../issuer';
import { ManagementTokenVerifier } from '../management/auth';
import type { OutboxEntry } from '../mfa/outbox';

/** The Management API permission that reads the outbox (a Gatehouse extension; it holds live codes). */
export const READ_OUTBOX_SCOPE = 'read:mfa_outbox';

export interface MfaOutboxDependencies {
  readonly outbox: { read(query: { readonly to?: string; readonly limit?: number }): OutboxEntry[] } | undefined;
  readonly keys: { jwks(): { readonly keys: readonly object[] } };
  readonly issuer: IssuerSource;
  readonly clock: Clock;
}

/**
 * `GET /mfa/outbox?to=<recipient>&limit=<n>` (Gatehouse extension): the messages the local outbox
 * delivered, newest first, for admins and tests. Admin-only: a Management API token with
 * `read:mfa_outbox`. When a real sender replaces the outbox, the endpoint answers 404.
 */
export function registerMfaOutboxEndpoint(app: FastifyInstance, deps: MfaOutboxDependencies): void {
  const verifier = new ManagementTokenVerifier(deps.keys, deps.issuer, deps.clock);
  app.get<{ Querystring: { to?: unknown; limit?: unknown } }>('/mfa/outbox', async (request, reply) => {
    // The verifier speaks the Management API's error shape; here every failure is RFC 6750's.
    const actor = await verifier.verify(request.headers.authorization).catch(() => {
      throw authErrors.invalidBearerToken();
    });
    if (!actor.scopes.has(READ_OUTBOX_SCOPE)) throw mfaErrors.insufficientScope(READ_OUTBOX_SCOPE);
    if (!deps.outbox) throw mfaErrors.outboxNotInUse();
    const to = typeof request.query.to === 'string' ? request.query.to : undefined;
    const limit = Math.min(100, Math.max(1, Number.parseInt(String(request.query.limit ?? '50'), 10) || 50));
    return reply.headers(noStoreHeaders).send(deps.outbox.read({ ...(to !== undefined && { to }), limit }));
  });
}
