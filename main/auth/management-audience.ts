/**
 * The audience of Auth0's Management API for an issuer: `<issuer>api/v2/`, trailing slash included
 * (spec/auth0-wire.md §0). It is also the API's base URL.
 */
export function managementAudience(issuer: string): string {
  return new URL('api/v2/', issuer.endsWith('/') ? issuer : `${issuer}/`).toString();
}

/** True when `audience` names the issuer's Management API, however its trailing slash is written. */
export function isManagementAudience(audience: string, issuer: string): boolean {
  const wanted = managementAudience(issuer);
  return audience === wanted || `${audience}/` === wanted;
}
