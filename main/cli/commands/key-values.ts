import { err, ok, type Result } from '../../../common/result';

/** `k=v` flags (repeatable) into a record; the first `=` splits, so values may contain `=`. */
export function parseKeyValues(pairs: readonly string[]): Result<Record<string, string>, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) return err(`expected k=v, got “${pair}”.`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return ok(out);
}
