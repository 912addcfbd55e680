import { diffLines } from 'diff';

/** One line of a text diff: in both texts, only in the old one, or only in the new one. */
export interface TextDiffLine {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/** A line diff (the `diff` package's Myers diff), one entry per line, removed lines before their replacement. */
export function textDiff(before: string, after: string): TextDiffLine[] {
  return diffLines(before.replace(/\r\n?/g, '\n'), after.replace(/\r\n?/g, '\n')).flatMap((part) => {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const lines = part.value.endsWith('\n') ? part.value.slice(0, -1).split('\n') : part.value.split('\n');
    return lines.map((text) => ({ kind, text }) as const);
  });
}

/** Unchanged lines further than this from a change fold into "… N unchanged lines": a script is long. */
const contextLines = 3;

export type FoldedLine = TextDiffLine | { readonly kind: 'fold'; readonly count: number };

/** Keeps the changed lines and `contextLines` around each; the rest becomes a count, as `diff -u` does. */
export function foldUnchanged(lines: readonly TextDiffLine[]): FoldedLine[] {
  const near = lines.map((_, index) =>
    lines.slice(Math.max(0, index - contextLines), index + contextLines + 1).some((line) => line.kind !== 'same'),
  );
  const folded: FoldedLine[] = [];
  lines.forEach((line, index) => {
    if (near[index]) return folded.push(line);
    const last = folded.at(-1);
    if (last?.kind === 'fold') folded[folded.length - 1] = { kind: 'fold', count: last.count + 1 };
    else folded.push({ kind: 'fold', count: 1 });
  });
  return folded;
}
