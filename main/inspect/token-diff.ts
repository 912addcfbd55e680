import { describeClaim } from '../../common/claims/claim-descriptions';
import type { ClaimChange, TokenDiff } from '../../common/ipc/inspect.contract';
import type { Claims } from '../../common/ipc/session.schema';
import type { TokenAnatomy } from './token-anatomy';

/**
 * Compares two decoded tokens claim by claim, then header member by header member: what the second token
 * added, removed or changed. Values compare structurally, so `["a","b"]` equals `["a","b"]`.
 */
export function diffTokens(before: TokenAnatomy, after: TokenAnatomy): TokenDiff {
  const claims = diffRecords('claims', before.claims ?? {}, after.claims ?? {});
  const header = diffRecords('header', before.header ?? {}, after.header ?? {});
  return { changes: [...claims.changes, ...header.changes], unchanged: claims.unchanged };
}

function diffRecords(part: ClaimChange['part'], before: Claims, after: Claims): TokenDiff {
  const changes: ClaimChange[] = [];
  const unchanged: string[] = [];
  const names = [...Object.keys(before), ...Object.keys(after).filter((name) => !Object.hasOwn(before, name))];
  for (const name of names) {
    const inBefore = Object.hasOwn(before, name);
    const inAfter = Object.hasOwn(after, name);
    const meaning =
      part === 'header' ? headerMeaning(name) : (describeClaim(name)?.meaning ?? 'Not a registered claim.');
    if (inBefore && !inAfter) {
      changes.push({ part, name, change: 'removed', before: before[name], meaning });
    } else if (!inBefore && inAfter) {
      changes.push({ part, name, change: 'added', after: after[name], meaning });
    } else if (canonical(before[name]) !== canonical(after[name])) {
      changes.push({ part, name, change: 'changed', before: before[name], after: after[name], meaning });
    } else {
      unchanged.push(name);
    }
  }
  return { changes, unchanged };
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

// RFC 7515 §4.1: the header members a support engineer usually meets.
const headerMeanings: Readonly<Record<string, string>> = {
  alg: 'Signing algorithm.',
  kid: 'Which of the issuer’s keys signed the token; a change usually means the keys rotated.',
  typ: 'The token’s media type.',
};

function headerMeaning(name: string): string {
  return Object.hasOwn(headerMeanings, name) ? (headerMeanings[name] as string) : 'A header member.';
}
