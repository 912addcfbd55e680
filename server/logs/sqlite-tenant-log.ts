import { z } from 'zod';
import type { Clock } from '../config';
import type { SqliteDatabase } from '../storage/database';
import { inTransaction } from '../storage/database';
import { redactDetails } from './redact';
import type { LogEntry, LogFilterField, LogPage, LogQuery, NewLogEvent, TenantLog } from './tenant-log';
import { logEventTypes } from './tenant-log';

/** How long and how many events are kept. Auth0 keeps 1 to 30 days depending on the plan. */
export interface LogRetention {
  readonly days: number;
  readonly maxEvents: number;
}

export const defaultLogRetention: LogRetention = { days: 30, maxEvents: 100_000 };

/** Prune every this many writes; a prune is two indexed deletes. */
const PRUNE_EVERY_WRITES = 1_000;
/** Write at once when this many events wait, instead of at the end of the event-loop turn. */
const MAX_PENDING = 500;
const LOG_ID_DIGITS = 20;

interface Row {
  seq: number;
  date: number;
  type: string;
  description: string | null;
  ip: string | null;
  client_ip: string | null;
  hostname: string | null;
  user_agent: string | null;
  client_id: string | null;
  client_name: string | null;
  connection: string | null;
  connection_id: string | null;
  strategy: string | null;
  strategy_type: string | null;
  user_id: string | null;
  user_name: string | null;
  audience: string | null;
  scope: string | null;
  details: string | null;
  auth0_client: string | null;
}

const JsonObject = z.record(z.string(), z.unknown());

function logIdOf(seq: number): string {
  return String(seq).padStart(LOG_ID_DIGITS, '0');
}

function seqOf(logId: string): number | undefined {
  if (!/^\d{1,20}$/.test(logId)) return undefined;
  const seq = Number(logId);
  return Number.isSafeInteger(seq) ? seq : undefined;
}

/** Caller-controlled text (user agents, typed usernames) is capped before it is stored. */
function cap(value: string | undefined, max = 512): string | null {
  if (value === undefined) return null;
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

function parseObject(text: string | null): Record<string, unknown> | undefined {
  if (text === null) return undefined;
  const parsed = JsonObject.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

function toEntry(row: Row): LogEntry {
  const entry: Record<string, unknown> = {
    logId: logIdOf(row.seq),
    date: row.date,
    type: row.type,
    description: row.description ?? '',
  };
  const optional: [string, unknown][] = [
    ['ip', row.ip],
    ['clientIp', row.client_ip],
    ['hostname', row.hostname],
    ['userAgent', row.user_agent],
    ['clientId', row.client_id],
    ['clientName', row.client_name],
    ['connection', row.connection],
    ['connectionId', row.connection_id],
    ['strategy', row.strategy],
    ['strategyType', row.strategy_type],
    ['userId', row.user_id],
    ['userName', row.user_name],
    ['audience', row.audience],
    ['scope', row.scope],
    ['details', parseObject(row.details)],
    ['auth0Client', parseObject(row.auth0_client)],
  ];
  for (const [key, value] of optional) if (value !== null && value !== undefined) entry[key] = value;
  return entry as unknown as LogEntry;
}

// Filter fields map to columns through this table only, so no caller text ever reaches SQL.
const filterColumns: Readonly<Record<LogFilterField, string>> = {
  type: 'type',
  user_id: 'user_id',
  user_name: 'user_name',
  client_id: 'client_id',
  connection: 'connection',
  connection_id: 'connection_id',
  ip: 'ip',
  client_ip: 'client_ip',
  audience: 'audience',
};

type PendingRow = Record<string, string | number | null>;

/**
 * The tenant log in SQLite (migration 013), with a retention limit by age and by count.
 *
 * Writes are batched: events wait until the end of the current event-loop turn (or until 500 wait) and
 * are inserted in one transaction, which costs a tenth of a commit per event (profiled on the refresh
 * grant). Reads flush first, so nothing written is ever missing from a read. The durable-answers barrier
 * (app.ts) flushes before each WAL sync, so a crash can lose only events whose answer had not left yet.
 */
export class SqliteTenantLog implements TenantLog {
  private pending: PendingRow[] = [];
  private flushScheduled = false;
  private readonly insert;
  private readonly byId;
  private readonly pruneOld;
  private readonly pruneExcess;
  private writesSincePrune = 0;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: Clock,
    private readonly retention: LogRetention = defaultLogRetention,
    /** Where a failed background write is reported (it is retried with the next batch). */
    private readonly onFlushError: (error: unknown) => void = (error) =>
      process.emitWarning(`tenant log write failed: ${String(error)}`),
  ) {
    this.insert = db.prepare(
      `INSERT INTO tenant_logs (date, type, description, ip, client_ip, hostname, user_agent, client_id, client_name,
                                connection, connection_id, strategy, strategy_type, user_id, user_name, audience,
                                scope, details, auth0_client)
       VALUES (@date, @type, @description, @ip, @clientIp, @hostname, @userAgent, @clientId, @clientName,
               @connection, @connectionId, @strategy, @strategyType, @userId, @userName, @audience,
               @scope, @details, @auth0Client)`,
    );
    this.byId = db.prepare<[number], Row>('SELECT * FROM tenant_logs WHERE seq = ?');
    this.pruneOld = db.prepare<[number]>('DELETE FROM tenant_logs WHERE date < ?');
    this.pruneExcess = db.prepare<[number]>(
      'DELETE FROM tenant_logs WHERE seq <= (SELECT seq FROM tenant_logs ORDER BY seq DESC LIMIT 1 OFFSET ?)',
    );
  }

  write(event: NewLogEvent): void {
    const details = event.details === undefined ? undefined : redactDetails(event.details);
    const auth0Client = event.auth0Client === undefined ? undefined : redactDetails(event.auth0Client);
    this.pending.push({
      date: event.date ?? this.clock(),
      type: cap(event.type, 64),
      description: cap(event.description ?? (logEventTypes as Record<string, string>)[event.type] ?? '', 1_000),
      ip: cap(event.ip, 64),
      clientIp: cap(event.clientIp, 64),
      hostname: cap(event.hostname, 255),
      userAgent: cap(event.userAgent),
      clientId: cap(event.clientId, 128),
      clientName: cap(event.clientName, 255),
      connection: cap(event.connection, 128),
      connectionId: cap(event.connectionId, 64),
      strategy: cap(event.strategy, 64),
      strategyType: cap(event.strategyType, 64),
      userId: cap(event.userId, 255),
      userName: cap(event.userName, 320),
      audience: cap(event.audience, 512),
      scope: cap(event.scope, 2_000),
      details: details === undefined ? null : JSON.stringify(details),
      auth0Client: auth0Client === undefined ? null : JSON.stringify(auth0Client),
    });
    if (this.pending.length >= MAX_PENDING) {
      this.flush();
    } else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        try {
          this.flush();
        } catch (error) {
          this.onFlushError(error);
        }
      });
    }
  }

  /** Inserts every waiting event in one transaction. Safe to call at any time, also after close. */
  flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 || !this.db.open) return;
    const rows = this.pending;
    this.pending = [];
    try {
      inTransaction(this.db, () => {
        for (const row of rows) this.insert.run(row);
      });
    } catch (error) {
      this.pending = [...rows, ...this.pending];
      throw error;
    }
    this.writesSincePrune += rows.length;
    if (this.writesSincePrune >= PRUNE_EVERY_WRITES) this.prune();
  }

  find(logId: string): LogEntry | undefined {
    this.flush();
    const seq = seqOf(logId);
    const row = seq === undefined ? undefined : this.byId.get(seq);
    return row && toEntry(row);
  }

  list(query: LogQuery = {}): LogPage {
    this.flush();
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    for (const term of query.where ?? []) {
      if (term.values.length === 0) continue;
      clauses.push(`${filterColumns[term.field]} IN (${term.values.map(() => '?').join(', ')})`);
      params.push(...term.values);
    }
    if (query.dateFrom !== undefined) {
      clauses.push('date >= ?');
      params.push(query.dateFrom);
    }
    if (query.dateTo !== undefined) {
      clauses.push('date <= ?');
      params.push(query.dateTo);
    }
    const checkpoint = query.afterLogId === undefined ? undefined : (seqOf(query.afterLogId) ?? 0);
    const pagedClauses = checkpoint === undefined ? clauses : [...clauses, 'seq > ?'];
    const pagedParams = checkpoint === undefined ? params : [...params, checkpoint];
    const where = (list: string[]) => (list.length === 0 ? '' : `WHERE ${list.join(' AND ')}`);
    const order = checkpoint !== undefined || query.order === 'oldest-first' ? 'ASC' : 'DESC';
    const whole = (value: number | undefined, fallback: number) =>
      value !== undefined && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback;
    const limit = Math.min(whole(query.limit, 50), 1_000);
    const offset = whole(query.offset, 0);

    const rows = this.db
      .prepare<(string | number)[], Row>(
        `SELECT * FROM tenant_logs ${where(pagedClauses)} ORDER BY seq ${order} LIMIT ? OFFSET ?`,
      )
      .all(...pagedParams, limit, offset);
    const total =
      this.db
        .prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM tenant_logs ${where(pagedClauses)}`)
        .get(...pagedParams)?.n ?? 0;
    return { entries: rows.map(toEntry), total };
  }

  prune(): number {
    this.flush();
    this.writesSincePrune = 0;
    const cutoff = this.clock() - this.retention.days * 24 * 60 * 60 * 1000;
    return this.pruneOld.run(cutoff).changes + this.pruneExcess.run(this.retention.maxEvents).changes;
  }
}
