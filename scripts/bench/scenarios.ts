import type autocannon from 'autocannon';
import type { LoadResult } from './http-load';
import { runLoad } from './http-load';
import { median } from './password-hash';

const DESKTOP = 'gatehouse-desktop';
const BACKEND = { clientId: 'gatehouse-backend', secret: 'demo-backend-secret' };
const ALICE = { email: 'alice@example.com', password: 'Alice-Demo-Passw0rd!' };
const REPORTS_API = 'https://api.gatehouse.test/';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A password-realm login for Alice on the desktop client, as the app signs in. */
function loginBody(scope: string): string {
  return new URLSearchParams({
    grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
    client_id: DESKTOP,
    username: ALICE.email,
    password: ALICE.password,
    realm: 'employees',
    audience: REPORTS_API,
    scope,
  }).toString();
}

/** Password-realm logins per second (every one a real argon2id verification and a signed token). */
export function passwordRealmLoad(url: string, connections: number, durationSeconds: number): Promise<LoadResult> {
  return runLoad({
    url: `${url}/oauth/token`,
    connections,
    durationSeconds,
    method: 'POST',
    headers: FORM,
    body: loginBody('openid'),
  });
}

/** `count` fresh refresh-token families for the refresh load, one per connection. */
async function refreshTokens(url: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: FORM,
      body: loginBody('offline_access read:reports'),
    });
    const body = (await response.json()) as { refresh_token?: string };
    if (!body.refresh_token) throw new Error(`login for the refresh load failed: ${response.status}`);
    tokens.push(body.refresh_token);
  }
  return tokens;
}

/**
 * The refresh grant with rotation, each connection presenting the newest token of its own family (a fresh
 * refresh token per request, as a real client must). A lost answer would break the chain and show up as
 * non-2xx responses, so "0 errors" means every rotation worked.
 */
export async function refreshLoad(url: string, connections: number, durationSeconds: number): Promise<LoadResult> {
  // autocannon clears a connection's context after every request, so the newest token of each family
  // waits in this queue: a response puts its successor in, the next request takes one out. There are as
  // many families as connections, so the queue never runs dry while every rotation succeeds.
  const queue = await refreshTokens(url, connections);
  const request: autocannon.Request = {
    method: 'POST',
    path: '/oauth/token',
    headers: FORM,
    setupRequest(req) {
      const token = queue.shift() ?? 'v1.queue-ran-dry';
      return {
        ...req,
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: DESKTOP, refresh_token: token }).toString(),
      };
    },
    onResponse(status, body) {
      if (status !== 200) return;
      const next = (JSON.parse(body) as { refresh_token?: string }).refresh_token;
      if (next !== undefined) queue.push(next);
    },
  };
  return runLoad({ url, connections, durationSeconds, requests: [request] });
}

/** GET throughput of a static document (JWKS, discovery). */
export function getLoad(url: string, path: string, connections: number, durationSeconds: number): Promise<LoadResult> {
  return runLoad({ url: `${url}${path}`, connections, durationSeconds });
}

/** Median answer times for unknown users and wrong passwords, interleaved (design/security.md). */
export interface EnumerationTiming {
  readonly samples: number;
  readonly unknownUserMs: number;
  readonly wrongPasswordMs: number;
}

/**
 * Interleaves `samples` unknown-user and `samples` wrong-password logins. Each comes from its own
 * address through the trusted backend's auth0-forwarded-for, so brute-force and suspicious-IP counters
 * never step in and both paths do exactly their own work.
 */
export async function enumerationTiming(url: string, samples: number): Promise<EnumerationTiming> {
  const unknown: number[] = [];
  const wrong: number[] = [];
  for (let i = 0; i < samples * 2; i += 1) {
    const isUnknown = i % 2 === 0;
    const body = new URLSearchParams({
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      client_id: BACKEND.clientId,
      client_secret: BACKEND.secret,
      username: isUnknown ? `nobody-${i}@example.com` : ALICE.email,
      password: 'Not-The-Passw0rd!',
      realm: 'employees',
    }).toString();
    const ip = `10.${Math.floor(i / 65_536) % 256}.${Math.floor(i / 256) % 256}.${i % 256}`;
    const started = performance.now();
    const response = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: { ...FORM, 'auth0-forwarded-for': ip },
      body,
    });
    await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 403) throw new Error(`enumeration timing: expected 403, got ${response.status}`);
    (isUnknown ? unknown : wrong).push(elapsed);
  }
  return { samples, unknownUserMs: median(unknown), wrongPasswordMs: median(wrong) };
}
