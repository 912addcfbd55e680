/** Whether `granted` holds any one of `needs` (the Management API's "expected any of" rule). */
export function hasAnyScope(granted: readonly string[], needs: readonly string[]): boolean {
  return needs.some((scope) => granted.includes(scope));
}

/** One resource and what the step-up may do with it: `users` → `read, update, delete`. */
export interface ScopeGroup {
  readonly resource: string;
  readonly verbs: readonly string[];
}

const verbOrder = ['read', 'create', 'update', 'delete'];

/**
 * Management API scopes (`verb:resource`) grouped by resource, so "what admin mode allows" reads as a short
 * table rather than thirty codes. Scopes not in that shape are kept whole under their own name.
 */
export function groupScopes(scopes: readonly string[]): ScopeGroup[] {
  const groups = new Map<string, string[]>();
  for (const scope of scopes) {
    const match = /^([a-z]+):(.+)$/.exec(scope);
    const resource = match?.[2] ?? scope;
    const verb = match?.[1] ?? 'use';
    groups.set(resource, [...(groups.get(resource) ?? []), verb]);
  }
  const rank = (verb: string) => (verbOrder.includes(verb) ? verbOrder.indexOf(verb) : verbOrder.length);
  return [...groups.entries()]
    .map(([resource, verbs]) => ({ resource, verbs: [...new Set(verbs)].sort((a, b) => rank(a) - rank(b)) }))
    .sort((a, b) => a.resource.localeCompare(b.resource));
}
