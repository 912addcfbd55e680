import { Text, VisuallyHidden } from '@mantine/core';
import { diffCounts, type DiffLine } from './line-diff';
import classes from './rules.module.css';

const plural = (count: number, word: string) => `${count} line${count === 1 ? '' : 's'} ${word}`;

/**
 * A line diff as `diff -u` readers know it: "−" for removed lines, "+" for added ones, in <del> and <ins>.
 * The signs (and hidden words for screen readers) carry the meaning; the tints only repeat it.
 */
export function LineDiffView({ lines, label }: { lines: readonly DiffLine[]; label: string }) {
  const { removed, added } = diffCounts(lines);
  if (removed === 0 && added === 0) return <Text size="sm">No difference: the scripts are the same.</Text>;
  return (
    <div>
      <Text size="sm">
        {plural(removed, 'removed')}, {plural(added, 'added')}.
      </Text>
      {/* A named, focusable region: long diffs scroll, so keyboard users must be able to reach them. */}
      <ol className={classes.diff} aria-label={label} tabIndex={0}>
        {lines.map((line, index) => (
          <li key={index}>
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
    </div>
  );
}
