import { z } from 'zod';
import { JsonObject } from './admin-common.schema';

/** Auth0's user object (auth0-wire.md §7.4). It never holds a password or a password hash. */
export const UserIdentity = z.object({
  connection: z.string(),
  provider: z.string().optional(),
  user_id: z.union([z.string(), z.number()]).optional(),
  isSocial: z.boolean().optional(),
});

export const User = z.object({
  user_id: z.string(),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  username: z.string().optional(),
  phone_number: z.string().optional(),
  name: z.string().optional(),
  nickname: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  picture: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  identities: z.array(UserIdentity).optional(),
  app_metadata: JsonObject.optional(),
  user_metadata: JsonObject.optional(),
  multifactor: z.array(z.string()).optional(),
  last_ip: z.string().optional(),
  last_login: z.string().optional(),
  logins_count: z.number().int().optional(),
  blocked: z.boolean().optional(),
});
export type User = z.infer<typeof User>;

const Email = z.email().max(254);
const Name = z.string().min(1).max(300);

const UserProfileFields = {
  email_verified: z.boolean().optional(),
  username: z.string().min(1).max(128).optional(),
  name: Name.optional(),
  nickname: Name.optional(),
  given_name: Name.optional(),
  family_name: Name.optional(),
  picture: z.url().max(2048).optional(),
  user_metadata: JsonObject.optional(),
  app_metadata: JsonObject.optional(),
  blocked: z.boolean().optional(),
};

/** `POST /users` in a database connection (the realm); the connection's password policy applies. */
export const UserCreate = z.strictObject({
  connection: z.string().min(1).max(128),
  email: Email,
  password: z.string().min(1).max(1024),
  verify_email: z.boolean().optional(),
  ...UserProfileFields,
});
export type UserCreate = z.infer<typeof UserCreate>;

/** `PATCH /users/{id}` without the password (that goes through a reset, which ends the user's sessions). */
export const UserUpdate = z.strictObject({ email: Email.optional(), ...UserProfileFields });
export type UserUpdate = z.infer<typeof UserUpdate>;

/** An enrolled second factor (`GET /users/{id}/authenticators`). */
export const Authenticator = z.object({
  id: z.string(),
  type: z.string(),
  authenticator_type: z.string().optional(),
  oob_channel: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  phone_number: z.string().optional(),
  confirmed: z.boolean().optional(),
  created_at: z.string().optional(),
  enrolled_at: z.string().optional(),
  last_auth_at: z.string().optional(),
});
export type Authenticator = z.infer<typeof Authenticator>;

/** A brute-force block (`blocked_for` of `/user-blocks`, §3.2); `ip` is absent in per-identifier mode. */
export const UserBlock = z.object({
  identifier: z.string(),
  ip: z.string().optional(),
  connection: z.string().optional(),
});
export type UserBlock = z.infer<typeof UserBlock>;

/** Which blocks: those of a login identifier (e-mail or username), or those of a user id. */
export const BlockTarget = z.union([
  z.strictObject({ identifier: z.string().trim().min(1).max(320) }),
  z.strictObject({ userId: z.string().trim().min(1).max(256) }),
]);
export type BlockTarget = z.infer<typeof BlockTarget>;

export const Role = z.object({ id: z.string(), name: z.string(), description: z.string().nullish() });
export type Role = z.infer<typeof Role>;

export const RoleCreate = z.strictObject({
  name: z.string().min(1).max(50),
  description: z.string().max(140).optional(),
});
export type RoleCreate = z.infer<typeof RoleCreate>;

export const RoleUpdate = RoleCreate.partial();
export type RoleUpdate = z.infer<typeof RoleUpdate>;

/** A permission of a role: one scope of one API. */
export const Permission = z.object({
  permission_name: z.string(),
  resource_server_identifier: z.string(),
  resource_server_name: z.string().optional(),
  description: z.string().nullish(),
});
export type Permission = z.infer<typeof Permission>;

export const PermissionRef = z.strictObject({
  resource_server_identifier: z.string().min(1).max(600),
  permission_name: z.string().min(1).max(280),
});
export type PermissionRef = z.infer<typeof PermissionRef>;

/** A user as a role's member listing shows it. */
export const RoleMember = z.object({
  user_id: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
  picture: z.string().optional(),
});
export type RoleMember = z.infer<typeof RoleMember>;
