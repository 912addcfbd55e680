import { createAdminHandlers } from '../admin/admin-ipc';
import { AdminService } from '../admin/admin-service';
import { AdminStepUp } from '../admin/admin-step-up';
import { createInspectService } from '../inspect/inspect-wiring';
import { ApiConsole } from '../api-console/api-console';
import { createIpcHandlers } from '../ipc/ipc-handlers';
import { createProfileHttpClient } from '../net/profile-http-client';
import { createIpcRouter, trustOrigin, type IpcRouter } from '../ipc/ipc-router';
import type { Logger } from '../logging/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { Scheduler } from '../session/refresh-scheduler';
import { SessionManager } from '../session/session-manager';
import { sessionPolicyOf } from '../session/session-policy';
import type { SettingsService } from '../settings/settings-service';
import { testConnection } from '../settings/connection-test';
import type { Profile } from '../settings/profile';
import { appError } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import { probeKeychain } from '../secrets/keychain-probe';
import { ProfileEditor } from './profile-editor';
import { settingsProfiles } from './settings-profiles';
import { createTokenGrants } from './token-grants-factory';

export interface DesktopServicesOptions {
  readonly settings: SettingsService;
  readonly secretStore: SecretStore;
  /** The renderer's origin; IPC from anywhere else is refused. */
  readonly trustedOrigin: string;
  readonly userAgent: string;
  readonly clock?: () => number;
  readonly scheduler?: Scheduler;
  readonly logger?: Logger;
  /** The log file's last lines, for support bundles (the app has a log file; the CLI and tests do not). */
  readonly logTail?: (count: number) => readonly string[];
}

export interface DesktopServices {
  readonly sessions: SessionManager;
  readonly router: IpcRouter;
}

/**
 * Builds main's services over the settings and policy. The Electron shell, the CLI's tests and the e2e
 * bridge all call this, so the browser test drives exactly the router and session manager the app ships.
 */
export function createDesktopServices(options: DesktopServicesOptions): DesktopServices {
  const { settings, secretStore } = options;
  const sessionProfiles = settingsProfiles(settings, (profile) =>
    createTokenGrants(profile, {
      secretStore,
      userAgent: options.userAgent,
      policyCaBundlePaths: settings.policy.caBundlePaths,
    }),
  );
  const sessions = new SessionManager({
    profiles: sessionProfiles,
    secretStore,
    policy: sessionPolicyOf(settings.policy),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }),
  });
  const profiles = new ProfileEditor(settings, secretStore, sessions);
  const inspect = createInspectService({
    settings,
    sessions,
    secretStore,
    userAgent: options.userAgent,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.logTail === undefined ? {} : { logTail: options.logTail }),
  });
  const httpFor = (profile: Profile) =>
    createProfileHttpClient(profile, {
      userAgent: options.userAgent,
      policyCaBundlePaths: settings.policy.caBundlePaths,
    });
  const apiConsole = new ApiConsole(sessions, (profileId) => settings.profile(profileId), httpFor);
  const testProfileConnection = async (profileId: string) => {
    const profile = settings.profile(profileId);
    return profile === undefined
      ? err(appError('not_found', 'That server profile is gone.', { nextStep: 'Reopen Settings.' }))
      : testConnection(profile, { httpFor });
  };
  // The admin pane's step-up: its own tokens, ended whenever the account's everyday credentials end.
  const stepUp = new AdminStepUp({
    profiles: sessionProfiles,
    activeAccountId: () => sessions.active()?.accountId ?? null,
    allowedRealms: settings.policy.allowedRealms,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  sessions.onCredentialsEnded((ended) => stepUp.end(ended));
  const admin = createAdminHandlers(
    new AdminService({
      settings,
      stepUp,
      secretStore,
      userAgent: options.userAgent,
      signInGrants: (profileId) => sessionProfiles.get(profileId)?.grants,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    }),
  );
  const router = createIpcRouter(
    createIpcHandlers({
      settings,
      sessions,
      profiles,
      inspect,
      apiConsole,
      admin,
      testConnection: testProfileConnection,
      keychainHealth: async () => {
        const probe = await probeKeychain(secretStore);
        return ok({
          ...probe,
          checkedAt: (options.clock ?? Date.now)(),
          keychainUnavailable: settings.policy.keychainUnavailable,
          persistSessions: settings.policy.persistSessions,
        });
      },
    }),
    trustOrigin(options.trustedOrigin),
    ...(options.logger === undefined ? [] : [options.logger]),
  );
  return { sessions, router };
}
