import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { ErrorCallout } from '../../../components/error-callout';
import { LoadingLine } from '../shared/loading-line';
import { areaWords } from './area-words';
import { ConflictView } from './conflict-view';
import { FieldDiffView } from './field-diff-view';
import type { StagedChange } from './staged-change';

export interface StagedChangeCardProps {
  change: StagedChange;
  /** Another change is being applied: one write at a time. */
  isLocked: boolean;
  onApply(): void;
  onDiscard(): void;
  onRebase(): void;
}

/** One pending change: its title, the diff against what the tenant holds now, and apply or discard. */
export function StagedChangeCard({ change, isLocked, onApply, onDiscard, onRebase }: StagedChangeCardProps) {
  const titleId = useId();
  const { state } = change;
  const isBusy = state.kind === 'applying' || state.kind === 'checking';
  // Until the first re-read answers, the diff is against the tenant as it was when the draft was made.
  const from = change.live ?? change.base;

  return (
    <Paper withBorder radius="sm" p="sm" component="li" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" align="flex-start">
          <Group gap="xs">
            <Badge variant="light" color="gray">
              {areaWords[change.area]}
            </Badge>
            <Text fw={600} id={titleId}>
              {change.title}
            </Text>
          </Group>
          {state.kind !== 'conflict' && (
            <Group gap="xs">
              <Button
                size="xs"
                onClick={onApply}
                loading={state.kind === 'applying'}
                disabled={isLocked || isBusy}
                aria-describedby={titleId}
              >
                {state.kind === 'failed' ? 'Try again' : 'Apply'}
              </Button>
              <Button size="xs" variant="default" onClick={onDiscard} disabled={isBusy} aria-describedby={titleId}>
                Discard
              </Button>
            </Group>
          )}
        </Group>
        {state.kind === 'checking' && <LoadingLine label="Reading what the tenant holds now…" />}
        {state.kind === 'applying' && <LoadingLine label="Checking the tenant again and applying…" />}
        {state.kind === 'failed' && (
          <>
            <Text size="sm">Not applied. Your draft is kept; try again or discard it.</Text>
            <ErrorCallout error={state.error} />
          </>
        )}
        {state.kind === 'conflict' ? (
          <ConflictView change={change} live={state.live} onRebase={onRebase} onDiscard={onDiscard} />
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {change.live === undefined
                ? 'Compared with the tenant when you made the draft (not re-read yet).'
                : 'Compared with what the tenant holds now.'}
            </Text>
            <FieldDiffView
              before={from}
              after={change.draft}
              label={`Changes to ${change.title}`}
              sameText="Nothing to change: the tenant already holds this."
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
