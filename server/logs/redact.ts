/**
 * Keys whose values are credentials (conventions.md "Logging"). Matched case-insensitively against
 * every key at any depth of an event's `details`.
 */
const credentialKey =
  /^(password|new_?password|old_?password|client_?secret|secret|token|access_?token|id_?token|refresh_?token|mfa_?token|otp|recovery_?code|binding_?code|oob_?code|authorization|cookie|client_?assertion|private_?(key|jwk))$/i;

const MAX_DEPTH = 6;
const MAX_STRING = 2_000;

/**
 * A copy of `value` without credential-named keys, with long strings cut and deep nesting dropped, so an
 * event cannot carry a password, a token or a request body by accident.
 */
export function redactDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value === null || typeof value !== 'object') {
    return typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
  }
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => redactDetails(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (credentialKey.test(key)) continue;
    const cleaned = redactDetails(item, depth + 1);
    if (cleaned !== undefined) out[key] = cleaned;
  }
  return out;
}
