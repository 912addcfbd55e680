/**
 * The first schema. Times are integer milliseconds since the epoch; JSON columns hold Auth0-shaped
 * (snake_case) objects. STRICT tables make SQLite reject values of the wrong type.
 */
export const initialSchema = `
CREATE TABLE tenant_settings (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  default_directory TEXT,
  default_audience  TEXT
) STRICT;
INSERT INTO tenant_settings (id) VALUES (1);

CREATE TABLE connections (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  strategy   TEXT NOT NULL,
  options    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE clients (
  client_id                           TEXT PRIMARY KEY,
  name                                TEXT NOT NULL,
  app_type                            TEXT NOT NULL,
  token_endpoint_auth_method          TEXT NOT NULL
    CHECK (token_endpoint_auth_method IN ('none', 'client_secret_post', 'client_secret_basic')),
  client_secret_hash                  TEXT,
  grant_types                         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(grant_types)),
  is_token_endpoint_ip_header_trusted INTEGER NOT NULL DEFAULT 0,
  refresh_token                       TEXT NOT NULL CHECK (json_valid(refresh_token)),
  created_at                          INTEGER NOT NULL,
  updated_at                          INTEGER NOT NULL,
  -- A confidential client has a secret and a public one has none.
  CHECK ((token_endpoint_auth_method = 'none') = (client_secret_hash IS NULL))
) STRICT;

CREATE TABLE connection_clients (
  connection_id TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  client_id     TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
  PRIMARY KEY (connection_id, client_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE resource_servers (
  id                   TEXT PRIMARY KEY,
  identifier           TEXT NOT NULL UNIQUE,
  name                 TEXT NOT NULL,
  scopes               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scopes)),
  allow_offline_access INTEGER NOT NULL DEFAULT 0,
  token_lifetime       INTEGER NOT NULL DEFAULT 86400,
  signing_alg          TEXT NOT NULL DEFAULT 'RS256',
  enforce_policies     INTEGER NOT NULL DEFAULT 0,
  token_dialect        TEXT NOT NULL DEFAULT 'access_token',
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL
) STRICT;

CREATE TABLE users (
  id             TEXT PRIMARY KEY,
  connection_id  TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  email          TEXT COLLATE NOCASE,
  username       TEXT COLLATE NOCASE,
  password_hash  TEXT,
  email_verified INTEGER NOT NULL DEFAULT 0,
  name           TEXT,
  nickname       TEXT,
  picture        TEXT,
  blocked        INTEGER NOT NULL DEFAULT 0,
  logins_count   INTEGER NOT NULL DEFAULT 0,
  last_login     INTEGER,
  last_ip        TEXT,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  user_metadata  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(user_metadata)),
  app_metadata   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(app_metadata)),
  UNIQUE (connection_id, email),
  UNIQUE (connection_id, username)
) STRICT;

-- One row per refresh token ever issued. Rotation adds a row to the family; only SHA-256 hashes are kept.
CREATE TABLE refresh_tokens (
  id                TEXT PRIMARY KEY,
  family_id         TEXT NOT NULL,
  token_hash        TEXT NOT NULL UNIQUE,
  client_id         TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
  user_id           TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  connection        TEXT NOT NULL,
  audience          TEXT,
  scope             TEXT NOT NULL,
  grant_type        TEXT NOT NULL,
  counter           INTEGER NOT NULL,
  created_at        INTEGER NOT NULL,
  expires_at        INTEGER,
  idle_expires_at   INTEGER,
  last_used_at      INTEGER,
  rotated_at        INTEGER,
  revoked_at        INTEGER,
  revocation_reason TEXT,
  UNIQUE (family_id, counter)
) STRICT;
CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id, client_id);

CREATE TABLE signing_keys (
  kid         TEXT PRIMARY KEY,
  alg         TEXT NOT NULL,
  private_jwk TEXT NOT NULL,
  public_jwk  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  retired_at  INTEGER
) STRICT;
`;
