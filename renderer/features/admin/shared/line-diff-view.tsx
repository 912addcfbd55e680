import { Text, VisuallyHidden } from '@mantine/core';
import { foldUnchanged, textDiff, type FoldedLine, type TextDiffLine } from '../staging/text-diff';
import classes from './line-diff.module.css';

const plural = (count: number, word: string) => `${count} line${count === 1 ? '' : 's'} ${word}`;

/** How many lines were removed and added, for a one-line summary ("2 lines removed, 3 added"). */
function diffCounts(lines: readonly TextDiffLine[]) {
  return {
    removed: lines.filter((line) => line.kind === 'removed').length,
    added: lines.filter((line) => line.kind === 'added').length,
  };
}

/**
 * A line diff from `before` to `after` (the `diff` package's Myers diff), with a one-line count of what changed.
 */
export function LineDiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const lines = textDiff(before, after);
  const { removed, added } = diffCounts(lines);
  if (removed === 0 && added === 0) return <Text size="sm">No difference: the scripts are the same.</Text>;
  return (
    <div>
      <Text size="sm">
        {plural(removed, 'removed')}, {plural(added, 'added')}.
      </Text>
      <DiffLines lines={lines} label={label} />
    </div>
  );
}

/** A line diff with long unchanged stretches folded, for the tray where many diffs stand together. */
export function FoldedLineDiffView({ before, after, label }: { before: string; after: string; label: string }) {
  return <DiffLines lines={foldUnchanged(textDiff(before, after))} label={label} />;
}

/**
 * The lines themselves, as `diff -u` readers know them: "−" in <del>, "+" in <ins>, with hidden words for
 * screen readers; the tints only repeat what the signs say. A named, focusable region: long diffs scroll,
 * so keyboard users must be able to reach them.
 */
function DiffLines({ lines, label }: { lines: readonly FoldedLine[]; label: string }) {
  return (
    <ol className={classes.diff} aria-label={label} tabIndex={0}>
      {lines.map((line, index) => (
        <li key={index}>
          {line.kind === 'fold' && (
            <span className={classes.line}>
              … {line.count} unchanged line{line.count === 1 ? '' : 's'}
            </span>
          )}
          {line.kind === 'same' && (
            <span className={classes.line}>
              <span className={classes.sign} aria-hidden>
                {' '}
              </span>
              {line.text}
            </span>
          )}
          {line.kind === 'removed' && (
            <del className={`${classes.line} ${classes.removed}`}>
              <span className={classes.sign} aria-hidden>
                −
              </span>
              <VisuallyHidden>Removed: </VisuallyHidden>
              {line.text}
            </del>
          )}
          {line.kind === 'added' && (
            <ins className={`${classes.line} ${classes.added}`}>
              <span className={classes.sign} aria-hidden>
                +
              </span>
              <VisuallyHidden>Added: </VisuallyHidden>
              {line.text}
            </ins>
          )}
        </li>
      ))}
    </ol>
  );
}
