/**
 * `/userinfo` answers with the custom claims rules and actions added to the ID token (auth0-wire.md
 * §5.3). Access tokens are stateless JWTs, so those claims are kept here, keyed by the SHA-256 of the
 * access token issued with them, until that token has expired. Deleting a user deletes their rows.
 */
export const userinfoClaimsSchema = `
CREATE TABLE userinfo_claims (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  claims     TEXT NOT NULL CHECK (json_valid(claims)),
  expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX userinfo_claims_by_expiry ON userinfo_claims (expires_at);
CREATE INDEX userinfo_claims_by_user ON userinfo_claims (user_id);
`;
