import type { AxiosInstance } from 'axios';
import type { AdminVia } from '../../common/admin/admin-common.schema';
import { appError, type AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import { createProfileHttpClient } from '../net/profile-http-client';
import type { SecretStore } from '../secrets/secret-store';
import { clientSecretAccount, type Profile } from '../settings/profile';
import { AdminConnector, type AdminConnection } from './admin-connector';
import type { AdminStepUp } from './admin-step-up';
import type { ManagementClient } from './management-client';
import { trySignIn, type TrySignInGrants } from './admin-try-sign-in';
import type { TrySignInInput, TrySignInOutcome } from '../../common/ipc/admin.contract';

export interface AdminServiceOptions {
  readonly settings: {
    profile(profileId: string): Profile | undefined;
    readonly policy: { readonly showAdminPane: boolean; readonly caBundlePaths?: readonly string[] | undefined };
  };
  /** The admins' step-up credentials; `via: session` uses them, never the everyday session. */
  readonly stepUp: AdminStepUp;
  readonly secretStore: Pick<SecretStore, 'get'>;
  readonly userAgent: string;
  readonly clock?: () => number;
  /** Tests may inject the HTTP client; the app uses each profile's own (proxy, CA bundles, timeout). */
  readonly httpFor?: (profile: Profile) => Promise<AppResult<AxiosInstance>>;
  /** A profile's token client for `admin:trySignIn` (the session manager's clients, never the session manager). */
  readonly signInGrants?: (profileId: string) => TrySignInGrants | undefined;
}

/**
 * The admin pane's service: every `admin:*` channel is one `run` with the caller's credentials. Refuses
 * everything when the managed policy hides the admin pane, so a locked-down desktop cannot be used to
 * administer the tenant through IPC either.
 */
export class AdminService {
  readonly #connector: AdminConnector;
  readonly #isAllowed: () => boolean;
  readonly #stepUp: AdminStepUp;
  readonly #signInGrants: AdminServiceOptions['signInGrants'];

  constructor(options: AdminServiceOptions) {
    this.#signInGrants = options.signInGrants;
    const { settings, secretStore, userAgent } = options;
    this.#isAllowed = () => settings.policy.showAdminPane;
    this.#stepUp = options.stepUp;
    this.#connector = new AdminConnector({
      profile: (profileId) => settings.profile(profileId),
      stepUp: options.stepUp,
      httpFor:
        options.httpFor ??
        ((profile) =>
          createProfileHttpClient(profile, {
            userAgent,
            ...(settings.policy.caBundlePaths === undefined
              ? {}
              : { policyCaBundlePaths: settings.policy.caBundlePaths }),
          })),
      clientSecret: (profile) => keychainSecret(secretStore, profile),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
  }

  /** Connects with `via` (default: the admin's step-up) and runs one admin call. */
  async run<T>(
    via: AdminVia | undefined,
    call: (client: ManagementClient, connection: AdminConnection) => Promise<AppResult<T>>,
  ): Promise<AppResult<T>> {
    if (!this.#isAllowed()) return err(adminPaneOff());
    const connection = await this.#connector.connect(via);
    if (!connection.ok) return connection;
    return call(connection.value.client, connection.value);
  }

  /**
   * A test sign-in against a realm of the admin's profile, with that profile's client; makes no session.
   * Needs admin access like every admin call, so the window cannot use it to guess passwords unchecked.
   */
  trySignIn({ via, ...credentials }: TrySignInInput): Promise<AppResult<TrySignInOutcome>> {
    return this.run(via, (client, connection) => {
      const grants = this.#signInGrants?.(connection.profile.id);
      if (grants === undefined) {
        return Promise.resolve(err(appError('not_found', `The profile “${connection.profile.name}” cannot sign in.`)));
      }
      return trySignIn(credentials, grants, client, connection.profile.clientId);
    });
  }

  /** The step-up calls, refused like every admin call when the policy hides the admin pane. */
  stepUp<T>(call: (stepUp: AdminStepUp) => Promise<AppResult<T>>): Promise<AppResult<T>> {
    return this.#isAllowed() ? call(this.#stepUp) : Promise.resolve(err(adminPaneOff()));
  }

  /** Ending admin access (or a pending step-up) is always allowed, whatever the policy says. */
  stepDown(accountId?: string): number {
    return this.#stepUp.stepDown(accountId);
  }

  cancelStepUp(transactionId: string): boolean {
    return this.#stepUp.cancel(transactionId);
  }
}

function adminPaneOff() {
  return appError('policy_locked', 'Your organisation has turned the admin pane off on this computer.', {
    nextStep: 'Ask your IT team if you need to administer the tenant.',
  });
}

/** Reads the M2M client's secret from the keychain (never from settings, never cached here). */
export async function keychainSecret(
  secretStore: Pick<SecretStore, 'get'>,
  profile: Profile,
): Promise<AppResult<string>> {
  let secret: string | null;
  try {
    secret = await secretStore.get(clientSecretAccount(profile.id));
  } catch {
    return err(appError('keychain_unavailable', 'The client secret is kept in the keychain, which is not available.'));
  }
  if (secret === null || secret === '') {
    return err(
      appError('unauthorized_client', `The profile “${profile.name}” has no client secret.`, {
        nextStep: 'Enter the machine-to-machine client’s secret in Settings; it is kept in the system keychain.',
      }),
    );
  }
  return ok(secret);
}
