// One admin's session through an SDK: every Management API resource the server implements, checked
// against what the Authentication API then does. It runs unchanged on node-auth0 v4 and v6 through their
// adapters; each step records only the facts the test asserts on. The parts run in this order because
// later ones use what earlier ones made (the user, its connection) and change (brute-force settings).
import { claimsOf, createRecorder } from './harness.mjs';
import { accessPart } from './parts/access.mjs';
import { authorizationPart } from './parts/authorization.mjs';
import { directoryPart, removeDirectory } from './parts/directory.mjs';
import { tenantPart } from './parts/tenant.mjs';

/**
 * @param api an adapter (adapters/node-auth0-v4.mjs or -v6.mjs)
 * @param {{prefix: string, apiAudience: string, backendClientId: string}} tenant
 */
export async function managementScenario(api, tenant) {
  const { step, steps } = createRecorder();
  const { prefix } = tenant;
  const dbName = `${prefix}-db`;
  const email = `${prefix}@example.com`;
  const password = 'Sdk-Scenario-Passw0rd!';
  const ctx = {
    ...tenant,
    api,
    step,
    dbName,
    email,
    secondEmail: `second-${prefix}@example.com`,
    password,
    ids: {},
    hasSecondUser: false,
    /** Password-realm login of the scenario's user through the SDK's AuthenticationClient. */
    login: (pass = password) =>
      api.auth.passwordRealm({
        username: email,
        password: pass,
        realm: dbName,
        scope: 'openid profile email offline_access',
        audience: tenant.apiAudience,
      }),
    /** What a login step records: the grant and the ID token's claims. */
    loginFacts: (response) => ({
      status: response.status,
      scope: response.body.scope,
      hasRefreshToken: typeof response.body.refresh_token === 'string',
      idToken: claimsOf(response.body.id_token),
    }),
  };

  await directoryPart(ctx);
  await accessPart(ctx);
  await authorizationPart(ctx);
  await tenantPart(ctx);
  await removeDirectory(ctx);
  return { sdk: api.sdk, steps, ids: ctx.ids };
}
