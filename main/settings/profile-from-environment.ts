import { Profile } from './profile';

/** The demo tenant's server, as `npm start` runs it (design/demo-tenant.md). */
export const demoProfileDefaults = {
  id: 'demo',
  name: 'Gatehouse demo tenant',
  kind: 'auth0',
  issuer: 'http://127.0.0.1:4000/',
  clientId: 'gatehouse-desktop',
  realms: ['employees', 'contractors'],
  defaultRealm: 'employees',
} as const;

/**
 * Reads the app's profile from GATEHOUSE_* variables, falling back to the demo tenant. Throws a readable
 * error for a bad value: the app should refuse to start rather than talk to the wrong server.
 * Saved, editable profiles (electron-store, managed policy) replace this in the profiles issue.
 */
export function profileFromEnvironment(env: NodeJS.ProcessEnv): Profile {
  const realms = env.GATEHOUSE_REALMS?.split(',')
    .map((realm) => realm.trim())
    .filter(Boolean);
  const parsed = Profile.safeParse({
    id: env.GATEHOUSE_PROFILE_ID ?? demoProfileDefaults.id,
    name: env.GATEHOUSE_PROFILE_NAME ?? demoProfileDefaults.name,
    kind: env.GATEHOUSE_PROFILE_KIND ?? demoProfileDefaults.kind,
    issuer: env.GATEHOUSE_ISSUER ?? demoProfileDefaults.issuer,
    clientId: env.GATEHOUSE_CLIENT_ID ?? demoProfileDefaults.clientId,
    realms: realms ?? [...demoProfileDefaults.realms],
    defaultRealm: env.GATEHOUSE_DEFAULT_REALM ?? realms?.[0] ?? demoProfileDefaults.defaultRealm,
    ...(env.GATEHOUSE_AUDIENCE ? { audience: env.GATEHOUSE_AUDIENCE } : {}),
    ...(env.GATEHOUSE_SCOPE ? { scope: env.GATEHOUSE_SCOPE } : {}),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`The server profile from the environment is not valid (${issues}).`);
  }
  return parsed.data;
}
