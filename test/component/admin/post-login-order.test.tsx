import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action, BindingRef } from '../../../common/admin/extensibility.schema';
import type { GatehouseApi } from '../../../common/ipc/contract';
import { AdminSessionContext, type AdminSession } from '../../../renderer/features/admin/admin-session';
import { PostLoginOrder } from '../../../renderer/features/admin/actions/post-login-order';
import { PendingChangesTray } from '../../../renderer/features/admin/staging/pending-changes-tray';
import { StagingProvider } from '../../../renderer/features/admin/staging/staging-provider';
import { renderInApp } from '../render';

const session: AdminSession = {
  access: {
    via: 'session',
    profileId: 'work',
    issuer: 'https://tenant.example/',
    audience: 'https://tenant.example/api/v2/',
    accountId: 'acc',
    scopes: ['read:actions', 'update:actions'],
  },
  can: () => true,
  noteFailure: () => undefined,
};

const deployed = (id: string, name: string): Action => ({ id, name, deployed_version: { id: `v-${id}` } });
const actions = [deployed('a1', 'Add roles'), deployed('a2', 'Deny at night'), deployed('a3', 'Tag country')];

/** The post-login bindings as the tenant holds them, behind the two admin channels the screen uses. */
let bound: string[];
const writes: BindingRef[][] = [];
beforeEach(() => {
  bound = ['Add roles', 'Deny at night'];
  writes.length = 0;
  const wire = () => bound.map((name) => ({ id: `b-${name}`, action: { id: name, name } }));
  const admin = {
    listBindings: () => Promise.resolve({ ok: true, value: wire() }),
    setBindings: ({ bindings }: { bindings: BindingRef[] }) => {
      writes.push(bindings);
      bound = bindings.map((binding) => binding.ref.value);
      return Promise.resolve({ ok: true, value: wire() });
    },
  };
  Object.defineProperty(window, 'gatehouse', { configurable: true, value: { admin } as unknown as GatehouseApi });
});
afterEach(() => Reflect.deleteProperty(window, 'gatehouse'));

function renderFlow() {
  renderInApp(
    <AdminSessionContext value={session}>
      <StagingProvider onFailure={() => undefined}>
        <PostLoginOrder actions={actions} />
        <PendingChangesTray />
      </StagingProvider>
    </AdminSessionContext>,
  );
  return userEvent.setup();
}

const flow = () => screen.getByRole('list', { name: 'Post-login actions in execution order' });
const names = () =>
  within(flow())
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');

describe('the post-login flow', () => {
  it('switching an action off only stages it; the tray applies the new binding list in one write', async () => {
    const user = renderFlow();
    await waitFor(() => expect(names()).toHaveLength(2));
    await user.click(screen.getByRole('switch', { name: /^Add roles:\s*runs at sign-in/ }));

    await waitFor(() => expect(names()).toHaveLength(1));
    expect(names()[0]).toContain('1. Deny at night');
    expect(screen.getByText('Staged')).toBeDefined();
    expect(writes).toEqual([]);

    await user.click(
      within(screen.getByRole('list', { name: 'Pending changes' })).getByRole('button', { name: /^Apply/ }),
    );
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual([{ ref: { type: 'action_name', value: 'Deny at night' } }]);
    expect(bound).toEqual(['Deny at night']);
  });

  it('switching an unbound action on puts it at the end of the staged order', async () => {
    const user = renderFlow();
    await waitFor(() => expect(names()).toHaveLength(2));
    await user.click(screen.getByRole('switch', { name: 'Tag country runs at sign-in' }));
    await waitFor(() => expect(names()).toHaveLength(3));
    expect(names()[2]).toContain('3. Tag country');
    expect(writes).toEqual([]);
  });
});
