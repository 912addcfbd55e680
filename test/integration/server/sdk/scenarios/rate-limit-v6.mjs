// node-auth0 v6 meets the Management API rate limit. The server's clock stands still in this test, so the
// bucket does not refill: the scenario spends exactly what X-RateLimit-Remaining says is left, then makes
// one call more, which v6 retries (reading Retry-After) and finally reports as TooManyRequestsError.
import { ManagementClient } from 'auth0-v6';
import { pickHeaders } from './adapters/responses.mjs';
import { describeError, requireEnv, runScenario } from './harness.mjs';

runScenario(async () => {
  const management = new ManagementClient({
    domain: requireEnv('SDK_DOMAIN'),
    clientId: requireEnv('M2M_CLIENT_ID'),
    clientSecret: requireEnv('M2M_CLIENT_SECRET'),
  });
  const read = () => management.clients.get(requireEnv('BACKEND_CLIENT_ID')).withRawResponse();

  const first = await read();
  const remaining = Number(first.rawResponse.headers.get('x-ratelimit-remaining'));
  let spent = 0;
  let lastRemaining = null;
  for (let i = 0; i < remaining; i += 1) {
    const response = await read();
    lastRemaining = response.rawResponse.headers.get('x-ratelimit-remaining');
    spent += 1;
  }
  let limited;
  try {
    await read();
    limited = { ok: true };
  } catch (error) {
    limited = { ok: false, error: describeError(error), headers: pickHeaders(error?.rawResponse?.headers) };
  }
  return { first: pickHeaders(first.rawResponse.headers), remaining, spent, lastRemaining, limited };
});
