import { z } from 'zod';
import type { DryRunReport, DryRunRequest, DryRunService, DryRunTarget } from '../extensibility/dry-run';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import type { ManagementRoute } from './route';
import { parseBody, text } from './validation';

/** Where the dry run's inputs come from (issue #4's service). */
export type DryRunner = Pick<DryRunService, 'run'>;

const Scope = z.union([text(2000), z.array(text(200)).max(100)]);
const Common = {
  user_id: text(100).min(1),
  client_id: text(100).min(1),
  connection: text(128).min(1).optional(),
  protocol: z.enum(['oauth2-password', 'oauth2-refresh-token']).optional(),
  audience: text(600).min(1).optional(),
  scope: Scope.optional(),
  ip: z.union([z.ipv4(), z.ipv6()]).optional(),
  user_agent: text(512).optional(),
};
const RuleTry = z.object({
  ...Common,
  rule_id: text(100).min(1).optional(),
  script: text(100_000).min(1).optional(),
  name: text(255).optional(),
  pipeline: z.boolean().optional(),
});
const ActionTry = z.object({
  ...Common,
  action_id: text(100).min(1).optional(),
  code: text(100_000).min(1).optional(),
  name: text(200).optional(),
  secrets: z.record(z.string().max(128), z.string().max(4096)).optional(),
  pipeline: z.boolean().optional(),
});

const failures = {
  user_not_found: () => mgmtErrors.notFound('user', 'inexistent_user'),
  client_not_found: () => mgmtErrors.notFound('client', 'inexistent_client'),
  connection_not_found: () => mgmtErrors.notFound('connection', 'inexistent_connection'),
  audience_not_found: () => mgmtErrors.notFound('resource server', 'inexistent_resource_server'),
  script_not_found: () => mgmtErrors.notFound('script', 'inexistent_script'),
} as const;

/** Exactly one way to name what runs. */
function oneTarget(choices: readonly (DryRunTarget | undefined)[], names: string): DryRunTarget {
  const given = choices.filter((choice): choice is DryRunTarget => choice !== undefined);
  const [target] = given;
  if (given.length !== 1 || target === undefined) {
    throw mgmtErrors.invalidBody(`'send exactly one of ${names}' on property body`);
  }
  return target;
}

function request(body: z.infer<typeof RuleTry> | z.infer<typeof ActionTry>, target: DryRunTarget): DryRunRequest {
  const scope = typeof body.scope === 'string' ? body.scope.split(' ').filter((item) => item !== '') : body.scope;
  return {
    target,
    userId: body.user_id,
    clientId: body.client_id,
    ...(body.connection !== undefined && { connection: body.connection }),
    ...(body.protocol !== undefined && { protocol: body.protocol }),
    ...(body.audience !== undefined && { audience: body.audience }),
    ...(scope !== undefined && { scope }),
    ...(body.ip !== undefined && { ip: body.ip }),
    ...(body.user_agent !== undefined && { userAgent: body.user_agent }),
  };
}

/** The report in the Management API's snake_case. Claims are the tokens' own names, left as they are. */
export function dryRunWire(report: DryRunReport) {
  return {
    outcome: report.outcome,
    ...(report.error !== undefined && { error: report.error }),
    ...(report.stoppedBy !== undefined && { stopped_by: report.stoppedBy }),
    ...(report.redirectUrl !== undefined && { redirect_url: report.redirectUrl }),
    ...(report.mfaReason !== undefined && { mfa_reason: report.mfaReason }),
    access_token: { claims: report.accessToken.claims, scope: report.accessToken.scope },
    id_token: { claims: report.idToken.claims },
    provenance: report.provenance,
    dropped: report.dropped,
    console: report.console,
    scripts: report.scripts,
  };
}

/**
 * Gatehouse's dry-run extension (issue #4's service over HTTP): `POST /rules/try` and
 * `POST /actions/actions/try` run one saved script, an unsaved source, or the whole post-login pipeline
 * against a real user, client and connection, issue no token and change nothing, and answer with the
 * claims, scopes, outcome, console output and which script set each claim. Running code needs a
 * scope that may change scripts.
 */
export function dryRunRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const runner = deps.dryRun;
  if (runner === undefined) return [];

  const run = async (dry: DryRunRequest) => {
    const outcome = await runner.run(dry);
    if (!outcome.ok) throw failures[outcome.reason]();
    return dryRunWire(outcome.report);
  };

  return [
    {
      method: 'POST',
      url: '/rules/try',
      scopes: ['create:rules', 'update:rules'],
      description: 'Dry-run a rule',
      handler(call) {
        const body = parseBody(RuleTry, call.body);
        const target = oneTarget(
          [
            body.rule_id === undefined ? undefined : { kind: 'rule', id: body.rule_id },
            body.script === undefined
              ? undefined
              : { kind: 'rule-source', script: body.script, ...(body.name !== undefined && { name: body.name }) },
            body.pipeline === true ? { kind: 'pipeline' } : undefined,
          ],
          'rule_id, script, pipeline',
        );
        return run(request(body, target));
      },
    },
    {
      method: 'POST',
      url: '/actions/actions/try',
      scopes: ['create:actions', 'update:actions'],
      description: 'Dry-run an action',
      handler(call) {
        const body = parseBody(ActionTry, call.body);
        const target = oneTarget(
          [
            body.action_id === undefined ? undefined : { kind: 'action', id: body.action_id },
            body.code === undefined
              ? undefined
              : {
                  kind: 'action-source',
                  code: body.code,
                  ...(body.name !== undefined && { name: body.name }),
                  ...(body.secrets !== undefined && { secrets: body.secrets }),
                },
            body.pipeline === true ? { kind: 'pipeline' } : undefined,
          ],
          'action_id, code, pipeline',
        );
        return run(request(body, target));
      },
    },
  ];
}
