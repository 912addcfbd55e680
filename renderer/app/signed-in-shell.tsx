import { Tabs } from '@mantine/core';
import { useState } from 'react';
import type { SessionSummary } from '../../common/ipc/session.schema';
import { InspectorView } from '../features/inspect/inspector-view';
import { SessionView } from '../features/session/session-view';

type Pane = 'account' | 'inspector';

/** What a signed-in user can open: their account, and the token inspector (support staff's daily tool). */
export function SignedInShell({ session, onSignedOut }: { session: SessionSummary; onSignedOut: () => void }) {
  const [pane, setPane] = useState<Pane>('account');
  return (
    <Tabs
      component="main"
      value={pane}
      onChange={(value) => setPane(value === 'inspector' ? 'inspector' : 'account')}
      w="100%"
      keepMounted={false}
    >
      <Tabs.List mb="lg">
        <Tabs.Tab value="account">Account</Tabs.Tab>
        <Tabs.Tab value="inspector">Token inspector</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="account">
        <SessionView session={session} onSignedOut={onSignedOut} />
      </Tabs.Panel>
      <Tabs.Panel value="inspector">
        <InspectorView />
      </Tabs.Panel>
    </Tabs>
  );
}
