import { z } from 'zod';
import type { AppResult } from '../../../common/errors/app-error';
import { JsonObject } from '../../../common/admin/admin-common.schema';
import { ScriptRef, type DryRunInput, type DryRunReport } from '../../../common/admin/dry-run.schema';
import { ok } from '../../../common/result';
import type { ManagementTransport } from '../management-transport';
import { op } from './api-helpers';

const ClaimSourceWire = z.object({ token: z.enum(['access', 'id']), claim: z.string(), script: ScriptRef });

/** The reference server's dry-run answer, in the Management API's snake_case. */
const DryRunWire = z.object({
  outcome: z.enum(['allow', 'deny', 'redirect', 'mfa_required']),
  error: z.object({ status: z.number().int(), error: z.string(), error_description: z.string() }).optional(),
  stopped_by: ScriptRef.optional(),
  redirect_url: z.string().optional(),
  mfa_reason: z.string().optional(),
  access_token: z.object({ claims: JsonObject, scope: z.array(z.string()) }),
  id_token: z.object({ claims: JsonObject }),
  provenance: z.array(ClaimSourceWire),
  dropped: z.array(ClaimSourceWire.extend({ reason: z.string() })),
  console: z.array(z.object({ script: ScriptRef, level: z.string(), line: z.string() })),
  scripts: z.array(z.object({ script: ScriptRef, status: z.string(), ms: z.number() })),
});

/**
 * Gatehouse's dry-run extension (`POST /rules/try`, `POST /actions/actions/try`). On a server without it
 * (a real Auth0 tenant) the answer is a 404 that says so.
 */
export class DryRunApi {
  constructor(private readonly transport: ManagementTransport) {}

  /** Runs a saved rule, unsaved rule source, or the whole pipeline. */
  tryRule(input: DryRunInput): Promise<AppResult<DryRunReport>> {
    const { target } = input;
    const body =
      target.kind === 'saved'
        ? { rule_id: target.id }
        : target.kind === 'source'
          ? { script: target.source, ...(target.name === undefined ? {} : { name: target.name }) }
          : { pipeline: true };
    return this.#run(['rules', 'try'], { ...body, ...common(input) }, 'test-run the rule');
  }

  /** Runs a saved action's draft, unsaved action code (with made-up secrets), or the whole pipeline. */
  tryAction(input: DryRunInput): Promise<AppResult<DryRunReport>> {
    const { target } = input;
    const body =
      target.kind === 'saved'
        ? { action_id: target.id }
        : target.kind === 'source'
          ? {
              code: target.source,
              ...(target.name === undefined ? {} : { name: target.name }),
              ...(target.secrets === undefined ? {} : { secrets: target.secrets }),
            }
          : { pipeline: true };
    return this.#run(['actions', 'actions', 'try'], { ...body, ...common(input) }, 'test-run the action');
  }

  async #run(path: string[], body: Record<string, unknown>, action: string): Promise<AppResult<DryRunReport>> {
    const reply = await this.transport.call(
      { method: 'POST', path, body, operation: op(action, 'user, application or script') },
      DryRunWire,
    );
    return reply.ok ? ok(fromWire(reply.value.value)) : reply;
  }
}

function common(input: DryRunInput): Record<string, unknown> {
  return {
    user_id: input.userId,
    client_id: input.clientId,
    ...(input.connection === undefined ? {} : { connection: input.connection }),
    ...(input.protocol === undefined ? {} : { protocol: input.protocol }),
    ...(input.audience === undefined ? {} : { audience: input.audience }),
    ...(input.scope === undefined ? {} : { scope: input.scope }),
    ...(input.ip === undefined ? {} : { ip: input.ip }),
    ...(input.userAgent === undefined ? {} : { user_agent: input.userAgent }),
  };
}

/** camelCase once, at the boundary; "claims" in the names, because no token exists. */
function fromWire(wire: z.infer<typeof DryRunWire>): DryRunReport {
  return {
    outcome: wire.outcome,
    ...(wire.error === undefined
      ? {}
      : {
          error: { status: wire.error.status, error: wire.error.error, errorDescription: wire.error.error_description },
        }),
    ...(wire.stopped_by === undefined ? {} : { stoppedBy: wire.stopped_by }),
    ...(wire.redirect_url === undefined ? {} : { redirectUrl: wire.redirect_url }),
    ...(wire.mfa_reason === undefined ? {} : { mfaReason: wire.mfa_reason }),
    accessTokenClaims: wire.access_token.claims,
    accessTokenScope: wire.access_token.scope,
    idTokenClaims: wire.id_token.claims,
    provenance: wire.provenance,
    dropped: wire.dropped,
    console: wire.console,
    scripts: wire.scripts,
  };
}
