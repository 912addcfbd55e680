/** One line of a diff: kept in both, only in the old text (removed), or only in the new one (added). */
export interface DiffLine {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/**
 * Above this many cells (old lines × new lines, after the common start and end are set aside), the middle
 * is shown as all removed then all added instead of aligned: the table would cost too much memory for a
 * script nobody reads line by line anyway. 4M cells of 4 bytes is 16 MiB.
 */
const maxCells = 4_000_000;

function splitLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
}

/**
 * A line diff from `before` to `after` by longest common subsequence, the way `diff` shows it: each line
 * once, removed lines before the added lines that replace them. The common start and end are matched first,
 * so a one-line edit in a long script stays cheap.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    tail += 1;
  }
  const same = (lines: string[]): DiffLine[] => lines.map((text) => ({ kind: 'same', text }));
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  return [...same(a.slice(0, head)), ...diffMiddle(middleA, middleB), ...same(a.slice(a.length - tail))];
}

function diffMiddle(a: readonly string[], b: readonly string[]): DiffLine[] {
  const removed = (text: string): DiffLine => ({ kind: 'removed', text });
  const added = (text: string): DiffLine => ({ kind: 'added', text });
  if (a.length === 0 || b.length === 0 || a.length * b.length > maxCells) {
    return [...a.map(removed), ...b.map(added)];
  }
  // lengths[i * width + j]: the LCS length of a[i..] and b[j..].
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lineA = a[i] ?? '';
    const lineB = b[j] ?? '';
    if (lineA === lineB) {
      out.push({ kind: 'same', text: lineA });
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      out.push(removed(lineA));
      i += 1;
    } else {
      out.push(added(lineB));
      j += 1;
    }
  }
  return [...out, ...a.slice(i).map(removed), ...b.slice(j).map(added)];
}

/** How many lines were removed and added, for a one-line summary ("2 lines removed, 3 added"). */
export function diffCounts(lines: readonly DiffLine[]): { removed: number; added: number } {
  return {
    removed: lines.filter((line) => line.kind === 'removed').length,
    added: lines.filter((line) => line.kind === 'added').length,
  };
}
