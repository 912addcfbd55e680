// Usage: node node-auth0.mjs v4|v6 — runs the management scenario through that major of node-auth0.
// Environment: SDK_DOMAIN (`localhost:<port>`), NODE_EXTRA_CA_CERTS (the test CA) and the demo tenant's
// client credentials (M2M_CLIENT_ID/SECRET for the Management API, BACKEND_CLIENT_ID/SECRET for logins).
import { requireEnv, runScenario } from './harness.mjs';
import { managementScenario } from './management-scenario.mjs';

const major = process.argv[2];
const adapters = {
  v4: () => import('./adapters/node-auth0-v4.mjs'),
  v6: () => import('./adapters/node-auth0-v6.mjs'),
};

runScenario(async () => {
  const load = adapters[major];
  if (load === undefined) throw new Error(`unknown SDK major ${major}`);
  const { createAdapter } = await load();
  const domain = requireEnv('SDK_DOMAIN');
  const api = createAdapter({
    domain,
    clientId: requireEnv('M2M_CLIENT_ID'),
    clientSecret: requireEnv('M2M_CLIENT_SECRET'),
    authClientId: requireEnv('BACKEND_CLIENT_ID'),
    authClientSecret: requireEnv('BACKEND_CLIENT_SECRET'),
  });
  return managementScenario(api, {
    prefix: `sdk-${major}`,
    apiAudience: requireEnv('API_AUDIENCE'),
    backendClientId: requireEnv('BACKEND_CLIENT_ID'),
  });
});
