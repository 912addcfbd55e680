import { Text, VisuallyHidden } from '@mantine/core';
import { diffFields, showValue, type FieldDiff } from './field-diff';
import type { Json } from './staged-change';
import classes from './staging.module.css';
import { FoldedLineDiffView } from '../shared/line-diff-view';

export interface FieldDiffViewProps {
  before: Json;
  after: Json;
  /** Names the list for screen readers: "Changes to Realm “employees”". */
  label: string;
  /** Said when nothing differs. */
  sameText?: string;
}

/** A field-level diff: one row per changed path, "old → new", lists by item, long text by line. */
export function FieldDiffView({ before, after, label, sameText = 'No difference.' }: FieldDiffViewProps) {
  const diffs = diffFields(before, after);
  if (diffs.length === 0) return <Text size="sm">{sameText}</Text>;
  return (
    <ul className={classes.fields} aria-label={label}>
      {diffs.map((diff) => (
        <li key={`${diff.kind}:${diff.path}`}>
          <FieldRow diff={diff} />
        </li>
      ))}
    </ul>
  );
}

/** `said` is what a screen reader hears before the value (the strike-through and tint are not read). */
function Old({ value, said = 'was ' }: { value: Json; said?: string }) {
  return (
    <del className={classes.before}>
      {said && <VisuallyHidden>{said}</VisuallyHidden>}
      {showValue(value)}
    </del>
  );
}

function New({ value, said = 'becomes ' }: { value: Json; said?: string }) {
  return (
    <ins className={classes.after}>
      {said && <VisuallyHidden>{said}</VisuallyHidden>}
      {showValue(value)}
    </ins>
  );
}

function FieldRow({ diff }: { diff: FieldDiff }) {
  const path = <span className={classes.path}>{diff.path}</span>;
  switch (diff.kind) {
    case 'added':
      return (
        <>
          {path} added: <New value={diff.after} said="" />
        </>
      );
    case 'removed':
      return (
        <>
          {path} removed: <Old value={diff.before} said="" />
        </>
      );
    case 'changed':
      return (
        <>
          {path}: <Old value={diff.before} /> <span aria-hidden>→</span> <New value={diff.after} />
        </>
      );
    case 'list':
      return (
        <>
          {path}:{' '}
          {diff.removed.map((item, index) => (
            <span key={`r${index}`}>
              <span aria-hidden>−</span>
              <Old value={item} said="removed " />{' '}
            </span>
          ))}
          {diff.added.map((item, index) => (
            <span key={`a${index}`}>
              <span aria-hidden>+</span>
              <New value={item} said="added " />{' '}
            </span>
          ))}
        </>
      );
    case 'text':
      return (
        <>
          {path} (text):
          <FoldedLineDiffView before={diff.before} after={diff.after} label={`Line changes in ${diff.path}`} />
        </>
      );
  }
}
