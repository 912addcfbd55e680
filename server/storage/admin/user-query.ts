/**
 * A parsed user search (`GET /api/v2/users?q=…`, auth0-wire.md §7.4), compiled here to a parameterised
 * SQL condition. The parser lives in server/management/user-search.ts; nothing from the query text is
 * ever spliced into SQL, only bound.
 */

/** Plain text fields, matched case-insensitively. */
export const textFields = ['email', 'name', 'nickname', 'username', 'given_name', 'family_name'] as const;
export type TextField = (typeof textFields)[number];

export type UserQuery =
  | { readonly kind: 'and' | 'or'; readonly items: readonly UserQuery[] }
  | { readonly kind: 'not'; readonly item: UserQuery }
  | { readonly kind: 'text-field'; readonly field: TextField; readonly value: string; readonly prefix: boolean }
  | { readonly kind: 'connection'; readonly value: string }
  | { readonly kind: 'user-id'; readonly value: string; readonly prefix: boolean }
  | { readonly kind: 'flag'; readonly field: 'email_verified' | 'blocked'; readonly value: boolean }
  | { readonly kind: 'logins-count'; readonly value: number }
  | {
      readonly kind: 'metadata';
      readonly column: 'user_metadata' | 'app_metadata';
      readonly path: readonly string[];
      readonly value: string;
    }
  | { readonly kind: 'exists'; readonly field: TextField }
  | { readonly kind: 'free-text'; readonly value: string };

/** A compiled condition over the `users` table aliased `u`. */
export interface CompiledQuery {
  readonly sql: string;
  readonly params: readonly (string | number)[];
}

/** `%` and `_` are LIKE wildcards; escape them (and the escape character) so user text matches literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A JSON path for `json_extract` from plain key segments; every segment is quoted, so none can escape. */
function jsonPath(path: readonly string[]): string {
  return `$${path.map((segment) => `."${segment.replace(/["\\]/g, '')}"`).join('')}`;
}

/** Compiles `query` (or everything, when undefined) to SQL with positional parameters. */
export function compileUserQuery(query: UserQuery | undefined): CompiledQuery {
  if (query === undefined) return { sql: '1 = 1', params: [] };
  switch (query.kind) {
    case 'and':
    case 'or': {
      // An empty AND matches everyone and an empty OR no one, as in logic (and never "()" in SQL).
      if (query.items.length === 0) return { sql: query.kind === 'and' ? '1 = 1' : '1 = 0', params: [] };
      const parts = query.items.map(compileUserQuery);
      return {
        sql: `(${parts.map((part) => part.sql).join(query.kind === 'and' ? ' AND ' : ' OR ')})`,
        params: parts.flatMap((part) => part.params),
      };
    }
    case 'not': {
      const inner = compileUserQuery(query.item);
      return { sql: `NOT (${inner.sql})`, params: inner.params };
    }
    case 'text-field':
      return query.prefix
        ? { sql: `u.${query.field} LIKE ? ESCAPE '\\'`, params: [`${likeLiteral(query.value)}%`] }
        : { sql: `u.${query.field} = ? COLLATE NOCASE`, params: [query.value] };
    case 'connection':
      return { sql: 'u.connection_id IN (SELECT id FROM connections WHERE name = ?)', params: [query.value] };
    case 'user-id': {
      const id = query.value.startsWith('auth0|') ? query.value.slice('auth0|'.length) : query.value;
      return query.prefix
        ? { sql: `u.id LIKE ? ESCAPE '\\'`, params: [`${likeLiteral(id)}%`] }
        : { sql: 'u.id = ?', params: [id] };
    }
    case 'flag':
      return { sql: `u.${query.field} = ?`, params: [query.value ? 1 : 0] };
    case 'logins-count':
      return { sql: 'u.logins_count = ?', params: [query.value] };
    case 'metadata': {
      // JSON true/false come back from json_extract as 1/0; compare as text so "42" finds 42 too.
      const alias = query.value === 'true' ? '1' : query.value === 'false' ? '0' : query.value;
      return {
        sql: `CAST(json_extract(u.${query.column}, ?) AS TEXT) IN (?, ?)`,
        params: [jsonPath(query.path), query.value, alias],
      };
    }
    case 'exists':
      return { sql: `(u.${query.field} IS NOT NULL AND u.${query.field} <> '')`, params: [] };
    case 'free-text': {
      const like = `%${likeLiteral(query.value)}%`;
      const fields = ['u.email', 'u.name', 'u.nickname', 'u.username', 'u.id'];
      return {
        sql: `(${fields.map((field) => `${field} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
        params: fields.map(() => like),
      };
    }
  }
}
