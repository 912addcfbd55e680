import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { LogEvent } from '../../../../common/admin/log.schema';
import { LogSearch as LogSearchInput } from '../../../../common/admin/log.schema';
import { adminSearchLogs } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { LoadingLine } from '../shared/loading-line';
import { Pager } from '../shared/pager';
import { useAdminLoad } from '../use-admin-load';
import { eventGroups, luceneQuery, noFilters, type LogFilters } from './log-filters';
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
const Day = z.union([z.literal(''), z.iso.date()]);
const SearchForm = z.object({
  event: z.string(),
  user: z.string().max(320),
  realm: z.string().max(128),
  client: z.string().max(64),
  ip: z.string().max(64),
  from: Day,
  to: Day,
  q: LogSearchInput.shape.q.unwrap(),
});
type SearchForm = z.infer<typeof SearchForm>;
const filterNames = Object.keys(noFilters) as (keyof LogFilters)[];

/**
 * The tenant log, newest first. Filter controls (event type by plain name, user, realm, client, IP address,
 * dates) write Auth0's Lucene query, which stays visible and editable before the search runs.
 */
export function LogSearch({ query, onQuery, onOpen, focusOnMount }: LogSearchProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<SearchForm>({ resolver: zodResolver(SearchForm), defaultValues: { ...noFilters, q: query.q } });
  const logs = useAdminLoad(['logs', query.q, query.page], () =>
    adminSearchLogs({ ...(query.q === '' ? {} : { q: query.q }), page: query.page, perPage, sort: 'date:-1' }),
  );

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  // A change to any filter rewrites the query; typing in the query itself leaves the filters alone.
  const filterValues = useWatch({ control: form.control, name: filterNames });
  const built = luceneQuery(
    Object.fromEntries(filterNames.map((key, index) => [key, filterValues[index] ?? ''])) as Record<
      keyof LogFilters,
      string
    >,
  );
  const lastBuilt = useRef(built);
  useEffect(() => {
    if (built === lastBuilt.current) return;
    lastBuilt.current = built;
    form.setValue('q', built);
  }, [built, form]);

  const submit = form.handleSubmit((values) => onQuery({ q: values.q.trim(), page: 0 }));
  const { errors } = form.formState;
  const page = logs.value;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={3} id={headingId} ref={headingRef} tabIndex={-1}>
          Log events
        </Title>
        <form onSubmit={submit} role="search" aria-label="Log events" noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
              <Controller
                control={form.control}
                name="event"
                render={({ field }) => (
                  <Select
                    label="Event type"
                    placeholder="Any event"
                    clearable
                    data={Object.entries(eventGroups).map(([value, group]) => ({ value, label: group.label }))}
                    value={field.value === '' ? null : field.value}
                    onChange={(value) => field.onChange(value ?? '')}
                  />
                )}
              />
              <TextInput label="User" description="E-mail, username or user ID" {...form.register('user')} />
              <TextInput label="Realm" {...form.register('realm')} />
              <TextInput label="Client ID" {...form.register('client')} />
              <TextInput label="IP address" {...form.register('ip')} />
              <TextInput
                label="From (day)"
                type="date"
                error={errors.from && 'A day, or empty'}
                {...form.register('from')}
              />
              <TextInput label="To (day)" type="date" error={errors.to && 'A day, or empty'} {...form.register('to')} />
            </SimpleGrid>
            <Group align="flex-end" gap="sm">
              <TextInput
                label="Query"
                description='Built from the filters; edit it freely, e.g. type:fp AND user_name:"alice@example.com" (empty: everything)'
                error={errors.q?.message}
                flex={1}
                {...form.register('q')}
              />
              <Button type="submit" loading={logs.isLoading && logs.value !== undefined}>
                Search
              </Button>
            </Group>
          </Stack>
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
