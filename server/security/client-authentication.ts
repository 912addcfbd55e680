import { authErrors } from '../errors/catalogue';
import type { OAuthError } from '../errors/oauth-errors';
import type { RequestParams } from '../http/request-params';
import type { ClientRepository } from '../storage/client-repository';
import type { Client } from '../tenant/model';
import { secretMatches } from './secret-hash';

/** Credentials from an `Authorization: Basic` header (RFC 6749 §2.3.1). */
export interface BasicCredentials {
  readonly clientId: string;
  readonly secret: string;
}

/** RFC 6749 Appendix B: client id and secret are form-urlencoded before being joined and base64-encoded. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // Not valid percent-encoding: many clients skip the encoding step, so take the text as it is.
    return text;
  }
}

/**
 * Reads `Authorization: Basic ...`. Returns undefined when there is no Basic header (other schemes are
 * not client authentication here) and `'malformed'` when there is one we cannot read.
 */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | 'malformed' | undefined {
  if (header === undefined) return undefined;
  const match = /^basic\s+(\S*)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return 'malformed';
  return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

/** The authenticated client, and whether it proved itself with a secret (auth0-wire.md §3.1 needs this). */
export interface AuthenticatedClient {
  readonly client: Client;
  readonly authenticatedWithSecret: boolean;
}

export interface ClientAuthenticationInput {
  readonly authorization: string | undefined;
  readonly params: RequestParams;
  /** The error for failed authentication: `access_denied` on /oauth/token, `invalid_client` on /oauth/revoke. */
  readonly failure: () => OAuthError;
  /** Called with the client_id the request claims, before it is checked (for the request log). */
  readonly onClientIdentified?: (clientId: string) => void;
}

/**
 * Authenticates the client of a token or revoke request.
 *
 * - Public clients (`none`) are identified by `client_id` alone; a secret they send is ignored, as
 *   RFC 6749 §2.3 says public clients must not be relied on to authenticate.
 * - Confidential clients must present their secret. We accept it by either `client_secret_post` or
 *   `client_secret_basic`, whichever the client is registered with (demo-tenant.md lists both for
 *   gatehouse-backend), but never both at once (RFC 6749 §2.3).
 * - An unknown client_id fails exactly like a wrong secret, so client ids cannot be probed.
 */
export function authenticateClient(clients: ClientRepository, input: ClientAuthenticationInput): AuthenticatedClient {
  const basic = parseBasicAuthorization(input.authorization);
  if (basic === 'malformed') throw input.failure();
  const bodyClientId = input.params.get('client_id');
  const bodySecret = input.params.get('client_secret');
  if (basic && bodySecret !== undefined) throw authErrors.multipleClientAuthentication();
  if (basic && bodyClientId !== undefined && bodyClientId !== basic.clientId) throw authErrors.clientIdMismatch();

  const clientId = basic?.clientId ?? bodyClientId;
  if (clientId === undefined || clientId === '') throw authErrors.missingParameter('client_id');
  input.onClientIdentified?.(clientId);

  const client = clients.findById(clientId);
  if (!client) throw input.failure();
  if (client.tokenEndpointAuthMethod === 'none' || client.clientSecretHash === null) {
    return { client, authenticatedWithSecret: false };
  }
  const secret = basic?.secret ?? bodySecret;
  if (secret === undefined || !secretMatches(secret, client.clientSecretHash)) throw input.failure();
  return { client, authenticatedWithSecret: true };
}
