/**
 * Issue #5: what the Management API's object shapes need beyond the first schema (auth0-wire.md §7.2,
 * §7.4, §7.5), and the password history that a connection's `password_history` option checks against.
 */
export const managementSchema = `
ALTER TABLE connections ADD COLUMN display_name TEXT;
ALTER TABLE connections ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata));
ALTER TABLE connections ADD COLUMN is_domain_connection INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connections ADD COLUMN show_as_button INTEGER NOT NULL DEFAULT 0;

ALTER TABLE users ADD COLUMN given_name TEXT;
ALTER TABLE users ADD COLUMN family_name TEXT;
CREATE INDEX users_by_created ON users (created_at, id);

ALTER TABLE resource_servers ADD COLUMN token_lifetime_for_web INTEGER NOT NULL DEFAULT 7200;
ALTER TABLE resource_servers ADD COLUMN skip_consent INTEGER NOT NULL DEFAULT 1;

-- The hashes a user's password had before each change, newest last; only PHC strings, never a password.
CREATE TABLE user_password_history (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  password_hash TEXT NOT NULL,
  replaced_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX user_password_history_by_user ON user_password_history (user_id, id);
`;
