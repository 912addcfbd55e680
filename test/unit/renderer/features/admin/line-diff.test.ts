import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffCounts, diffLines, type DiffLine } from '../../../../../renderer/features/admin/rules/line-diff';

const lines = (text: string) => (text === '' ? [] : text.split('\n'));
const before = (diff: readonly DiffLine[]) => diff.filter((line) => line.kind !== 'added').map((line) => line.text);
const after = (diff: readonly DiffLine[]) => diff.filter((line) => line.kind !== 'removed').map((line) => line.text);

/** The longest common subsequence length, by the textbook table: the reference the diff must reach. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = table[i] as number[];
      const previous = table[i - 1] as number[];
      row[j] = a[i - 1] === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, row[j - 1] ?? 0);
    }
  }
  return table[a.length]?.[b.length] ?? 0;
}

// Few distinct lines, so generated scripts share many lines and the alignment matters.
const script = fc.array(fc.constantFrom('a', 'b', 'c', '  callback(null, user, context);', ''), { maxLength: 12 });

describe('diffLines', () => {
  it('shows a one-line edit as that line removed and its replacement added, the rest kept', () => {
    const diff = diffLines('function (user) {\n  a = 1;\n}', 'function (user) {\n  a = 2;\n}');
    expect(diff).toEqual([
      { kind: 'same', text: 'function (user) {' },
      { kind: 'removed', text: '  a = 1;' },
      { kind: 'added', text: '  a = 2;' },
      { kind: 'same', text: '}' },
    ]);
    expect(diffCounts(diff)).toEqual({ removed: 1, added: 1 });
  });

  it('reports no change for equal scripts, and treats CRLF like LF', () => {
    expect(diffCounts(diffLines('x\r\ny', 'x\ny'))).toEqual({ removed: 0, added: 0 });
  });

  it('rebuilds both scripts exactly and keeps as many lines as the longest common subsequence', () => {
    fc.assert(
      fc.property(script, script, (a, b) => {
        const diff = diffLines(a.join('\n'), b.join('\n'));
        expect(before(diff)).toEqual(lines(a.join('\n')));
        expect(after(diff)).toEqual(lines(b.join('\n')));
        const kept = diff.filter((line) => line.kind === 'same').length;
        expect(kept).toBe(lcsLength(lines(a.join('\n')), lines(b.join('\n'))));
      }),
      { numRuns: 500 },
    );
  });

  it('shows a huge rewrite as all removed then all added instead of filling a 9-million-cell table', () => {
    // Reversed, the two scripts share one line at best; the aligned diff would keep it, the fallback does not.
    const a = Array.from({ length: 3000 }, (_, index) => `line ${index}`);
    const diff = diffLines(a.join('\n'), [...a].reverse().join('\n'));
    expect(diffCounts(diff)).toEqual({ removed: 3000, added: 3000 });
    expect(diff.slice(0, 3000).every((line) => line.kind === 'removed')).toBe(true);
  });
});
