import { describe, expect, it } from 'vitest';
import { foldUnchanged, textDiff } from '../../../../../../renderer/features/admin/staging/text-diff';

describe('textDiff', () => {
  it('gives one entry per line, the removed line before its replacement', () => {
    expect(textDiff('a\nb\nc\n', 'a\nB\nc\n')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('folds unchanged lines far from any change into a count', () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index}`).join('\n');
    const after = before.replace('line 10', 'LINE 10');
    const folded = foldUnchanged(textDiff(before, after));
    expect(folded[0]).toEqual({ kind: 'fold', count: 7 });
    expect(folded.at(-1)).toEqual({ kind: 'fold', count: 6 });
    expect(folded.filter((line) => line.kind === 'same')).toHaveLength(6);
  });
});
