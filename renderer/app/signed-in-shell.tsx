import { Tabs } from '@mantine/core';
import { useState } from 'react';
import type { SessionSummary } from '../../common/ipc/session.schema';
import { useAdminPaneShown } from '../features/admin/use-admin-pane-shown';
import { LockedView } from '../features/session/locked-view';
import { SessionView } from '../features/session/session-view';
import { LazyAdminPane, LazyApiConsoleView, LazyInspectorView, LazyPane } from './lazy-panes';

type Pane = 'account' | 'inspector' | 'api' | 'admin';

const panes: readonly Pane[] = ['account', 'inspector', 'api', 'admin'];

/**
 * What a signed-in user can open: their account, the token inspector and the API console (support staff's
 * daily tools), and the
 * admin pane when the policy allows it and the account can use it. Everything but the account loads lazily.
 */
export interface SignedInShellProps {
  session: SessionSummary;
  onSignedOut: () => void;
  onAddAccount: () => void;
}

export function SignedInShell({ session, onSignedOut, onAddAccount }: SignedInShellProps) {
  const [pane, setPane] = useState<Pane>('account');
  const isAdminShown = useAdminPaneShown(session.accountId);
  if (session.locked) {
    return (
      <main style={{ width: '100%' }}>
        <LockedView session={session} />
      </main>
    );
  }
  return (
    <Tabs
      component="main"
      value={pane}
      onChange={(value) => setPane(panes.find((item) => item === value) ?? 'account')}
      w="100%"
      keepMounted={false}
    >
      {/* Busy until the policy says whether the Admin tab belongs in the list. */}
      <Tabs.List mb="lg" aria-busy={isAdminShown === undefined}>
        <Tabs.Tab value="account">Account</Tabs.Tab>
        <Tabs.Tab value="inspector">Token inspector</Tabs.Tab>
        <Tabs.Tab value="api">API console</Tabs.Tab>
        {isAdminShown === true && <Tabs.Tab value="admin">Admin</Tabs.Tab>}
      </Tabs.List>
      <Tabs.Panel value="account">
        <SessionView session={session} onSignedOut={onSignedOut} onAddAccount={onAddAccount} />
      </Tabs.Panel>
      <Tabs.Panel value="inspector">
        <LazyPane what="the token inspector">
          <LazyInspectorView session={session} />
        </LazyPane>
      </Tabs.Panel>
      <Tabs.Panel value="api">
        <LazyPane what="the API console">
          <LazyApiConsoleView session={session} />
        </LazyPane>
      </Tabs.Panel>
      {isAdminShown === true && (
        <Tabs.Panel value="admin">
          <LazyPane what="the admin pane">
            <LazyAdminPane session={session} />
          </LazyPane>
        </Tabs.Panel>
      )}
    </Tabs>
  );
}
