/**
 * Tenant log events (auth0-wire.md §7.6), read back through `/api/v2/logs`. `seq` orders events and is
 * what `log_id` is made from. Never a password or a token: the writer strips them (logs/redact.ts).
 */
export const tenantLogsSchema = `
CREATE TABLE tenant_logs (
  seq           INTEGER PRIMARY KEY,
  date          INTEGER NOT NULL,
  type          TEXT NOT NULL,
  description   TEXT,
  ip            TEXT,
  client_ip     TEXT,
  hostname      TEXT,
  user_agent    TEXT,
  client_id     TEXT,
  client_name   TEXT,
  connection    TEXT,
  connection_id TEXT,
  strategy      TEXT,
  strategy_type TEXT,
  user_id       TEXT,
  user_name     TEXT,
  audience      TEXT,
  scope         TEXT,
  details       TEXT CHECK (details IS NULL OR json_valid(details)),
  auth0_client  TEXT CHECK (auth0_client IS NULL OR json_valid(auth0_client))
) STRICT;
CREATE INDEX tenant_logs_by_date ON tenant_logs (date);
CREATE INDEX tenant_logs_by_user ON tenant_logs (user_id, seq) WHERE user_id IS NOT NULL;
CREATE INDEX tenant_logs_by_type ON tenant_logs (type, seq);
`;
