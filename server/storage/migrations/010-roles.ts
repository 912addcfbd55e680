/**
 * Roles (RBAC), their permissions and who holds them (auth0-wire.md §1.5, demo-tenant.md "Roles").
 *
 * `audience` is the API identifier a permission belongs to. The Management API's identifier follows the
 * issuer, which can change between runs, so it is stored under a fixed key (storage/audience-keys.ts).
 */
export const rolesSchema = `
CREATE TABLE roles (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE role_permissions (
  role_id    TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  audience   TEXT NOT NULL,
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, audience, permission)
) STRICT, WITHOUT ROWID;
CREATE INDEX role_permissions_by_audience ON role_permissions (audience);

CREATE TABLE user_roles (
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id    TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, role_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX user_roles_by_role ON user_roles (role_id, user_id);
`;
