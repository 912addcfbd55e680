import type { Clock } from '../config';
import type { UserPermissions } from '../grants/grant';
import type { IssuerSource } from '../issuer';
import type { SigningKeys } from '../keys/signing-keys';
import type { MfaKit } from '../mfa/mfa-kit';
import { MfaService } from '../mfa/mfa-service';
import type { MessageSender } from '../mfa/outbox';
import { FileOutbox } from '../mfa/outbox';
import type { ExtensibilityRepositories } from '../storage/extensibility-repositories';
import type { Repositories } from '../storage/repositories';
import type { ResourceServerDirectory } from '../tenant/resource-server-directory';
import type { RefreshTokenService } from '../tokens/refresh-token-service';
import { TokenMinter } from '../tokens/token-minter';
import { DryRunService } from './dry-run';
import { IsolatePool } from './isolate-pool';
import { PostLoginPipeline } from './pipeline';
import type { RoleNames } from './post-login';
import { PostLoginHook } from './post-login';
import type { ExtensibilityConfig } from './extensibility-config';
import { ExtensibilityConfigSchema } from './extensibility-config';
import { SandboxLimitsSchema } from './sandbox-limits';

export interface ExtensibilityRuntimeDependencies {
  readonly repos: ExtensibilityRepositories &
    Pick<Repositories, 'users' | 'clients' | 'connections' | 'settings' | 'userinfoClaims'> & {
      readonly roles: { rolesForUser(userId: string): readonly { readonly name: string }[] };
    };
  readonly permissions: UserPermissions;
  readonly clock: Clock;
  readonly issuer: IssuerSource;
  readonly keys: SigningKeys;
  readonly refreshTokens: RefreshTokenService;
  readonly resourceServers: ResourceServerDirectory;
  readonly dataDir: string;
  readonly config?: ExtensibilityConfig | undefined;
}

/** Issue #4's services, built once per server. */
export interface ExtensibilityRuntime {
  readonly postLogin: PostLoginHook;
  readonly mfa: MfaKit;
  readonly dryRun: DryRunService;
  readonly sender: MessageSender;
  /** The local outbox, when no other sender is configured. */
  readonly outbox: FileOutbox | undefined;
  /** The tenant name scripts and messages use: the issuer's host. */
  readonly tenant: () => string;
  /** Disposes the sandbox isolates. */
  close(): void;
}

/** Wires rules, actions, the sandbox, MFA and the dry run over the repositories. Composition only. */
export function createExtensibilityRuntime(deps: ExtensibilityRuntimeDependencies): ExtensibilityRuntime {
  const { repos, clock, issuer } = deps;
  const config = ExtensibilityConfigSchema.parse(deps.config ?? {});
  const limits = SandboxLimitsSchema.parse(config.sandbox ?? {});
  const pool = new IsolatePool(limits);
  const pipeline = new PostLoginPipeline(pool, limits);
  const outbox = config.messageSender ? undefined : new FileOutbox(deps.dataDir, clock);
  const sender: MessageSender = config.messageSender ?? (outbox as FileOutbox);
  const tenant = () => new URL(issuer.get()).host;
  const roles: RoleNames = { roleNamesFor: (userId) => repos.roles.rolesForUser(userId).map((role) => role.name) };

  const service = new MfaService({
    transactions: repos.mfaTransactions,
    authenticators: repos.authenticators,
    settings: repos.mfaSettings,
    attempts: repos.mfaAttempts,
    users: repos.users,
    connections: repos.connections,
    resourceServers: deps.resourceServers,
    refreshTokens: deps.refreshTokens,
    minter: new TokenMinter(deps.keys, issuer, clock, repos.userinfoClaims),
    clock,
  });
  const scriptSources = {
    rules: repos.rules,
    ruleConfigs: repos.ruleConfigs,
    actions: repos.actions,
    actionBindings: repos.actionBindings,
  };
  const postLogin = new PostLoginHook({
    ...scriptSources,
    pipeline,
    roles,
    authenticators: repos.authenticators,
    mfaSettings: repos.mfaSettings,
    mfa: service,
    tenant,
    clock,
  });
  const dryRun = new DryRunService({
    ...scriptSources,
    pipeline,
    roles,
    authenticators: repos.authenticators,
    mfaSettings: repos.mfaSettings,
    tenant,
    clock,
    users: repos.users,
    clients: repos.clients,
    connections: repos.connections,
    resourceServers: deps.resourceServers,
    defaultAudience: () => repos.settings.get().defaultAudience,
    permissions: deps.permissions,
  });
  return {
    postLogin,
    mfa: { service, authenticators: repos.authenticators, transactions: repos.mfaTransactions },
    dryRun,
    sender,
    outbox,
    tenant,
    close: () => pool.close(),
  };
}
