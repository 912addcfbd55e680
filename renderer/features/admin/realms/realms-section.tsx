import { useState } from 'react';
import { ConnectionDetail } from './connection-detail';
import { ConnectionList } from './connection-list';

/** Realms (Auth0 connections): the list with a create form, and one realm's clients and deletion. */
export function RealmsSection() {
  const [openId, setOpenId] = useState<string>();
  const [returned, setReturned] = useState<{ notice?: string }>();
  if (openId !== undefined) {
    return (
      <ConnectionDetail
        key={openId}
        id={openId}
        onBack={(notice) => {
          setOpenId(undefined);
          setReturned(notice === undefined ? {} : { notice });
        }}
      />
    );
  }
  return <ConnectionList onOpen={setOpenId} focusOnMount={returned !== undefined} notice={returned?.notice} />;
}
