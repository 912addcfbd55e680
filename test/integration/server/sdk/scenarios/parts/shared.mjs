// Small helpers the scenario parts share.

/** The namespace of the claims the scenario's rules and actions add. */
export const NS = 'https://gatehouse.test/';

/** The items of a listing, whichever shape it came in (bare array, `include_totals` wrapper or Page). */
export function itemsOf(response, key) {
  if (Array.isArray(response.items)) return response.items;
  return Array.isArray(response.body) ? response.body : (response.body?.[key] ?? []);
}

/** Keeps only the status of a response. */
export const status = (response) => ({ status: response.status });
