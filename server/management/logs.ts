import { z } from 'zod';
import type { LogFilterField, LogQuery } from '../logs/tenant-log';
import { toLogWire } from '../logs/tenant-log';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors, printable } from './errors';
import type { LuceneNode } from './lucene';
import { parseLucene } from './lucene';
import { pageBody, pageQueryShape, pageRequest, project } from './pagination';
import type { ManagementRoute } from './route';
import { parseQuery, queryBoolean, queryInt, queryList, queryString } from './validation';

const filterFields: readonly LogFilterField[] = [
  'type',
  'user_id',
  'user_name',
  'client_id',
  'connection',
  'connection_id',
  'ip',
  'client_ip',
  'audience',
];

const ListQuery = z.object({
  ...pageQueryShape,
  q: queryString.optional(),
  search: queryString.optional(),
  sort: queryString.regex(/^date:(1|-1)$/, 'must be date:1 or date:-1').optional(),
  fields: queryList.optional(),
  include_fields: queryBoolean.optional(),
  from: queryString.regex(/^\d{1,20}$/, 'must be a log_id').optional(),
  take: queryInt(1, 100).optional(),
});

function fail(reason: string): never {
  throw mgmtErrors.invalidQuery(`'${printable(reason)}' on property q`);
}

/** A date bound: ISO 8601 or epoch milliseconds. A bare day as an upper bound means the whole day. */
function dateBound(text: string | undefined, isUpper: boolean): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d{1,15}$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(value)) fail(`not a date: ${text}`);
  return isUpper && /^\d{4}-\d{2}-\d{2}$/.test(text) ? value + 86_399_999 : value;
}

type Where = NonNullable<LogQuery['where']>[number];

/** One AND-ed item: `field:value`, `field:(a OR b)` or `date:[from TO to]`. */
function clause(node: LuceneNode, into: { where: Where[]; dateFrom?: number; dateTo?: number }): void {
  if (node.kind === 'range') {
    if (node.field !== 'date') fail(`ranges are supported on date only, not ${node.field}`);
    const from = dateBound(node.from, false);
    const to = dateBound(node.to, true);
    if (from !== undefined) into.dateFrom = node.inclusive ? from : from + 1;
    if (to !== undefined) into.dateTo = node.inclusive ? to : to - 1;
    return;
  }
  const terms = node.kind === 'or' ? node.items : [node];
  const values: string[] = [];
  let field: string | undefined;
  for (const term of terms) {
    if (term.kind !== 'term') fail('only field:value terms, field:(a OR b) groups and date ranges are supported');
    if (term.field === undefined) fail('free text is not supported in log search; name a field');
    if (term.prefix) fail('wildcards are not supported in log search');
    if (field !== undefined && term.field !== field) fail('OR is supported between values of one field only');
    field = term.field;
    values.push(term.value);
  }
  if (field === undefined || !(filterFields as readonly string[]).includes(field)) {
    fail(`unsupported field in q: ${field ?? ''} (supported: ${filterFields.join(', ')}, date)`);
  }
  into.where.push({ field: field as LogFilterField, values });
}

/**
 * Log search (auth0-wire.md §7.6): `q` (v4) and `search` (v6) take the same Lucene subset, as AND-ed
 * `field:value` terms over the log fields, `field:(a OR b)`, and `date:[from TO to]`.
 */
export function parseLogSearch(text: string | undefined): Pick<LogQuery, 'where' | 'dateFrom' | 'dateTo'> {
  const node = parseLucene(text);
  const into: { where: Where[]; dateFrom?: number; dateTo?: number } = { where: [] };
  if (node === undefined) return into;
  for (const item of node.kind === 'and' ? node.items : [node]) clause(item, into);
  return into;
}

/** `/logs` and `/logs/{id}` (§7.6). */
export function logRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const logs = deps.repos.logs;
  return [
    {
      method: 'GET',
      url: '/logs',
      scopes: ['read:logs', 'read:logs_users'],
      handler(call) {
        const query = parseQuery(ListQuery, call.query);
        const shape = (entry: Parameters<typeof toLogWire>[0]) =>
          project(toLogWire(entry), query.fields, query.include_fields);
        if (query.from !== undefined || query.take !== undefined) {
          // Checkpoint mode ignores every other parameter and goes by log_id (§7.6). Without `from` it
          // starts from the newest `take` events; the array is oldest first, so its last id is the checkpoint.
          const take = query.take ?? 50;
          const entries =
            query.from === undefined
              ? logs.list({ order: 'newest-first', limit: take }).entries.reverse()
              : logs.list({ afterLogId: query.from, limit: take }).entries;
          const next = entries[entries.length - 1]?.logId ?? query.from;
          if (next !== undefined) {
            const url = `${deps.issuer.get()}api/v2/logs?from=${encodeURIComponent(next)}&take=${take}`;
            call.reply.header('link', `<${url}>; rel="next"`);
          }
          return entries.map(shape);
        }
        if (query.q !== undefined && query.search !== undefined && query.q !== query.search) {
          throw mgmtErrors.invalidQuery("'send either q or search, not both' on property q");
        }
        const request = pageRequest(query, { maxRecords: 1000 });
        const page = logs.list({
          ...parseLogSearch(query.search ?? query.q),
          order: query.sort === 'date:1' ? 'oldest-first' : 'newest-first',
          offset: request.page * request.perPage,
          limit: request.perPage,
        });
        return pageBody('logs', page.entries.map(shape), page.total, request, { withLength: true });
      },
    },
    {
      method: 'GET',
      url: '/logs/:id',
      scopes: ['read:logs', 'read:logs_users'],
      handler(call) {
        const entry = logs.find(call.params['id'] ?? '');
        if (!entry) throw mgmtErrors.notFound('log', 'inexistent_log');
        return toLogWire(entry);
      },
    },
  ];
}
