import { useState } from 'react';
import { UserDetail } from './user-detail';
import { UserList, type UserSearch } from './user-list';

/**
 * Users: a search, and one user's page. The search (words and page) is kept here, so "Back to users" returns
 * to the same results, with focus on the list heading.
 */
export function UsersSection() {
  const [search, setSearch] = useState<UserSearch>({ q: '', realm: '', page: 0 });
  const [openUserId, setOpenUserId] = useState<string>();
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
    <UserList
      search={search}
      onSearch={setSearch}
      onOpen={setOpenUserId}
      focusOnMount={returned !== undefined}
      notice={returned?.notice}
    />
  );
}
