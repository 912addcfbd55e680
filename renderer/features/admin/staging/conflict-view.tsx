import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { titleInTextColour } from './area-words';
import { FieldDiffView } from './field-diff-view';
import { overlappingEdits } from './rebase-draft';
import type { Json, StagedChange } from './staged-change';

export interface ConflictViewProps {
  change: StagedChange;
  live: Json;
  onRebase(): void;
  onDiscard(): void;
}

/**
 * The tenant changed under a draft: what changed there since the draft was made (base → live), what the
 * draft changes (base → draft), and the two ways out. Nothing is written until the admin picks one and applies.
 */
export function ConflictView({ change, live, onRebase, onDiscard }: ConflictViewProps) {
  const overlap = overlappingEdits(change.base, change.draft, live);
  return (
    <Alert
      color="orange"
      variant="outline"
      styles={titleInTextColour}
      title="The tenant changed since you made this draft"
    >
      <Stack gap="sm">
        <Text size="sm">
          Someone (or another tool) changed this after you started, so it was not applied. Applying your draft as it is
          would overwrite their change.
        </Text>
        <div>
          <Title order={5}>Changed in the tenant since your draft</Title>
          <FieldDiffView before={change.base} after={live} label={`Tenant changes to ${change.title}`} />
        </div>
        <div>
          <Title order={5}>Your draft changes</Title>
          <FieldDiffView before={change.base} after={change.draft} label={`Draft changes to ${change.title}`} />
        </div>
        <Text size="sm">
          <strong>Re-base</strong> keeps the tenant’s current values and lays your edits over them.
          {overlap.length > 0 && ` You both changed ${overlap.join(', ')}: re-basing keeps your value there.`}{' '}
          <strong>Discard</strong> drops your draft and leaves the tenant as it is.
        </Text>
        <Group gap="sm">
          <Button onClick={onRebase}>Re-base onto the current tenant</Button>
          <Button variant="default" onClick={onDiscard}>
            Discard my draft
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
