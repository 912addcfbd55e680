import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { DiffTokenRef } from '../../../common/ipc/inspect.contract';
import { inspectDiff } from '../../api/gatehouse';
import { appErrorOf, unwrap } from '../../api/query-client';
import { ErrorCallout } from '../../components/error-callout';
import { DiffTable } from './diff-table';

type Choice = 'access' | 'id' | 'previous' | 'paste';

const choices: { value: Choice; label: string }[] = [
  { value: 'previous', label: 'My access token before the last refresh' },
  { value: 'access', label: 'My access token' },
  { value: 'id', label: 'My ID token' },
  { value: 'paste', label: 'A pasted token' },
];

const labels: Record<Choice, string> = {
  previous: 'Before the last refresh',
  access: 'My access token',
  id: 'My ID token',
  paste: 'Pasted token',
};

function refOf(choice: Choice, pasted: string): DiffTokenRef {
  if (choice === 'paste') return pasted;
  if (choice === 'previous') return { source: 'previous' };
  return { source: 'session', which: choice };
}

function SideChoice({
  label,
  choice,
  pasted,
  onChoice,
  onPasted,
}: {
  label: string;
  choice: Choice;
  pasted: string;
  onChoice: (choice: Choice) => void;
  onPasted: (token: string) => void;
}) {
  return (
    <Stack gap="xs">
      <NativeSelect
        label={label}
        data={choices}
        value={choice}
        onChange={(event) =>
          onChoice(choices.find((item) => item.value === event.currentTarget.value)?.value ?? 'access')
        }
      />
      {choice === 'paste' && (
        <Textarea
          label={`${label}: token`}
          autosize
          minRows={2}
          maxRows={6}
          spellCheck={false}
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={pasted}
          onChange={(event) => onPasted(event.currentTarget.value)}
        />
      )}
    </Stack>
  );
}

interface Compared {
  readonly before: DiffTokenRef;
  readonly after: DiffTokenRef;
  readonly labels: readonly [string, string];
}

/**
 * Compares two tokens claim by claim: the session's own (named, looked up in main), a pasted one, or the
 * access token before the last refresh, whose claims main keeps (the token itself is gone).
 */
export function TokenDiffView() {
  const [before, setBefore] = useState<Choice>('previous');
  const [after, setAfter] = useState<Choice>('access');
  const [pastedBefore, setPastedBefore] = useState('');
  const [pastedAfter, setPastedAfter] = useState('');
  const [compared, setCompared] = useState<Compared | null>(null);
  const diff = useQuery({
    queryKey: ['inspect', 'diff', compared],
    queryFn: () => unwrap(inspectDiff(compared?.before ?? '', compared?.after ?? '')),
    enabled: compared !== null,
    staleTime: 0,
    gcTime: 0,
  });

  const compare = (event: FormEvent) => {
    event.preventDefault();
    const next: Compared = {
      before: refOf(before, pastedBefore),
      after: refOf(after, pastedAfter),
      labels: [labels[before], labels[after]],
    };
    // The same pair again (after a refresh, say) must ask main again, not show the cached answer.
    if (JSON.stringify(next) === JSON.stringify(compared)) void diff.refetch();
    else setCompared(next);
  };
  const failure = appErrorOf(diff.error);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="token-diff-heading">
      <form onSubmit={compare} noValidate>
        <Stack gap="sm">
          <Title order={2} id="token-diff-heading">
            Compare two tokens
          </Title>
          <SimpleGrid cols={2}>
            <SideChoice
              label="Before"
              choice={before}
              pasted={pastedBefore}
              onChoice={setBefore}
              onPasted={setPastedBefore}
            />
            <SideChoice
              label="After"
              choice={after}
              pasted={pastedAfter}
              onChoice={setAfter}
              onPasted={setPastedAfter}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={diff.isFetching}>
              Compare
            </Button>
          </Group>
          {failure && <ErrorCallout error={failure} />}
          {diff.isFetching && <Text size="sm">Comparing…</Text>}
          {diff.data && compared && !diff.isFetching && (
            <DiffTable diff={diff.data} beforeLabel={compared.labels[0]} afterLabel={compared.labels[1]} />
          )}
        </Stack>
      </form>
    </Paper>
  );
}
