import type { ProfileSummary } from '../../common/ipc/profile.contract';
import { ok } from '../../common/result';
import type { SessionManager } from '../session/session-manager';
import type { Profile } from '../settings/profile';
import type { IpcHandlers } from './ipc-router';

export interface IpcServices {
  readonly profile: Profile;
  readonly sessions: SessionManager;
}

/** Maps each contract channel to the service call behind it; no logic lives here. */
export function createIpcHandlers({ profile, sessions }: IpcServices): IpcHandlers {
  return {
    auth: {
      signIn: (input) => sessions.signIn(input),
      restore: () => sessions.restore(),
      signOut: (input) => sessions.signOut(input.accountId),
      session: () => Promise.resolve(ok(sessions.active())),
    },
    profile: {
      active: () => Promise.resolve(ok(profileSummary(profile))),
    },
  };
}

function profileSummary(profile: Profile): ProfileSummary {
  return {
    profileId: profile.id,
    name: profile.name,
    kind: profile.kind,
    issuer: profile.issuer,
    clientId: profile.clientId,
    realms: profile.realms,
    defaultRealm: profile.defaultRealm,
    ...(profile.audience === undefined ? {} : { audience: profile.audience }),
  };
}
