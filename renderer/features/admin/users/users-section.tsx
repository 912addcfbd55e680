import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useAdminNavigation } from '../admin-navigation';
import { UserCreateForm } from './user-create-form';
import { UserDetail } from './user-detail';
import { UserList, type UserSearch } from './user-list';

/**
 * Users: a search, a new user, and one user's page. The search (words and page) is kept here, so "Back to
 * users" returns to the same results, with focus on the list heading.
 */
export function UsersSection() {
  const { userToOpen } = useAdminNavigation();
  const [search, setSearch] = useState<UserSearch>({ q: '', realm: '', page: 0 });
  const [openUserId, setOpenUserId] = useState<string | undefined>(userToOpen);
  const [isCreating, setCreating] = useState(false);
  const [returned, setReturned] = useState<{ notice?: string }>();

  if (openUserId !== undefined) {
    return (
      <UserDetail
        key={openUserId}
        userId={openUserId}
        onBack={(notice) => {
          setOpenUserId(undefined);
          setReturned(notice === undefined ? {} : { notice });
        }}
      />
    );
  }
  return (
    <Stack gap="lg">
      <Group>
        <Button variant="default" aria-expanded={isCreating} onClick={() => setCreating((open) => !open)}>
          {isCreating ? 'Close the new user form' : 'New user'}
        </Button>
      </Group>
      {isCreating && (
        <UserCreateForm
          onCreated={(user) => {
            setCreating(false);
            setOpenUserId(user.user_id);
          }}
        />
      )}
      <UserList
        search={search}
        onSearch={setSearch}
        onOpen={setOpenUserId}
        focusOnMount={returned !== undefined}
        notice={returned?.notice}
      />
    </Stack>
  );
}
