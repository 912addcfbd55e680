import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { OpenLink } from '../../../components/open-link';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { adminListConnections, adminListUsers } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { Pager } from '../shared/pager';
import { LoadingLine } from '../shared/loading-line';
import { StatusBadge } from '../shared/status-badge';
import { useAdminLoad } from '../use-admin-load';
import { readableDate, userLabel, userRealm } from './user-words';

export interface UserSearch {
  readonly q: string;
  /** Only users of this realm; empty for every realm. */
  readonly realm: string;
  readonly page: number;
}

const allRealms = '*';

export interface UserListProps {
  search: UserSearch;
  onSearch: (search: UserSearch) => void;
  onOpen: (userId: string) => void;
  /** Coming back from a user's page: focus the heading so keyboard users know where they are. */
  focusOnMount: boolean;
  notice?: string;
}

const perPage = 10;

/** A user search (free text or Lucene, as Auth0's search engine v3 takes it), a page at a time. */
export function UserList({ search, onSearch, onOpen, focusOnMount, notice }: UserListProps) {
  const [words, setWords] = useState(search.q);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const users = useAdminLoad(['users', search.q, search.realm, search.page], () =>
    adminListUsers({
      ...(search.q === '' ? {} : { q: search.q }),
      ...(search.realm === '' ? {} : { realm: search.realm }),
      page: search.page,
      perPage,
    }),
  );
  // The realm choice; without read:connections it offers "All realms" only (the search still works).
  const realms = useAdminLoad(['connections'], adminListConnections);
  const realmOptions = [
    { value: allRealms, label: 'All realms' },
    ...(realms.value ?? []).map((connection) => ({ value: connection.name, label: connection.name })),
  ];

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ q: words.trim(), realm: search.realm, page: 0 });
  };

  const page = users.value;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={3} id={headingId} ref={headingRef} tabIndex={-1}>
          Users
        </Title>
        {notice && (
          <Alert color="blue" variant="outline" role="status" title="Done">
            {notice}
          </Alert>
        )}
        <form onSubmit={submit} role="search" aria-label="Users">
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Search users"
              description="Words, or a query such as email:alice* or blocked:true"
              value={words}
              onChange={(event) => setWords(event.currentTarget.value)}
              flex={1}
            />
            <Select
              label="Realm"
              data={realmOptions}
              value={search.realm === '' ? allRealms : search.realm}
              onChange={(value) =>
                onSearch({ q: words.trim(), realm: value === null || value === allRealms ? '' : value, page: 0 })
              }
              allowDeselect={false}
              w={180}
            />
            <Button type="submit" loading={users.isLoading && users.value !== undefined}>
              Search
            </Button>
          </Group>
        </form>
        {users.error && <ErrorCallout error={users.error} />}
        {page === undefined && users.isLoading && <LoadingLine label="Loading users…" />}
        {page !== undefined && (
          <>
            <Table aria-labelledby={headingId} striped withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">User</Table.Th>
                  <Table.Th scope="col">Realm</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Last sign-in</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((user) => (
                  <Table.Tr key={user.user_id}>
                    <Table.Td>
                      <OpenLink onOpen={() => onOpen(user.user_id)}>{userLabel(user)}</OpenLink>
                    </Table.Td>
                    <Table.Td>{userRealm(user) ?? '—'}</Table.Td>
                    <Table.Td>
                      <StatusBadge isOn={user.blocked === true} on="Blocked" off="Active" warn />
                    </Table.Td>
                    <Table.Td>{readableDate(user.last_login) ?? 'Never'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {page.items.length === 0 && <Text size="sm">No user matches this search.</Text>}
            <Pager
              start={page.start}
              limit={page.limit}
              total={page.total}
              shown={page.items.length}
              noun={{ one: 'user', many: 'users' }}
              isLoading={users.isLoading}
              onPage={(next) => onSearch({ ...search, page: next })}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
