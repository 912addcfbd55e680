import type { ResourceServerRepository } from '../storage/resource-server-repository';
import type { IssuerSource } from '../issuer';
import { managementApi, managementApiIdentifier } from './management-api';
import type { ResourceServer } from './model';

/** Finds an API by audience: the tenant's own, or Auth0's system Management API. */
export interface ResourceServerDirectory {
  findByIdentifier(identifier: string): ResourceServer | undefined;
}

/** Stored APIs plus the Management API, whose identifier follows the current issuer. */
export class TenantResourceServerDirectory implements ResourceServerDirectory {
  constructor(
    private readonly stored: ResourceServerRepository,
    private readonly issuer: IssuerSource,
  ) {}

  findByIdentifier(identifier: string): ResourceServer | undefined {
    const issuer = this.issuer.get();
    if (identifier === managementApiIdentifier(issuer)) return managementApi(issuer);
    return this.stored.findByIdentifier(identifier);
  }
}
