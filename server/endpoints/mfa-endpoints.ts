import type { FastifyInstance } from 'fastify';
import type { Clock } from '../config';
import type { ExtensibilityRuntime } from '../extensibility/runtime';
import type { IssuerSource } from '../issuer';
import type { TenantLog } from '../logs/tenant-log';
import type { ClientRepository } from '../storage/client-repository';
import type { MfaSettingsRepository } from '../storage/mfa-settings-repository';
import { registerMfaAssociateEndpoint } from './mfa-associate';
import { registerMfaAuthenticatorsEndpoints } from './mfa-authenticators';
import { registerMfaChallengeEndpoint } from './mfa-challenge';
import { registerMfaOutboxEndpoint } from './mfa-outbox';

export interface MfaEndpointsDependencies {
  readonly runtime: ExtensibilityRuntime;
  readonly clients: ClientRepository;
  readonly mfaSettings: MfaSettingsRepository;
  readonly logs: TenantLog;
  readonly issuer: IssuerSource;
  readonly keys: { jwks(): { readonly keys: readonly object[] } };
  readonly clock: Clock;
}

/**
 * The MFA API of auth0-wire.md §4 (`/mfa/authenticators`, `/mfa/associate`, `/mfa/challenge`) and the
 * outbox reader, inside the Authentication API scope (its body parsers and OAuth-shaped errors). Also
 * disposes the sandbox when the server closes.
 */
export function registerMfaEndpoints(app: FastifyInstance, deps: MfaEndpointsDependencies): void {
  const { runtime } = deps;
  const common = { mfa: runtime.mfa, clients: deps.clients, logs: deps.logs, issuer: deps.issuer, clock: deps.clock };
  registerMfaAuthenticatorsEndpoints(app, { ...common, keys: deps.keys });
  registerMfaAssociateEndpoint(app, {
    ...common,
    settings: deps.mfaSettings,
    sender: runtime.sender,
    tenant: runtime.tenant,
  });
  registerMfaChallengeEndpoint(app, { ...common, sender: runtime.sender, tenant: runtime.tenant });
  registerMfaOutboxEndpoint(app, { outbox: runtime.outbox, keys: deps.keys, issuer: deps.issuer, clock: deps.clock });
  app.addHook('onClose', (_instance, done) => {
    runtime.close();
    done();
  });
}
