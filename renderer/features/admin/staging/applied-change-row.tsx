import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { ErrorCallout } from '../../../components/error-callout';
import { LoadingLine } from '../shared/loading-line';
import { areaWords, titleInTextColour } from './area-words';
import { FieldDiffView } from './field-diff-view';
import type { AppliedChange } from './staged-change';

export interface AppliedChangeRowProps {
  entry: AppliedChange;
  /** Only the newest apply of a target can be undone in one step. */
  isNewest: boolean;
  onUndo(): void;
  onStageUndo(): void;
  onForget(): void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** An applied change with its one-step Undo, or why Undo would now overwrite someone else's change. */
export function AppliedChangeRow({ entry, isNewest, onUndo, onStageUndo, onForget }: AppliedChangeRowProps) {
  const titleId = useId();
  const { state } = entry;
  return (
    <Paper withBorder radius="sm" p="sm" component="li" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text size="sm" id={titleId}>
            {areaWords[entry.area]}: <strong>{entry.title}</strong> · applied at {timeFormat.format(entry.appliedAt)}
          </Text>
          <Group gap="xs">
            {isNewest && state.kind !== 'changed-since' && (
              <Button
                size="xs"
                variant="default"
                onClick={onUndo}
                loading={state.kind === 'undoing'}
                aria-describedby={titleId}
              >
                Undo
              </Button>
            )}
            <Button size="xs" variant="subtle" onClick={onForget} aria-describedby={titleId}>
              Forget
            </Button>
          </Group>
        </Group>
        {state.kind === 'undoing' && <LoadingLine label="Checking the tenant and putting the old values back…" />}
        {state.kind === 'failed' && <ErrorCallout error={state.error} />}
        {state.kind === 'changed-since' && (
          <Alert
            color="orange"
            variant="outline"
            styles={titleInTextColour}
            title="Not undone: it changed after you applied it"
          >
            <Stack gap="xs">
              <Text size="sm">
                Someone changed it since, so undoing now would silently drop their change. Nothing was written.
              </Text>
              <FieldDiffView
                before={entry.after}
                after={state.live}
                label={`Changes since your apply of ${entry.title}`}
              />
              <Group gap="xs">
                <Button size="xs" onClick={onStageUndo}>
                  Stage the undo as a change to review
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
