/**
 * Attack protection (auth0-wire.md §3): the tenant's settings documents, the brute-force counters and
 * the suspicious-IP buckets.
 *
 * - `attack_protection` holds one Auth0-shaped JSON document per feature; a missing row means defaults.
 * - `login_failures` counts consecutive failures per (connection, identifier, ip). Identifiers are stored
 *   lower-cased and are counted whether or not a user has them, so a block reveals nothing. `ip` is ''
 *   when the tenant counts per identifier only.
 * - `ip_throttle` is a token bucket per IP for failed logins (100 per day by default).
 */
export const attackProtectionSchema = `
CREATE TABLE attack_protection (
  feature TEXT PRIMARY KEY
    CHECK (feature IN ('brute-force-protection', 'suspicious-ip-throttling', 'breached-password-detection')),
  config  TEXT NOT NULL CHECK (json_valid(config))
) STRICT;

CREATE TABLE login_failures (
  connection      TEXT NOT NULL,
  identifier      TEXT NOT NULL,
  ip              TEXT NOT NULL,
  failures        INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  blocked_at      INTEGER,
  PRIMARY KEY (connection, identifier, ip)
) STRICT, WITHOUT ROWID;
CREATE INDEX login_failures_by_identifier ON login_failures (identifier) WHERE blocked_at IS NOT NULL;

CREATE TABLE ip_throttle (
  ip           TEXT PRIMARY KEY,
  allowance    REAL NOT NULL,
  updated_at   INTEGER NOT NULL,
  throttled_at INTEGER
) STRICT, WITHOUT ROWID;
`;
