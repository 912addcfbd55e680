import type { FastifyInstance } from 'fastify';
import type { SigningKeys } from '../keys/signing-keys';

/**
 * `GET /.well-known/jwks.json` (RFC 7517 §5, auth0-wire.md §5.4): the public half of every key whose
 * tokens may still be alive, each with `kid`, `alg: RS256` and `use: sig`. Never a private member.
 */
export function registerJwksEndpoint(app: FastifyInstance, deps: { readonly keys: SigningKeys }): void {
  app.get('/.well-known/jwks.json', async () => deps.keys.jwks());
}
