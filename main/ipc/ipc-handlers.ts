import type { ConnectionReport, KeychainHealth, SettingsView } from '../../common/ipc/settings.contract';
import { appError, type AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import type { AdminHandlers } from '../admin/admin-ipc';
import type { ApiConsole } from '../api-console/api-console';
import type { ProfileEditor } from '../app/profile-editor';
import { adminTabFor } from '../app/admin-tab';
import { profileChoices, profileSummary } from '../app/profile-summary';
import type { InspectService } from '../inspect/inspect-service';
import type { SessionManager } from '../session/session-manager';
import type { SettingsService } from '../settings/settings-service';
import type { IpcHandlers } from './ipc-router';

export interface IpcServices {
  readonly settings: SettingsService;
  readonly sessions: SessionManager;
  readonly profiles: ProfileEditor;
  readonly inspect: InspectService;
  readonly apiConsole: ApiConsole;
  /** The `admin:*` handlers (main/admin/admin-ipc.ts). */
  readonly admin: AdminHandlers;
  /** Settings' "Test connection" for a saved profile (main/settings/connection-test.ts). */
  readonly testConnection: (profileId: string) => Promise<AppResult<ConnectionReport>>;
  /** Settings' keychain health check (main/secrets/keychain-probe.ts). */
  readonly keychainHealth: () => Promise<AppResult<KeychainHealth>>;
}

/** Maps each contract channel to the service call behind it; no logic lives here. */
export function createIpcHandlers({
  settings,
  sessions,
  profiles,
  inspect,
  apiConsole,
  admin,
  testConnection,
  keychainHealth,
}: IpcServices): IpcHandlers {
  return {
    auth: {
      signIn: async (input) => {
        const result = await sessions.signIn(input);
        if (result.ok) {
          settings.setActiveAccount(result.value.accountId);
          if (input.realm !== null) settings.rememberRealm(input.profileId, input.username, input.realm);
        }
        return result;
      },
      restore: () => sessions.restore(),
      signOut: (input) => sessions.signOut(input.accountId),
      session: async () => ok(sessions.active()),
      accounts: async () => ok(sessions.accounts()),
      switchAccount: async (input) => sessions.switchTo(input.accountId),
      signOutAll: () => sessions.signOutAll(),
      lock: async () => {
        sessions.lock();
        return ok({ locked: true });
      },
      unlock: () => sessions.unlock(),
    },
    profile: {
      active: async () => {
        const profile = settings.activeProfile();
        return profile === undefined
          ? err(appError('not_found', 'No server profile is set up yet.', { nextStep: 'Add one in Settings.' }))
          : ok(profileSummary(profile, settings));
      },
      list: async () => ok(profileChoices(settings)),
      adminTab: async ({ accountId }) => {
        const session = sessions.accounts().find((account) => account.accountId === accountId);
        if (session === undefined) return err(appError('not_signed_in', 'That account is not signed in.'));
        return ok(
          adminTabFor({
            policy: settings.policy,
            profile: settings.profile(session.profileId),
            idTokenClaims: session.idTokenClaims,
            hasSteppedUp: settings.hasSteppedUp(accountId),
          }),
        );
      },
    },
    settings: {
      get: async () => ok(settingsView(settings)),
      saveProfile: (input) => profiles.save(input.profile, input.clientSecret),
      removeProfile: (input) => profiles.remove(input.profileId),
      useProfile: async (input) => settings.useProfile(input.profileId),
      testConnection: (input) => testConnection(input.profileId),
      keychainHealth: () => keychainHealth(),
      colorScheme: async () => ok({ colorScheme: settings.colorScheme() }),
      setColorScheme: async (input) => {
        settings.setColorScheme(input.colorScheme);
        return ok({ colorScheme: settings.colorScheme() });
      },
    },
    inspect: {
      decode: (input) => inspect.decode(input),
      verify: (input) => inspect.verify(input),
      diff: (input) => inspect.diff(input),
      supportBundle: (input) => inspect.supportBundle(input),
    },
    api: {
      call: (input) => apiConsole.call(input),
    },
    mfa: {
      status: () => sessions.mfa.status(),
      enrol: (input) =>
        sessions.mfa.enrol(
          input.transactionId,
          input.type === 'otp'
            ? { type: 'otp' }
            : {
                type: 'oob',
                channel: input.channel,
                ...(input.email === undefined ? {} : { email: input.email }),
                ...(input.phoneNumber === undefined ? {} : { phoneNumber: input.phoneNumber }),
              },
        ),
      challenge: (input) => sessions.mfa.challenge(input.transactionId, input.authenticatorId),
      verifyOtp: (input) => sessions.mfa.verifyOtp(input.transactionId, input.otp),
      verifyOob: (input) => sessions.mfa.verifyOob(input.transactionId, input.bindingCode),
      recover: (input) => sessions.mfa.recover(input.transactionId, input.recoveryCode),
      cancel: async (input) => ok({ cancelled: sessions.mfa.cancel(input.transactionId) }),
    },
    admin: {
      ...admin,
      // A completed step-up is remembered per account: the Admin tab then shows without a role claim.
      stepUp: async (input) => {
        const result = await admin.stepUp(input);
        const accountId = result.ok && result.value.status === 'stepped_up' ? result.value.access.accountId : undefined;
        if (accountId !== undefined) settings.rememberStepUp(accountId);
        return result;
      },
      stepUpVerify: async (input) => {
        const result = await admin.stepUpVerify(input);
        if (result.ok && result.value.access.accountId !== undefined) {
          settings.rememberStepUp(result.value.access.accountId);
        }
        return result;
      },
    },
  };
}

function settingsView(settings: SettingsService): SettingsView {
  const effective = settings.effective();
  const { policy } = settings;
  return {
    profiles: effective.profiles,
    activeProfileId: settings.activeProfile()?.id ?? null,
    locked: Object.fromEntries(Object.entries(effective.locked).map(([id, fields]) => [id, [...fields]])),
    managedProfileIds: [...effective.managedIds],
    policy: {
      restrictToManagedProfiles: policy.restrictToManagedProfiles,
      ...(policy.allowedRealms === undefined ? {} : { allowedRealms: policy.allowedRealms }),
      persistSessions: policy.persistSessions,
      keychainUnavailable: policy.keychainUnavailable,
      showAdminPane: policy.showAdminPane,
      ...(policy.idleLockMinutes === undefined ? {} : { idleLockMinutes: policy.idleLockMinutes }),
    },
  };
}
