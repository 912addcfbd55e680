import type { ResourceServer } from '../tenant/model';

/** Why a claim a script set did not reach the token. */
export type ClaimDropReason = 'restricted' | 'oidc_standard' | 'auth0_namespace' | 'private_on_auth0_api' | 'not_json';

// Claims Auth0 restricts (its "Create Custom Claims" page); a script cannot set or change them.
const restricted = new Set(
  `acr act active amr at_hash ath attest aud auth_time authorization_details azp c_hash client_id cnf cty dest
   entitlements events exp groups gty htm htu iat internalService iss jcard jku jti jwe jwk kid may_act mky nbf nonce
   object_id org_id org_name orig origid permissions roles rph s_hash sid sip_callid sip_cseq_num sip_date
   sip_from_tag sip_via_branch sub sub_jwk toe txn typ uuid vot vtm x5t#S256 scope`.split(/\s+/),
);

// OpenID Connect Core §5.1 standard claims: Auth0 does not let scripts customise them.
const oidcStandard = new Set(
  `sub name given_name family_name middle_name nickname preferred_username profile picture website email
   email_verified gender birthdate zoneinfo locale phone_number phone_number_verified address updated_at`.split(/\s+/),
);

// Namespaces reserved for Auth0 itself (auth0-wire.md §5.5).
const auth0Namespaces = /^(https?:\/\/)?([^/]*\.)?(auth0\.com|webtask\.io|webtask\.run)(\/|$)|^urn:auth0/i;

/** A namespaced claim is a URL or URN; anything else is "private" (§5.5). */
export function isNamespaced(name: string): boolean {
  return /^(https?:\/\/|urn:)/i.test(name);
}

/**
 * Whether Auth0 would silently drop this custom claim (auth0-wire.md §5.5): restricted and OIDC standard
 * names, Auth0's own namespaces, and private claims on access tokens for Auth0's own APIs.
 * `__proto__`, `constructor` and `prototype` are dropped as restricted, so no claim map can be polluted.
 */
export function claimDropReason(
  name: string,
  value: unknown,
  token: 'access' | 'id',
  api: Pick<ResourceServer, 'isSystem'> | null,
): ClaimDropReason | undefined {
  if (restricted.has(name) || name === '__proto__' || name === 'constructor' || name === 'prototype') {
    return 'restricted';
  }
  if (oidcStandard.has(name)) return 'oidc_standard';
  if (auth0Namespaces.test(name)) return 'auth0_namespace';
  if (token === 'access' && api?.isSystem === true && !isNamespaced(name)) return 'private_on_auth0_api';
  if (value === undefined || typeof value === 'function' || typeof value === 'bigint') return 'not_json';
  return undefined;
}
