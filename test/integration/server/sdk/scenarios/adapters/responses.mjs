// Shared by the adapters: the response headers the tests look at (the rest is noise in the result).

const KEPT = /^(x-ratelimit-|content-type$|retry-after$|link$)/;

/** The rate-limit, paging and content-type headers of a fetch `Headers` object. */
export function pickHeaders(headers) {
  const kept = {};
  if (headers === undefined || headers === null || typeof headers.forEach !== 'function') return kept;
  headers.forEach((value, name) => {
    if (KEPT.test(name.toLowerCase())) kept[name.toLowerCase()] = value;
  });
  return kept;
}
