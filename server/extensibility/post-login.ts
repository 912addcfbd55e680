import type { Clock } from '../config';
import { scriptErrors } from '../errors/catalogue';
import type { OAuthError } from '../errors/oauth-errors';
import type { GrantRequest } from '../grants/grant';
import type { PendingLogin } from '../mfa/pending-login';
import type { AuthenticatorRepository } from '../storage/authenticator-repository';
import type { MfaSettings, MfaSettingsRepository } from '../storage/mfa-settings-repository';
import type { Client, Connection, ResourceServer, User } from '../tenant/model';
import type { LoginFacts, LoginProtocol, LoginRequestFacts } from './login-facts';
import { scriptVisibleBody } from './login-facts';
import { decideMfa, describeMfaReason } from './mfa-decision';
import type { PostLoginPipeline } from './pipeline';
import type { PipelineResult, PipelineScripts } from './pipeline-types';
import type { ScriptCatalogDependencies } from './script-catalog';
import { loadPostLoginScripts } from './script-catalog';

/** The user's role names (`context.authorization.roles`), from the roles storage of issue #3. */
export interface RoleNames {
  roleNamesFor(userId: string): readonly string[];
}

/** Starts an MFA transaction for a login the pipeline let through (server/mfa/mfa-service.ts). */
export interface MfaGate {
  /** Stores `pending` behind a new `mfa_token`, writes `mfar`, and returns the `mfa_required` error. */
  require(input: {
    readonly request: GrantRequest;
    readonly user: User;
    readonly pending: PendingLogin;
    /** Refresh only: the rotated refresh token to hand out once MFA is done. Never logged. */
    readonly refreshToken?: string;
  }): OAuthError;
}

export interface PostLoginHookDependencies extends ScriptCatalogDependencies {
  readonly pipeline: PostLoginPipeline;
  readonly roles: RoleNames;
  readonly authenticators: Pick<AuthenticatorRepository, 'listForUser'>;
  readonly mfaSettings: MfaSettingsRepository;
  readonly mfa: MfaGate;
  /** The tenant name scripts see (`context.tenant`), e.g. the issuer's host. */
  readonly tenant: () => string;
  readonly clock: Clock;
}

/** A login that passed the password (or refresh) checks, before tokens are made. */
export interface PostLoginStep {
  readonly user: User;
  readonly connection: Connection;
  readonly api: ResourceServer | null;
  /** Scopes granted so far (auth0-wire.md §1.5, or the refresh's narrowed scope). */
  readonly scope: readonly string[];
  readonly includeIdToken: boolean;
  readonly issueRefreshToken: boolean;
  readonly gty: string | readonly string[];
}

/**
 * What one login's post-login step reads from storage, read in one go before anything asynchronous, so
 * a grant can do it inside its own transaction.
 */
export interface PreparedPostLogin {
  readonly protocol: LoginProtocol;
  readonly step: PostLoginStep;
  readonly facts: LoginFacts;
  readonly scripts: PipelineScripts;
  readonly mfaSettings: MfaSettings;
}

/** What the grant mints with once the pipeline let the login through. */
export interface TokenAdditions {
  readonly scope: readonly string[];
  readonly includeIdToken: boolean;
  readonly issueRefreshToken: boolean;
  readonly customClaims: {
    readonly accessToken: Readonly<Record<string, unknown>>;
    readonly idToken: Readonly<Record<string, unknown>>;
  };
}

/** What `buildLoginFacts` needs besides the repositories. */
export interface LoginDescription {
  readonly protocol: LoginProtocol;
  readonly user: User;
  readonly client: Client;
  readonly connection: Connection;
  readonly api: ResourceServer | null;
  readonly scope: readonly string[];
  readonly request: LoginRequestFacts;
}

/** The facts scripts see for one login (the grants' hook and the dry run share this). */
export function buildLoginFacts(
  deps: Pick<PostLoginHookDependencies, 'authenticators' | 'roles' | 'tenant' | 'clock'>,
  login: LoginDescription,
): LoginFacts {
  const enrolledFactors = deps.authenticators
    .listForUser(login.user.id)
    .filter((authenticator) => authenticator.active && authenticator.type !== 'recovery-code')
    .map((authenticator) => (authenticator.type === 'otp' ? 'otp' : (authenticator.oobChannel ?? 'email')));
  return {
    tenant: deps.tenant(),
    protocol: login.protocol,
    user: login.user,
    client: login.client,
    connection: login.connection,
    api: login.api,
    scope: login.scope,
    roles: deps.roles.roleNamesFor(login.user.id),
    authenticationMethods: [{ name: 'pwd', timestamp: deps.clock() }],
    enrolledFactors,
    request: login.request,
  };
}

/**
 * The post-login step of the password and refresh grants (auth0-wire.md §4, §6): rules, then actions,
 * then the MFA decision. It throws the login's error (`unauthorized`, `access_denied`,
 * `interaction_required`, `mfa_required`) or returns what to add to the tokens.
 */
export class PostLoginHook {
  constructor(private readonly deps: PostLoginHookDependencies) {}

  async afterPassword(request: GrantRequest, step: PostLoginStep): Promise<TokenAdditions> {
    return this.complete(request, this.prepare('oauth2-password', request, step), undefined);
  }

  /**
   * The synchronous half of a refresh's post-login step: every read it needs. The refresh grant calls it
   * inside its exchange transaction and hands the result to `completeRefresh`.
   */
  prepareRefresh(request: GrantRequest, step: PostLoginStep): PreparedPostLogin {
    return this.prepare('oauth2-refresh-token', request, step);
  }

  /** `refreshToken` is the rotated token (if any), kept sealed should a script demand MFA. */
  async completeRefresh(
    request: GrantRequest,
    prepared: PreparedPostLogin,
    refreshToken: string | undefined,
  ): Promise<TokenAdditions> {
    return this.complete(request, prepared, refreshToken);
  }

  private prepare(protocol: LoginProtocol, request: GrantRequest, step: PostLoginStep): PreparedPostLogin {
    const facts = buildLoginFacts(this.deps, {
      protocol,
      ...step,
      client: request.client,
      request: {
        ip: request.ip,
        ...(request.userAgent !== undefined && { userAgent: request.userAgent }),
        hostname: this.deps.tenant(),
        body: scriptVisibleBody((name) => request.params.get(name)),
      },
    });
    return {
      protocol,
      step,
      facts,
      scripts: loadPostLoginScripts(this.deps),
      mfaSettings: this.deps.mfaSettings.get(),
    };
  }

  private async complete(
    request: GrantRequest,
    prepared: PreparedPostLogin,
    refreshToken: string | undefined,
  ): Promise<TokenAdditions> {
    const { protocol, step, facts, scripts } = prepared;
    const result = await this.deps.pipeline.run(scripts, facts);
    const failure = protocol === 'oauth2-password' ? 'fepft' : 'fertft';
    this.logConsole(request, result, protocol);
    if (result.stop) throw this.stopError(request, result, failure);
    // The login's success event (and an MFA request) names what ran and which claims each script set; claim
    // names only, as values may be personal data.
    request.audit.noteDetails({
      scripts: result.runs.map((run) => ({ ...run.script, status: run.status, ms: run.ms })),
      claims: result.provenance.map((source) => ({ in: source.token, claim: source.claim, script: source.script })),
    });

    const additions: TokenAdditions = {
      scope: result.scope,
      // An ID token needs openid; a refresh token needs what the scope decision allowed (§1.4).
      includeIdToken: step.includeIdToken && result.scope.includes('openid'),
      issueRefreshToken: step.issueRefreshToken && result.scope.includes('offline_access'),
      customClaims: { accessToken: result.accessTokenClaims, idToken: result.idTokenClaims },
    };
    const reason = decideMfa({
      protocol,
      settings: prepared.mfaSettings,
      connection: step.connection,
      enrolled: facts.enrolledFactors.length > 0,
      demand: result.multifactor,
    });
    if (!reason) return additions;
    throw this.deps.mfa.require({
      request,
      user: step.user,
      pending: {
        v: 1,
        kind: protocol === 'oauth2-password' ? 'password' : 'refresh',
        connectionId: step.connection.id,
        audience: step.api?.identifier ?? null,
        grantedScope: [...step.scope],
        scope: [...additions.scope],
        issueIdToken: additions.includeIdToken,
        issueRefreshToken: additions.issueRefreshToken,
        gty: typeof step.gty === 'string' ? step.gty : [...step.gty],
        accessTokenClaims: { ...result.accessTokenClaims },
        idTokenClaims: { ...result.idTokenClaims },
        reason: describeMfaReason(reason),
        enrolled: facts.enrolledFactors.length > 0,
        passwordAt: facts.authenticationMethods[0]?.timestamp ?? this.deps.clock(),
      },
      ...(refreshToken !== undefined && { refreshToken }),
    });
  }

  /** The login's failure event names the script and the cause (design/security.md "clear log event"). */
  private stopError(request: GrantRequest, result: PipelineResult, failureType: string): OAuthError {
    const stop = result.stop;
    if (!stop) throw new Error('stopError called without a stop');
    const error =
      stop.kind === 'redirect'
        ? scriptErrors.redirectNotAllowed()
        : stop.error === 'unauthorized'
          ? scriptErrors.unauthorized(stop.message)
          : scriptErrors.denied(stop.message);
    request.audit.write(failureType, {
      description: error.description,
      details: {
        error: { message: error.description, oauthError: error.error },
        script: stop.script,
        cause: stop.kind === 'redirect' ? 'redirect' : stop.cause,
        scripts: result.runs.map((run) => ({ ...run.script, status: run.status, ms: run.ms })),
      },
    });
    return error;
  }

  /** `console.*` output of the scripts goes to the tenant log with the login it belongs to. */
  private logConsole(request: GrantRequest, result: PipelineResult, protocol: LoginProtocol): void {
    if (result.console.length === 0) return;
    request.audit.write(SCRIPT_CONSOLE_EVENT, {
      description: 'Console output of rules and actions',
      details: {
        protocol,
        lines: result.console.map((entry) => ({ script: entry.script, level: entry.level, line: entry.line })),
      },
    });
  }
}

/** Tenant-log type of captured console output: a Gatehouse extension (server/README.md). */
export const SCRIPT_CONSOLE_EVENT = 'gh_script_console';
