import { appOrigin } from './app-origin';

/**
 * True only for a URL at the app's own origin (`app://gatehouse/…`). Parsed, never prefix-matched: a
 * prefix test lets `app://gatehouse.evil/` or `app://gatehouse@evil/` through. Custom schemes have an
 * opaque `origin` ("null"), so protocol, host, port and userinfo are compared one by one.
 */
export function isAppUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  const expected = new URL(appOrigin);
  return (
    url.protocol === expected.protocol &&
    url.hostname === expected.hostname &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** Where a link the window asked to open may go. */
export type ExternalLinkDecision =
  { readonly open: true; readonly url: string } | { readonly open: false; readonly reason: string };

/**
 * The user's browser opens a link only when it is https, has no credentials in it, and its host is on the
 * allow-list (the active profile's issuer host, plus hosts the managed policy names). Hosts compare
 * exactly, after URL parsing lower-cases them and turns IDN into punycode, so a look-alike never matches.
 */
export function externalLinkDecision(candidate: string, allowedHosts: readonly string[]): ExternalLinkDecision {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { open: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:') return { open: false, reason: `scheme ${url.protocol} is never opened` };
  if (url.username !== '' || url.password !== '') return { open: false, reason: 'credentials in the URL' };
  const allowed = new Set(allowedHosts.map(normalHost).filter((host) => host !== null));
  if (!allowed.has(url.host)) return { open: false, reason: `host ${url.host} is not on the allow-list` };
  return { open: true, url: url.toString() };
}

/** `Example.COM` → `example.com`, `bücher.example` → `xn--bcher-kva.example`; null when not a host. */
export function normalHost(host: string): string | null {
  try {
    const url = new URL(`https://${host}/`);
    return url.pathname === '/' && url.username === '' ? url.host : null;
  } catch {
    return null;
  }
}

/** The issuer's host, for the allow-list; null when there is no profile or the issuer is not a URL. */
export function issuerHost(issuer: string | undefined): string | null {
  if (issuer === undefined) return null;
  try {
    return new URL(issuer).host;
  } catch {
    return null;
  }
}

/** The hosts links may open in the browser: the active profile's issuer host plus the policy's hosts. */
export function linkAllowList(activeIssuer: string | undefined, policyHosts: readonly string[]): string[] {
  const issuer = issuerHost(activeIssuer);
  return issuer === null ? [...policyHosts] : [issuer, ...policyHosts];
}
