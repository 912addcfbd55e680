import { grantTypes } from '../../common/oauth/wire';
import { scriptErrors } from '../errors/catalogue';
import type { UserPermissions } from '../grants/grant';
import type { ClientRepository } from '../storage/client-repository';
import type { ConnectionRepository } from '../storage/connection-repository';
import type { MfaSettingsRepository } from '../storage/mfa-settings-repository';
import type { UserRepository } from '../storage/user-repository';
import type { ResourceServerDirectory } from '../tenant/resource-server-directory';
import { decideScopes } from '../tokens/scope-decision';
import type { LoginProtocol } from './login-facts';
import { decideMfa, describeMfaReason } from './mfa-decision';
import type { PostLoginPipeline } from './pipeline';
import type {
  ClaimSource,
  ConsoleLine,
  DroppedClaim,
  PipelineResult,
  PipelineScripts,
  ScriptRef,
} from './pipeline-types';
import type { PostLoginHookDependencies } from './post-login';
import { buildLoginFacts } from './post-login';
import { loadPostLoginScripts, ruleToRun } from './script-catalog';

/** Which scripts a dry run runs: the whole pipeline as logins run it, or one script. */
export type DryRunTarget =
  | { readonly kind: 'pipeline' }
  | { readonly kind: 'rule'; readonly id: string }
  | { readonly kind: 'rule-source'; readonly script: string; readonly name?: string }
  | { readonly kind: 'action'; readonly id: string }
  | {
      readonly kind: 'action-source';
      readonly code: string;
      readonly name?: string;
      readonly secrets?: Readonly<Record<string, string>>;
    };

/** `POST /api/v2/rules/try` and the actions equivalent (a Gatehouse extension) take this. */
export interface DryRunRequest {
  readonly target: DryRunTarget;
  /** The user id (with or without `auth0|`). */
  readonly userId: string;
  readonly clientId: string;
  /** Connection name; default the user's own. */
  readonly connection?: string;
  /** Default `oauth2-password`. */
  readonly protocol?: LoginProtocol;
  /** Default the tenant's default audience. */
  readonly audience?: string;
  /** Requested scopes, decided as a login would (auth0-wire.md §1.5). */
  readonly scope?: readonly string[];
  readonly ip?: string;
  readonly userAgent?: string;
}

/** What a dry run reports: the tokens' claims and scopes, the outcome, and who did what. */
export interface DryRunReport {
  readonly outcome: 'allow' | 'deny' | 'redirect' | 'mfa_required';
  /** The error the login would have answered with. */
  readonly error?: { readonly status: number; readonly error: string; readonly error_description: string };
  readonly stoppedBy?: ScriptRef;
  /** Where a script tried to send the user (the password grant cannot redirect). */
  readonly redirectUrl?: string;
  readonly mfaReason?: string;
  readonly accessToken: { readonly claims: Readonly<Record<string, unknown>>; readonly scope: readonly string[] };
  readonly idToken: { readonly claims: Readonly<Record<string, unknown>> };
  readonly provenance: readonly ClaimSource[];
  readonly dropped: readonly DroppedClaim[];
  readonly console: readonly ConsoleLine[];
  readonly scripts: PipelineResult['runs'];
}

export type DryRunOutcome =
  | { readonly ok: true; readonly report: DryRunReport }
  | {
      readonly ok: false;
      readonly reason:
        'user_not_found' | 'client_not_found' | 'connection_not_found' | 'audience_not_found' | 'script_not_found';
    };

export interface DryRunDependencies extends Pick<
  PostLoginHookDependencies,
  'rules' | 'ruleConfigs' | 'actions' | 'actionBindings' | 'roles' | 'authenticators' | 'tenant' | 'clock'
> {
  readonly pipeline: PostLoginPipeline;
  readonly users: UserRepository;
  readonly clients: ClientRepository;
  readonly connections: ConnectionRepository;
  readonly resourceServers: ResourceServerDirectory;
  readonly mfaSettings: MfaSettingsRepository;
  readonly defaultAudience: () => string | null;
  readonly permissions: UserPermissions;
}

/**
 * Runs the post-login pipeline, or one rule or action, against a given user, client, connection and
 * protocol without issuing tokens, and reports the claims, scopes, deny/MFA outcome, console output and
 * which script set each claim. The admin pane's test run and claim provenance use this; the
 * Management API (issue #5) mounts it over HTTP.
 */
export class DryRunService {
  constructor(private readonly deps: DryRunDependencies) {}

  async run(request: DryRunRequest): Promise<DryRunOutcome> {
    const { deps } = this;
    const user = deps.users.findById(request.userId.replace(/^auth0\|/, ''));
    if (!user) return { ok: false, reason: 'user_not_found' };
    const client = deps.clients.findById(request.clientId);
    if (!client) return { ok: false, reason: 'client_not_found' };
    const connection =
      request.connection === undefined
        ? deps.connections.findById(user.connectionId)
        : deps.connections.findByName(request.connection);
    if (!connection) return { ok: false, reason: 'connection_not_found' };
    const audience = request.audience ?? deps.defaultAudience() ?? undefined;
    const api = audience === undefined ? null : deps.resourceServers.findByIdentifier(audience);
    if (api === undefined) return { ok: false, reason: 'audience_not_found' };
    const scripts = this.scripts(request.target);
    if (!scripts) return { ok: false, reason: 'script_not_found' };

    const decision = decideScopes({
      requested: request.scope ?? [],
      api: api && {
        scopes: api.scopes.map((scope) => scope.value),
        allowOfflineAccess: api.allowOfflineAccess,
        enforcePolicies: api.enforcePolicies,
      },
      userPermissions: api?.enforcePolicies ? deps.permissions.forUser(user.id, api.identifier) : [],
      clientMayRefresh: client.grantTypes.includes(grantTypes.refreshToken),
    });
    const protocol = request.protocol ?? 'oauth2-password';
    const facts = buildLoginFacts(deps, {
      protocol,
      user,
      client,
      connection,
      api,
      scope: decision.granted,
      request: {
        ip: request.ip ?? '127.0.0.1',
        ...(request.userAgent !== undefined && { userAgent: request.userAgent }),
        hostname: deps.tenant(),
        body: { grant_type: protocol === 'oauth2-password' ? 'password' : 'refresh_token', client_id: client.clientId },
      },
    });
    // Fresh contexts: a dry run must not see, or leave behind, the globals that logins keep.
    const result = await deps.pipeline.run(scripts, facts, { reuseContexts: false });
    const mfa = result.stop
      ? null
      : decideMfa({
          protocol,
          settings: deps.mfaSettings.get(),
          connection,
          enrolled: facts.enrolledFactors.length > 0,
          demand: result.multifactor,
        });
    return { ok: true, report: report(result, mfa === null ? undefined : describeMfaReason(mfa)) };
  }

  private scripts(target: DryRunTarget): PipelineScripts | undefined {
    const { deps } = this;
    const configuration = () => deps.ruleConfigs.all();
    switch (target.kind) {
      case 'pipeline':
        return loadPostLoginScripts(deps);
      case 'rule': {
        const rule = deps.rules.findById(target.id);
        return rule && { rules: [ruleToRun(rule)], actions: [], configuration: configuration() };
      }
      case 'rule-source':
        return {
          rules: [{ kind: 'rule', id: 'dry-run', name: target.name ?? 'dry run', source: target.script }],
          actions: [],
          configuration: configuration(),
        };
      case 'action': {
        const draft = deps.actions.draftForRun(target.id);
        return (
          draft && {
            rules: [],
            actions: [{ kind: 'action', id: target.id, name: draft.name, source: draft.code, secrets: draft.secrets }],
            configuration: {},
          }
        );
      }
      case 'action-source':
        return {
          rules: [],
          actions: [
            {
              kind: 'action',
              id: 'dry-run',
              name: target.name ?? 'dry run',
              source: target.code,
              secrets: target.secrets ?? {},
            },
          ],
          configuration: {},
        };
    }
  }
}

function report(result: PipelineResult, mfaReason: string | undefined): DryRunReport {
  const stop = result.stop;
  const base = {
    accessToken: { claims: result.accessTokenClaims, scope: result.scope },
    idToken: { claims: result.idTokenClaims },
    provenance: result.provenance,
    dropped: result.dropped,
    console: result.console,
    scripts: result.runs,
  };
  if (stop) {
    const error =
      stop.kind === 'redirect'
        ? scriptErrors.redirectNotAllowed()
        : stop.error === 'unauthorized'
          ? scriptErrors.unauthorized(stop.message)
          : scriptErrors.denied(stop.message);
    return {
      ...base,
      outcome: stop.kind === 'redirect' ? 'redirect' : 'deny',
      stoppedBy: stop.script,
      ...(stop.kind === 'redirect' && { redirectUrl: stop.url }),
      error: { status: error.status, error: error.error, error_description: error.description },
    };
  }
  return mfaReason === undefined ? { ...base, outcome: 'allow' } : { ...base, outcome: 'mfa_required', mfaReason };
}
