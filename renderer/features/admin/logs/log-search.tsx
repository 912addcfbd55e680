import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LogEvent } from '../../../../common/admin/log.schema';
import { adminSearchLogs } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { LoadingLine } from '../shared/loading-line';
import { Pager } from '../shared/pager';
import { useAdminLoad } from '../use-admin-load';
import { LogTable } from './log-table';

export interface LogQuery {
  readonly q: string;
  readonly page: number;
}

export interface LogSearchProps {
  query: LogQuery;
  onQuery: (query: LogQuery) => void;
  onOpen: (event: LogEvent) => void;
  focusOnMount: boolean;
}

const perPage = 20;

/** The tenant log, newest first, searched with Auth0's Lucene subset (`type:fp`, `user_name:"a@b.c"`). */
export function LogSearch({ query, onQuery, onOpen, focusOnMount }: LogSearchProps) {
  const [words, setWords] = useState(query.q);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const logs = useAdminLoad(['logs', query.q, query.page], () =>
    adminSearchLogs({ ...(query.q === '' ? {} : { q: query.q }), page: query.page, perPage, sort: 'date:-1' }),
  );

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onQuery({ q: words.trim(), page: 0 });
  };

  const page = logs.value;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={3} id={headingId} ref={headingRef} tabIndex={-1}>
          Log events
        </Title>
        <form onSubmit={submit} role="search" aria-label="Log events">
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Search the log"
              description='Field and value, for example type:fepft or user_name:"alice@example.com" (empty: everything)'
              value={words}
              onChange={(event) => setWords(event.currentTarget.value)}
              flex={1}
            />
            <Button type="submit" loading={logs.isLoading && logs.value !== undefined}>
              Search
            </Button>
          </Group>
        </form>
        {logs.error && <ErrorCallout error={logs.error} />}
        {page === undefined && logs.isLoading && <LoadingLine label="Loading log events…" />}
        {page !== undefined && (
          <>
            {page.items.length === 0 ? (
              <Text size="sm">No event matches this search.</Text>
            ) : (
              <LogTable events={page.items} labelledBy={headingId} onOpen={onOpen} />
            )}
            <Pager
              start={page.start}
              limit={page.limit}
              total={page.total}
              shown={page.items.length}
              noun={{ one: 'event', many: 'events' }}
              isLoading={logs.isLoading}
              onPage={(next) => onQuery({ q: query.q, page: next })}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
