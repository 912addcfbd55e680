import type { ProfileInput } from './profile';

/**
 * The profile `npm start` hands the app through GATEHOUSE_* variables (the demo tenant on the embedded
 * reference server), or null when none is given. Never a default: demo data is only for the demo.
 */
export function profileFromEnvironment(env: NodeJS.ProcessEnv): ProfileInput | null {
  if (!env.GATEHOUSE_ISSUER) return null;
  const realms =
    env.GATEHOUSE_REALMS?.split(',')
      .map((realm) => realm.trim())
      .filter(Boolean) ?? [];
  return {
    id: env.GATEHOUSE_PROFILE_ID ?? 'demo',
    name: env.GATEHOUSE_PROFILE_NAME ?? 'Gatehouse demo tenant',
    kind: env.GATEHOUSE_PROFILE_KIND === 'oauth2' ? 'oauth2' : 'auth0',
    issuer: env.GATEHOUSE_ISSUER,
    clientId: env.GATEHOUSE_CLIENT_ID ?? 'gatehouse-desktop',
    realms,
    defaultRealm: env.GATEHOUSE_DEFAULT_REALM ?? realms[0] ?? null,
    ...(env.GATEHOUSE_AUDIENCE ? { audience: env.GATEHOUSE_AUDIENCE } : {}),
    ...(env.GATEHOUSE_SCOPE ? { scope: env.GATEHOUSE_SCOPE } : {}),
  };
}
