import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action, ActionUpdate } from '../../../common/admin/extensibility.schema';
import type { GatehouseApi } from '../../../common/ipc/contract';
import { actionChange, draftOf } from '../../../renderer/features/admin/actions/action-change';

// The action editor's staged change, over the two admin channels it uses (getAction, updateAction) on an
// in-memory action whose secret values, like Auth0's, are never read back.
let action: Action;
const patches: ActionUpdate[] = [];
beforeEach(() => {
  action = {
    id: 'act_1',
    name: 'Tag country',
    code: 'exports.onExecutePostLogin = async () => {};',
    dependencies: [{ name: 'lodash', version: '4.17.21' }],
    secrets: [{ name: 'API_KEY', updated_at: '2026-01-01T00:00:00.000Z' }],
  };
  patches.length = 0;
  const admin = {
    getAction: () => Promise.resolve({ ok: true, value: action }),
    updateAction: ({ patch }: { patch: ActionUpdate }) => {
      patches.push(patch);
      action = {
        ...action,
        ...(patch.code === undefined ? {} : { code: patch.code }),
        ...(patch.dependencies === undefined ? {} : { dependencies: patch.dependencies }),
        ...(patch.secrets === undefined ? {} : { secrets: patch.secrets.map((secret) => ({ name: secret.name })) }),
      };
      return Promise.resolve({ ok: true, value: action });
    },
  };
  Object.defineProperty(window, 'gatehouse', { configurable: true, value: { admin } as unknown as GatehouseApi });
});
afterEach(() => Reflect.deleteProperty(window, 'gatehouse'));

describe('an action edit as a staged change', () => {
  it('shows secret names only (a new value as "(new value)"), and sends the typed value once on apply', async () => {
    const draft = {
      ...draftOf(action),
      code: 'exports.onExecutePostLogin = async (event, api) => { api.access.deny("x"); };',
      dependencies: [],
      secretNames: ['API_KEY', 'REGION'],
      newSecretValues: { REGION: 'eu-west-1' },
    };
    const change = actionChange(action, draft);
    expect(change).toMatchObject({ key: 'action:act_1', area: 'action' });
    expect(change.base).toEqual({
      code: 'exports.onExecutePostLogin = async () => {};',
      dependencies: ['lodash@4.17.21'],
      secrets: ['API_KEY'],
    });
    expect(change.draft).toMatchObject({ dependencies: [], secrets: ['API_KEY', 'REGION (new value)'] });
    expect(JSON.stringify([change.base, change.draft])).not.toContain('eu-west-1');

    const written = await change.write(change.draft);
    expect(patches).toEqual([
      {
        code: draft.code,
        dependencies: [],
        // The kept secret goes without a value, so the tenant keeps the one it has.
        secrets: [{ name: 'API_KEY' }, { name: 'REGION', value: 'eu-west-1' }],
      },
    ]);
    expect(written.ok && JSON.stringify(written.value)).not.toContain('eu-west-1');
    expect(await change.readLive()).toEqual(written);
  });

  it('undo writes the old code, dependencies and secret names back', async () => {
    const change = actionChange(action, { ...draftOf(action), code: 'changed', dependencies: [] });
    await change.write(change.draft);
    await change.write(change.base);
    expect(patches.at(-1)).toEqual({
      code: 'exports.onExecutePostLogin = async () => {};',
      dependencies: [{ name: 'lodash', version: '4.17.21' }],
      secrets: [{ name: 'API_KEY' }],
    });
  });
});
