/**
 * Client grants: which APIs a machine-to-machine client may call with `client_credentials`, and with
 * which scopes (Auth0 `/api/v2/client-grants`). One grant per (client, audience).
 */
export const clientGrantsSchema = `
CREATE TABLE client_grants (
  id         TEXT PRIMARY KEY,
  client_id  TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
  audience   TEXT NOT NULL,
  scope      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scope)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (client_id, audience)
) STRICT;
`;
