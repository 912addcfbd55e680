import { getProxyForUrl } from 'proxy-from-env';

/**
 * Which proxy carries a request to `url`, if any.
 *
 * A proxy set in the profile applies to every request of that profile: a managed desktop pins it so that
 * token, refresh, revoke and admin calls all leave through the corporate proxy. Without one, the standard
 * variables decide (HTTPS_PROXY / HTTP_PROXY / ALL_PROXY, with NO_PROXY exceptions), as curl and most CLIs do.
 */
export function proxyFor(url: string, profileProxy: string | undefined): string | undefined {
  if (profileProxy !== undefined && profileProxy !== '') return profileProxy;
  const fromEnvironment = getProxyForUrl(url);
  return fromEnvironment === '' ? undefined : fromEnvironment;
}

/** A proxy URL fit for messages and logs: scheme, host and port only, never a user name or password. */
export function describeProxy(proxyUrl: string): string {
  try {
    const url = new URL(proxyUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'the configured proxy';
  }
}
