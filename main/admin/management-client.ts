import type { AxiosInstance } from 'axios';
import { ActionsApi } from './api/actions-api';
import { AttackProtectionApi } from './api/attack-protection-api';
import { ClientsApi, ResourceServersApi } from './api/clients-api';
import { ConnectionsApi } from './api/connections-api';
import { DryRunApi } from './api/dry-run-api';
import { LogsApi } from './api/logs-api';
import { RolesApi } from './api/roles-api';
import { RulesApi } from './api/rules-api';
import { UserBlocksApi } from './api/user-blocks-api';
import { UsersApi } from './api/users-api';
import { managementAudience } from '../auth/management-audience';
import type { ManagementCredentials } from './management-credentials';
import { ManagementTransport } from './management-transport';

/** The Management API's base URL for an Auth0 issuer: the same URL as its audience (§0). */
export const managementBaseUrl = managementAudience;

export interface ManagementClientOptions {
  readonly http: AxiosInstance;
  /** The tenant's issuer (`https://tenant.example/`). */
  readonly issuer: string;
  readonly credentials: ManagementCredentials;
  readonly clock?: () => number;
}

/**
 * Typed calls for every Management API resource the admin pane uses. Every method answers with an
 * AppResult: a value parsed by Auth0's schema, or an AppError with plain words, a next step and the raw
 * answer. Listing methods walk the pages for the caller.
 */
export class ManagementClient {
  readonly connections: ConnectionsApi;
  readonly clients: ClientsApi;
  readonly resourceServers: ResourceServersApi;
  readonly roles: RolesApi;
  readonly users: UsersApi;
  readonly userBlocks: UserBlocksApi;
  readonly rules: RulesApi;
  readonly actions: ActionsApi;
  readonly logs: LogsApi;
  readonly attackProtection: AttackProtectionApi;
  readonly dryRun: DryRunApi;

  constructor(options: ManagementClientOptions) {
    const transport = new ManagementTransport({
      http: options.http,
      baseUrl: managementBaseUrl(options.issuer),
      credentials: options.credentials,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
    this.connections = new ConnectionsApi(transport);
    this.clients = new ClientsApi(transport);
    this.resourceServers = new ResourceServersApi(transport);
    this.roles = new RolesApi(transport);
    this.users = new UsersApi(transport);
    this.userBlocks = new UserBlocksApi(transport);
    this.rules = new RulesApi(transport);
    this.actions = new ActionsApi(transport);
    this.logs = new LogsApi(transport);
    this.attackProtection = new AttackProtectionApi(transport);
    this.dryRun = new DryRunApi(transport);
  }
}
