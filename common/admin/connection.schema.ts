import { z } from 'zod';
import { JsonObject } from './admin-common.schema';

/**
 * Auth0's connection object (auth0-wire.md §7.2). A realm of the password-realm grant is a connection.
 * `options` appears only for callers holding `read:connections_options`; it is kept whole because PATCH
 * replaces it wholesale.
 */
export const Connection = z.object({
  id: z.string(),
  name: z.string(),
  display_name: z.string().nullish(),
  strategy: z.string(),
  options: JsonObject.optional(),
  enabled_clients: z.array(z.string()).optional(),
  realms: z.array(z.string()).optional(),
  is_domain_connection: z.boolean().optional(),
  show_as_button: z.boolean().optional(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
export type Connection = z.infer<typeof Connection>;

/** Auth0's connection name rule: alphanumerics and `-`, not starting or ending with `-`, at most 128. */
export const ConnectionName = z
  .string()
  .max(128)
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, 'Use letters, digits and dashes (not at either end)');

/** The writable fields shared by create and update. */
const ConnectionFields = {
  display_name: z.string().max(128).optional(),
  /** Replaces the stored options wholesale: send the full object you read (§7.2). */
  options: JsonObject.optional(),
  enabled_clients: z.array(z.string().min(1).max(64)).max(1000).optional(),
  is_domain_connection: z.boolean().optional(),
  show_as_button: z.boolean().optional(),
  metadata: z.record(z.string().max(255), z.string().max(255)).optional(),
};

export const ConnectionCreate = z.strictObject({
  name: ConnectionName,
  /** `auth0` is a database connection, the only kind that holds passwords. */
  strategy: z.string().min(1).max(64).default('auth0'),
  ...ConnectionFields,
});
export type ConnectionCreate = z.input<typeof ConnectionCreate>;

export const ConnectionUpdate = z.strictObject(ConnectionFields);
export type ConnectionUpdate = z.infer<typeof ConnectionUpdate>;

/** One client enabled for a connection (`GET /connections/{id}/clients`). */
export const ConnectionClient = z.object({ client_id: z.string() });
export type ConnectionClient = z.infer<typeof ConnectionClient>;

/** `PATCH /connections/{id}/clients`: switch clients on or off for a connection. */
export const ConnectionClientChange = z.strictObject({ client_id: z.string().min(1).max(64), status: z.boolean() });
export type ConnectionClientChange = z.infer<typeof ConnectionClientChange>;
