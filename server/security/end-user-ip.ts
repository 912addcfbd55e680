import { isIP } from 'node:net';
import type { AuthenticatedClient } from './client-authentication';

/** Auth0's header for the end user's address when a backend calls on their behalf (auth0-wire.md §3.1). */
export const FORWARDED_FOR_HEADER = 'auth0-forwarded-for';

/**
 * The address to attribute a login to. `auth0-forwarded-for` is honoured only for a client that
 * authenticated with its secret and has `is_token_endpoint_ip_header_trusted`, and only when it holds a
 * single valid IP; otherwise any caller could pick the address that brute-force counters see.
 */
export function endUserIp(
  callerIp: string,
  forwardedFor: string | string[] | undefined,
  { client, authenticatedWithSecret }: AuthenticatedClient,
): string {
  if (!authenticatedWithSecret || !client.isTokenEndpointIpHeaderTrusted) return callerIp;
  if (typeof forwardedFor !== 'string') return callerIp;
  const candidate = forwardedFor.trim();
  return isIP(candidate) === 0 ? callerIp : candidate;
}
