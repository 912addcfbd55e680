import { jsonEqual } from './json-equal';
import type { Json } from './staged-change';

type JsonObject = { readonly [key: string]: Json };

/** One field that differs between two JSON values, named by its flattened path. */
export type FieldDiff =
  | { readonly kind: 'added'; readonly path: string; readonly after: Json }
  | { readonly kind: 'removed'; readonly path: string; readonly before: Json }
  | { readonly kind: 'changed'; readonly path: string; readonly before: Json; readonly after: Json }
  /** A list of plain values (an allow-list, shields): which items went and came, not index by index. */
  | { readonly kind: 'list'; readonly path: string; readonly removed: readonly Json[]; readonly added: readonly Json[] }
  /** A long or multi-line string (a script): shown as a line diff. */
  | { readonly kind: 'text'; readonly path: string; readonly before: string; readonly after: string };

/** Strings longer than this, or with a line break, are shown as a line diff instead of "old → new". */
const longText = 80;

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPlain = (value: Json): boolean => value === null || typeof value !== 'object';

const isLongText = (value: Json | undefined): boolean =>
  typeof value === 'string' && (value.length > longText || value.includes('\n'));

/** `options.password_complexity_options.min_length`, `bindings[0].ref.name`, `stage["pre-login"].rate`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const plainKey = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (parent === '') return plainKey;
  return plainKey.startsWith('"') ? `${parent}[${plainKey}]` : `${parent}.${plainKey}`;
}

/**
 * The fields that differ from `before` to `after`, depth first in the order the keys appear (before's keys,
 * then keys only `after` has). Objects are walked key by key; lists of plain values are compared as sets of
 * items; lists holding objects are walked index by index, since their position is what names them.
 */
export function diffFields(before: Json | undefined, after: Json | undefined, path = ''): FieldDiff[] {
  if (jsonEqual(before, after)) return [];
  const label = path === '' ? '(value)' : path;
  if (before === undefined) return after === undefined ? [] : [{ kind: 'added', path: label, after }];
  if (after === undefined) return [{ kind: 'removed', path: label, before }];
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !(key in before))];
    return keys.flatMap((key) => diffFields(before[key], after[key], childPath(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const items = [...before, ...after] as Json[];
    if (items.every(isPlain)) {
      const missingFrom = (list: readonly Json[]) => (item: Json) => !list.some((other) => jsonEqual(other, item));
      const removed = before.filter(missingFrom(after));
      const added = after.filter(missingFrom(before));
      // Same items, other order: say so as a change of the whole list.
      if (removed.length === 0 && added.length === 0) return [{ kind: 'changed', path: label, before, after }];
      return [{ kind: 'list', path: label, removed, added }];
    }
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) =>
      diffFields(before[index] as Json | undefined, after[index] as Json | undefined, childPath(path, index)),
    ).flat();
  }
  if (typeof before === 'string' && typeof after === 'string' && (isLongText(before) || isLongText(after))) {
    return [{ kind: 'text', path: label, before, after }];
  }
  return [{ kind: 'changed', path: label, before, after }];
}

/** A value as one short line for the tray: strings quoted, lists and objects as compact JSON. */
export function showValue(value: Json): string {
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
