import { z } from 'zod';

/**
 * Building blocks shared by the admin schemas. The admin domain keeps Auth0's Management API field names
 * (snake_case) instead of converting them: they are what the Auth0 Dashboard and docs show admins, and a
 * connection's `options` must round-trip unchanged because PATCH replaces it wholesale (auth0-wire.md §7.2).
 */

/** A JSON object of any shape (metadata, connection options, log details). */
export const JsonObject = z.record(z.string(), z.json());
export type JsonObject = z.infer<typeof JsonObject>;

/** An id as the Management API names resources (`con_…`, `auth0|…`, `rol_…`, a UUID); encoded into paths by main. */
export const ResourceId = z.string().trim().min(1, 'An id is needed').max(256);

/**
 * Which credentials an admin call uses. `session`: the account's admin step-up (`admin:stepUp`, a separate
 * short-lived token for `<issuer>api/v2/`, never the everyday session's); without `accountId`, the active
 * account's step-up, else the latest one. `m2m`: the profile's confidential client with `client_credentials`
 * (its secret stays in the keychain).
 */
export const AdminVia = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('session'), accountId: z.string().min(1).max(512).optional() }),
  z.strictObject({ kind: z.literal('m2m'), profileId: z.string().min(1).max(64) }),
]);
export type AdminVia = z.infer<typeof AdminVia>;

/** `page` is 0-based, as on the wire; `perPage` at most 100 (auth0-wire.md §7.1). */
export const PageRequest = {
  page: z.number().int().min(0).max(1_000_000).optional(),
  perPage: z.number().int().min(1).max(100).optional(),
};

/** One page of an offset listing, from Auth0's `include_totals=true` wrapper. */
export function offsetPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Index of the first item in the whole listing. */
    start: z.number().int(),
    /** The page size the server used. */
    limit: z.number().int(),
    total: z.number().int(),
  });
}

/** One page of a checkpoint listing (`from`/`take`); `next` is null when nothing follows (yet). */
export function checkpointPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: z.string().nullable() });
}

/** The answer of a write that returns nothing (204). */
export const Done = z.object({ done: z.literal(true) });
export type Done = z.infer<typeof Done>;
