import type { AxiosInstance } from 'axios';
import type { AppResult } from '../../common/errors/app-error';
import type { ConnectionReport, ConnectionStep } from '../../common/ipc/settings.contract';
import { ok } from '../../common/result';
import { auth0Endpoints, DiscoveryCache, discoveryUrlOf, type ServerEndpoints } from '../auth/server-endpoints';
import { translateTransportError } from '../auth/error-translation';
import type { Profile } from './profile';

export interface ConnectionTestDeps {
  /** The profile's own client (main/net/profile-http-client.ts), so its proxy, CA bundle and timeout apply. */
  readonly httpFor: (profile: Profile) => Promise<AppResult<AxiosInstance>>;
  readonly clock?: () => number;
}

type StepOutcome = Pick<ConnectionStep, 'status' | 'reason'> & { url?: string };

/**
 * "Test connection" in Settings: can this desktop reach the profile's server the way a sign-in would?
 * Three steps, each with its reason in plain words: the discovery document (or the endpoints typed into
 * the profile), the key set, and the token endpoint. The token probe sends an empty grant with no client
 * id and no credentials: a 400 or 401 answer proves the endpoint is there, and nothing can sign in.
 */
export async function testConnection(profile: Profile, deps: ConnectionTestDeps): Promise<AppResult<ConnectionReport>> {
  const clock = deps.clock ?? Date.now;
  const steps: ConnectionStep[] = [];
  const http = await deps.httpFor(profile);
  if (!http.ok) {
    // An unreadable CA bundle stops every request; say so on the first step and skip the rest.
    steps.push(step('discovery', 'Discovery', { status: 'fail', reason: http.error.message }, 0));
    steps.push(step('jwks', 'Key set (JWKS)', skipped, 0), step('token', 'Token endpoint', skipped, 0));
    return ok({ profileId: profile.id, ok: false, steps });
  }
  const via = profile.proxy === undefined ? '' : ` (through the proxy ${hostOf(profile.proxy)})`;
  const timed = async (id: ConnectionStep['id'], title: string, run: () => Promise<StepOutcome>) => {
    const started = clock();
    const outcome = await run();
    const reason = outcome.status === 'fail' ? `${outcome.reason}${via}` : outcome.reason;
    steps.push(step(id, title, { ...outcome, reason }, Math.max(0, Math.round(clock() - started))));
  };

  let endpoints: ServerEndpoints | null = null;
  await timed('discovery', profile.endpoints === undefined ? 'Discovery' : 'Endpoints', async () => {
    if (profile.endpoints !== undefined) {
      endpoints = profile.endpoints;
      return { status: 'pass', reason: 'The endpoints are set by hand in the profile; no discovery is needed.' };
    }
    const url = discoveryUrlOf(profile);
    const found = await new DiscoveryCache(http.value).endpoints(profile);
    if (!found.ok) return { status: 'fail', reason: found.error.message, url };
    endpoints = profile.kind === 'auth0' ? auth0Endpoints(profile) : found.value;
    return { status: 'pass', reason: 'The discovery document was found, and its issuer matches the profile.', url };
  });
  const known = endpoints as ServerEndpoints | null;
  await timed('jwks', 'Key set (JWKS)', () =>
    known?.jwks === undefined ? Promise.resolve(noEndpoint(known, 'key set')) : probeKeySet(http.value, known.jwks),
  );
  await timed('token', 'Token endpoint', () =>
    known === null
      ? Promise.resolve(noEndpoint(known, 'token endpoint'))
      : probeToken(http.value, tokenUrl(profile, known)),
  );
  return ok({ profileId: profile.id, ok: steps.every((item) => item.status !== 'fail'), steps });
}

const skipped: StepOutcome = { status: 'skip', reason: 'Not tried: the step before failed.' };

function step(id: ConnectionStep['id'], title: string, outcome: StepOutcome, durationMs: number): ConnectionStep {
  return {
    id,
    title,
    status: outcome.status,
    reason: outcome.reason,
    durationMs,
    ...(outcome.url ? { url: outcome.url } : {}),
  };
}

function noEndpoint(endpoints: ServerEndpoints | null, what: string): StepOutcome {
  return endpoints === null
    ? skipped
    : { status: 'fail', reason: `The profile names no ${what}. Add it to the profile’s endpoints.` };
}

async function probeKeySet(http: AxiosInstance, url: string): Promise<StepOutcome> {
  try {
    const answer = await http.get<string>(url);
    if (answer.status !== 200) return { status: 'fail', reason: `The server answered ${answer.status}.`, url };
    const keys = keysIn(answer.data);
    return keys === null
      ? { status: 'fail', reason: 'The answer is not a JSON Web Key Set (no "keys" list).', url }
      : { status: 'pass', reason: `The key set has ${keys} key${keys === 1 ? '' : 's'}.`, url };
  } catch (error) {
    return { status: 'fail', reason: translateTransportError(error, url).message, url };
  }
}

function keysIn(body: unknown): number | null {
  try {
    const parsed: unknown = typeof body === 'string' ? JSON.parse(body) : body;
    const keys = (parsed as { keys?: unknown } | null)?.keys;
    return Array.isArray(keys) ? keys.length : null;
  } catch {
    return null;
  }
}

/** RFC 6749 §5.2: a token request without a grant or client is answered 400 (or 401 for client auth). */
async function probeToken(http: AxiosInstance, url: string): Promise<StepOutcome> {
  try {
    const answer = await http.post<string>(url, 'grant_type=', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    if (answer.status === 400 || answer.status === 401) {
      return {
        status: 'pass',
        reason: `Reachable: it answered ${answer.status} to a request with no credentials, as a token endpoint should.`,
        url,
      };
    }
    if (answer.status === 404 || answer.status === 405) {
      return {
        status: 'fail',
        reason: `No token endpoint at this address (the server answered ${answer.status}).`,
        url,
      };
    }
    return { status: 'fail', reason: `Unexpected answer ${answer.status} to a request with no credentials.`, url };
  } catch (error) {
    return { status: 'fail', reason: translateTransportError(error, url).message, url };
  }
}

/** A `{realm}` template is filled with the default realm, as a sign-in would. */
function tokenUrl(profile: Profile, endpoints: ServerEndpoints): string {
  const realm = profile.defaultRealm ?? profile.realms[0] ?? '';
  return endpoints.token.replaceAll('{realm}', encodeURIComponent(realm));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
