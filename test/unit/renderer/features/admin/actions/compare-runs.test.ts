import { describe, expect, it } from 'vitest';
import type { DryRunReport } from '../../../../../../common/admin/dry-run.schema';
import { compareRuns } from '../../../../../../renderer/features/admin/actions/assistant/compare-runs';

const report = (patch: Partial<DryRunReport> = {}): DryRunReport => ({
  outcome: 'allow',
  accessTokenClaims: {},
  accessTokenScope: ['openid', 'profile'],
  idTokenClaims: {},
  provenance: [],
  dropped: [],
  console: [],
  scripts: [],
  ...patch,
});

describe('compareRuns', () => {
  it('matches equal runs item by item, scope as a set', () => {
    const rows = compareRuns(
      report({ idTokenClaims: { 'https://ns/a': ['x'] } }),
      report({ idTokenClaims: { 'https://ns/a': ['x'] }, accessTokenScope: ['profile', 'openid'] }),
    );
    expect(rows.map((row) => [row.label, row.matches])).toEqual([
      ['Outcome', true],
      ['Granted scope', true],
      ['ID token: https://ns/a', true],
    ]);
  });

  it('marks a claim only one side set, a different value, and a different outcome and error', () => {
    const rows = compareRuns(
      report({
        outcome: 'deny',
        error: { status: 401, error: 'unauthorized', errorDescription: 'no' },
        accessTokenClaims: { 'https://ns/b': 1, 'https://ns/c': 'same' },
      }),
      report({ accessTokenClaims: { 'https://ns/b': 2, 'https://ns/c': 'same' } }),
    );
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey['outcome']).toMatchObject({ rule: '"deny"', action: '"allow"', matches: false });
    expect(byKey['error']).toMatchObject({ rule: '"unauthorized"', action: undefined, matches: false });
    expect(byKey['access:https://ns/b']).toMatchObject({ rule: '1', action: '2', matches: false });
    expect(byKey['access:https://ns/c']?.matches).toBe(true);
  });
});
