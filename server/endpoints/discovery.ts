import type { FastifyInstance } from 'fastify';
import type { IssuerSource } from '../issuer';

export interface DiscoveryEndpointDependencies {
  readonly issuer: IssuerSource;
  /** `grant_type` values /oauth/token answers. */
  readonly grantTypes: () => readonly string[];
}

/** Scopes Auth0 lists in its discovery document (auth0-wire.md §5.4). */
const scopesSupported = [
  'openid',
  'profile',
  'offline_access',
  'name',
  'given_name',
  'family_name',
  'nickname',
  'email',
  'email_verified',
  'picture',
  'created_at',
  'identities',
  'phone',
  'address',
];

const claimsSupported = [
  'aud',
  'auth_time',
  'created_at',
  'email',
  'email_verified',
  'exp',
  'family_name',
  'given_name',
  'iat',
  'identities',
  'iss',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'sub',
  'updated_at',
];

/**
 * `GET /.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §3, auth0-wire.md §5.4). Every URL
 * is built from the issuer. There is no browser flow, so there is no `authorization_endpoint` and
 * `response_types_supported` is empty. `grant_types_supported` (absent from Auth0's sample) is added
 * because a client can then tell which grants this server answers. The MFA and userinfo endpoints are
 * advertised as on Auth0; issue #3 implements them.
 */
export function registerDiscoveryEndpoint(app: FastifyInstance, deps: DiscoveryEndpointDependencies): void {
  app.get('/.well-known/openid-configuration', async () => {
    const issuer = deps.issuer.get();
    return {
      issuer,
      token_endpoint: `${issuer}oauth/token`,
      userinfo_endpoint: `${issuer}userinfo`,
      mfa_challenge_endpoint: `${issuer}mfa/challenge`,
      jwks_uri: `${issuer}.well-known/jwks.json`,
      revocation_endpoint: `${issuer}oauth/revoke`,
      scopes_supported: scopesSupported,
      response_types_supported: [],
      grant_types_supported: deps.grantTypes(),
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      claims_supported: claimsSupported,
      request_uri_parameter_supported: false,
      request_parameter_supported: false,
    };
  });
}
