import { childPath } from './field-diff';
import { jsonEqual } from './json-equal';
import type { Json } from './staged-change';

type JsonObject = { readonly [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A three-way merge for "re-base onto the current tenant": the draft's own edits (where it differs from
 * `base`) laid over what the tenant holds now (`live`). A field only the tenant changed keeps the tenant's
 * value, so re-basing never silently reverts someone else's edit; a field both changed takes the draft's
 * (the admin re-bases to keep their edit). Objects merge key by key; lists and strings are taken whole.
 * `undefined` means "absent": a key the draft removed stays removed.
 */
export function rebaseDraft(base: Json | undefined, draft: Json | undefined, live: Json | undefined): Json | undefined {
  if (jsonEqual(base, draft)) return live;
  if (jsonEqual(base, live)) return draft;
  if (isObject(base) && isObject(draft) && isObject(live)) {
    const keys = new Set([...Object.keys(live), ...Object.keys(draft), ...Object.keys(base)]);
    const merged: Record<string, Json> = {};
    for (const key of keys) {
      const value = rebaseDraft(base[key], draft[key], live[key]);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  return draft;
}

/** The paths both the draft and the tenant changed from `base`: where re-basing keeps the draft over theirs. */
export function overlappingEdits(
  base: Json | undefined,
  draft: Json | undefined,
  live: Json | undefined,
  path = '',
): string[] {
  if (jsonEqual(base, draft) || jsonEqual(base, live) || jsonEqual(draft, live)) return [];
  if (isObject(base) && isObject(draft) && isObject(live)) {
    const keys = new Set([...Object.keys(live), ...Object.keys(draft), ...Object.keys(base)]);
    return [...keys].flatMap((key) => overlappingEdits(base[key], draft[key], live[key], childPath(path, key)));
  }
  return [path === '' ? '(value)' : path];
}
