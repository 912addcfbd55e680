/**
 * Issue #4: legacy rules (auth0-wire.md §6.2, §7.3) and post-login actions (§6.4) with their versions and
 * trigger bindings. Times are integer milliseconds since the epoch, as in 001.
 */
export const rulesAndActionsSchema = `
-- "order" is unique so that "A rule with the same order already exists" (§7.3, 409 rule_conflict) can be
-- told apart from any other failure. Reordering swaps orders inside one transaction.
CREATE TABLE rules (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  script     TEXT NOT NULL,
  "order"    INTEGER NOT NULL UNIQUE CHECK ("order" >= 0),
  enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  stage      TEXT NOT NULL DEFAULT 'login_success',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Each script a rule had before an edit, so admins can diff and roll back.
CREATE TABLE rule_script_history (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id     TEXT NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
  script      TEXT NOT NULL,
  replaced_at INTEGER NOT NULL
) STRICT;
CREATE INDEX rule_script_history_by_rule ON rule_script_history (rule_id, id);

-- Auth0 "rules-configs": the rules' shared configuration object. Values are sealed (see value-cipher.ts).
CREATE TABLE rule_configs (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- An action's draft. Secret values in "secrets" are sealed.
CREATE TABLE actions (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL UNIQUE,
  supported_triggers TEXT NOT NULL CHECK (json_valid(supported_triggers)),
  code               TEXT NOT NULL,
  runtime            TEXT NOT NULL,
  dependencies       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(dependencies)),
  secrets            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(secrets)),
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
) STRICT;

-- Immutable snapshots of a draft, made by deploying it. At most one version per action is deployed.
CREATE TABLE action_versions (
  id                 TEXT PRIMARY KEY,
  action_id          TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  number             INTEGER NOT NULL,
  code               TEXT NOT NULL,
  runtime            TEXT NOT NULL,
  dependencies       TEXT NOT NULL CHECK (json_valid(dependencies)),
  secrets            TEXT NOT NULL CHECK (json_valid(secrets)),
  supported_triggers TEXT NOT NULL CHECK (json_valid(supported_triggers)),
  deployed           INTEGER NOT NULL DEFAULT 0 CHECK (deployed IN (0, 1)),
  created_at         INTEGER NOT NULL,
  deployed_at        INTEGER,
  UNIQUE (action_id, number)
) STRICT;
CREATE UNIQUE INDEX action_versions_one_deployed ON action_versions (action_id) WHERE deployed = 1;

-- Which actions run for a trigger, and in which order (Auth0 PATCH /actions/triggers/{id}/bindings).
CREATE TABLE action_bindings (
  id           TEXT PRIMARY KEY,
  trigger_id   TEXT NOT NULL,
  action_id    TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  display_name TEXT NOT NULL,
  position     INTEGER NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  UNIQUE (trigger_id, position)
) STRICT;
`;
