/**
 * Issue #4: MFA for the password grant (auth0-wire.md §4): the tenant's MFA policy, enrolled
 * authenticators, pending logins behind an `mfa_token`, OOB challenges and the failed-OTP bucket.
 */
export const mfaSchema = `
-- "enrolled": users with an active authenticator must complete MFA (demo-tenant.md); "always": everyone;
-- "never": only when a connection, rule or action asks for it.
CREATE TABLE mfa_settings (
  id                     INTEGER PRIMARY KEY CHECK (id = 1),
  policy                 TEXT NOT NULL DEFAULT 'enrolled' CHECK (policy IN ('never', 'enrolled', 'always')),
  otp_enabled            INTEGER NOT NULL DEFAULT 1 CHECK (otp_enabled IN (0, 1)),
  email_enabled          INTEGER NOT NULL DEFAULT 1 CHECK (email_enabled IN (0, 1)),
  sms_enabled            INTEGER NOT NULL DEFAULT 1 CHECK (sms_enabled IN (0, 1)),
  recovery_codes_enabled INTEGER NOT NULL DEFAULT 1 CHECK (recovery_codes_enabled IN (0, 1))
) STRICT;
INSERT INTO mfa_settings (id) VALUES (1);

-- "secret" holds the sealed TOTP secret, or the SHA-256 of a recovery code; never a plaintext code.
CREATE TABLE authenticators (
  id            TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type          TEXT NOT NULL CHECK (type IN ('otp', 'oob', 'recovery-code')),
  oob_channel   TEXT CHECK (oob_channel IS NULL OR oob_channel IN ('sms', 'email')),
  target        TEXT,
  secret        TEXT,
  active        INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
  last_time_step INTEGER,
  created_at    INTEGER NOT NULL,
  confirmed_at  INTEGER,
  last_used_at  INTEGER
) STRICT;
CREATE INDEX authenticators_by_user ON authenticators (user_id);

-- A login waiting for its second factor. Only the SHA-256 of the mfa_token is stored.
CREATE TABLE mfa_transactions (
  token_hash  TEXT PRIMARY KEY,
  client_id   TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  pending     TEXT NOT NULL CHECK (json_valid(pending)),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  redeemed_at INTEGER
) STRICT;
CREATE INDEX mfa_transactions_by_expiry ON mfa_transactions (expires_at);

-- An out-of-band code sent to the outbox. Only hashes of the oob_code and the binding code are stored.
CREATE TABLE mfa_challenges (
  oob_code_hash     TEXT PRIMARY KEY,
  transaction_hash  TEXT NOT NULL REFERENCES mfa_transactions (token_hash) ON DELETE CASCADE,
  authenticator_id  TEXT NOT NULL REFERENCES authenticators (id) ON DELETE CASCADE,
  binding_code_hash TEXT NOT NULL,
  created_at        INTEGER NOT NULL,
  expires_at        INTEGER NOT NULL,
  last_polled_at    INTEGER,
  used_at           INTEGER
) STRICT;

-- Failed second-factor attempts per user: a bucket of 10 that refills 1 every 6 minutes (§4.5).
CREATE TABLE mfa_attempt_buckets (
  user_id    TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  tokens     REAL NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`;
