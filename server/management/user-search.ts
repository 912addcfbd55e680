import type { TextField, UserQuery } from '../storage/admin/user-query';
import { textFields } from '../storage/admin/user-query';
import { mgmtErrors, printable } from './errors';
import type { LuceneNode } from './lucene';
import { parseLucene } from './lucene';

function fail(reason: string): never {
  throw mgmtErrors.invalidQuery(`'${printable(reason)}' on property q`);
}

function isTextField(field: string): field is TextField {
  return (textFields as readonly string[]).includes(field);
}

function flag(field: 'email_verified' | 'blocked', value: string): UserQuery {
  if (value !== 'true' && value !== 'false') fail(`${field} must be true or false`);
  return { kind: 'flag', field, value: value === 'true' };
}

/** `user_metadata.plan` → the column and the key path, each key a plain identifier. */
function metadata(field: string, value: string): UserQuery | undefined {
  const match = /^(user_metadata|app_metadata)\.(.+)$/.exec(field);
  if (!match) return undefined;
  const path = (match[2] ?? '').split('.');
  if (path.length > 5 || !path.every((segment) => /^[A-Za-z0-9_-]{1,64}$/.test(segment))) {
    fail(`unsupported metadata path in ${field}`);
  }
  return { kind: 'metadata', column: match[1] as 'user_metadata' | 'app_metadata', path, value };
}

function term(field: string | undefined, value: string, prefix: boolean): UserQuery {
  if (field === undefined) {
    if (value === '') fail('empty search term');
    return { kind: 'free-text', value };
  }
  if (field === '_exists_') {
    if (!isTextField(value)) fail(`_exists_ is supported for ${textFields.join(', ')}`);
    return { kind: 'exists', field: value };
  }
  if (isTextField(field)) return { kind: 'text-field', field, value, prefix };
  switch (field) {
    case 'identities.connection':
      return { kind: 'connection', value };
    case 'user_id':
    case 'identities.user_id':
      return { kind: 'user-id', value, prefix };
    case 'email_verified':
    case 'blocked':
      return flag(field, value);
    case 'logins_count':
      if (!/^\d{1,9}$/.test(value)) fail('logins_count must be a whole number');
      return { kind: 'logins-count', value: Number(value) };
    case 'identities.provider':
    case 'identities.isSocial':
      // Every user here is a database (`auth0`) identity; matching those values selects everyone.
      if (value === 'auth0' || value === 'false') return { kind: 'and', items: [] };
      return { kind: 'or', items: [] };
  }
  return metadata(field, value) ?? fail(`unsupported field in q: ${field}`);
}

function convert(node: LuceneNode): UserQuery {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, items: node.items.map(convert) };
    case 'not':
      return { kind: 'not', item: convert(node.item) };
    case 'range':
      return fail('ranges are not supported in user search');
    case 'term':
      return term(node.field, node.value, node.prefix);
  }
}

/**
 * Parses a user search `q` (auth0-wire.md §7.4): at least `identities.connection:"name"`, `email:"…"` and
 * free text, plus the other profile fields, `user_metadata.*` / `app_metadata.*`, `_exists_`, AND/OR/NOT
 * and parentheses. Unsupported fields are `400 invalid_query_string` rather than silently ignored.
 */
export function parseUserSearch(q: string | undefined): UserQuery | undefined {
  const node = parseLucene(q);
  return node === undefined ? undefined : convert(node);
}
