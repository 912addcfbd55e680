import { describe, expect, it } from 'vitest';
import type { Action, Binding, Rule } from '../../../../../../common/admin/extensibility.schema';
import { ok } from '../../../../../../common/result';
import {
  migrationChange,
  type MigrationCalls,
} from '../../../../../../renderer/features/admin/actions/assistant/migration-change';

/** A tenant in memory behind the migration's calls, recording each write in order. */
function tenant() {
  const rule: Rule = { id: 'rul_1', name: 'Claims', script: 'function(){}', order: 1, enabled: true };
  let actions: (Action & { secretValues?: Record<string, string> })[] = [{ id: 'act_0', name: 'Other' }];
  let bound: string[] = ['Other'];
  const writes: string[] = [];
  const bindingOf = (name: string): Binding => ({ id: `b_${name}`, action: { id: name, name } });
  const calls: MigrationCalls = {
    getRule: async () => ok({ ...rule }),
    updateRule: async (_id, patch) => {
      writes.push(`rule enabled=${patch.enabled}`);
      rule.enabled = patch.enabled;
      return ok({ ...rule });
    },
    listActions: async () => ok(actions.map((action) => ({ ...action }))),
    createAction: async (input) => {
      writes.push(`create ${input.name} secrets=${JSON.stringify(input.secrets)}`);
      const created = { id: 'act_1', name: input.name, code: input.code, all_changes_deployed: false };
      actions = [...actions, created];
      return ok(created);
    },
    updateAction: async (id, patch) => {
      writes.push(`update ${id}`);
      actions = actions.map((action) => (action.id === id ? { ...action, code: patch.code } : action));
      return ok(actions.find((action) => action.id === id) as Action);
    },
    deployAction: async (id) => {
      writes.push(`deploy ${id}`);
      actions = actions.map((action) => (action.id === id ? { ...action, all_changes_deployed: true } : action));
      return ok({});
    },
    deleteAction: async (id, force) => {
      writes.push(`delete ${id} force=${force}`);
      actions = actions.filter((action) => action.id !== id);
      return ok({});
    },
    listBindings: async () => ok(bound.map(bindingOf)),
    setBindings: async (_trigger, refs) => {
      bound = refs.map((ref) => ref.ref.value);
      writes.push(`bind ${bound.join(',')}`);
      return ok(bound.map(bindingOf));
    },
  };
  return { calls, writes, rule: () => rule, bound: () => bound, actions: () => actions };
}

const plan = {
  rule: { id: 'rul_1', name: 'Claims' },
  actionName: 'Claims (action)',
  code: 'exports.onExecutePostLogin = async () => {};',
  dependencies: [],
  secrets: { API_KEY: 'k-123' },
};

describe('migrationChange', () => {
  it('stages one change whose base is the tenant now and whose draft deploys, binds and disables', async () => {
    const { calls } = tenant();
    const staged = await migrationChange(calls, plan);
    if (!staged.ok) throw new Error('not staged');
    expect(staged.value).toMatchObject({ key: 'migration:rul_1', area: 'migration' });
    expect(staged.value.base).toEqual({ ruleEnabled: true, action: null, postLogin: ['Other'] });
    expect(staged.value.draft).toEqual({
      ruleEnabled: false,
      action: { code: plan.code, deployed: true },
      postLogin: ['Other', 'Claims (action)'],
    });
    // The tray shows base and draft: the secret's value must be in neither.
    expect(JSON.stringify([staged.value.base, staged.value.draft])).not.toContain('k-123');
  });

  it('applies in an order that never leaves a sign-in without the claims, and undo reverses it', async () => {
    const world = tenant();
    const staged = await migrationChange(world.calls, plan);
    if (!staged.ok) throw new Error('not staged');
    const applied = await staged.value.write(staged.value.draft);
    expect(applied).toEqual(ok(staged.value.draft));
    expect(world.writes).toEqual([
      'create Claims (action) secrets=[{"name":"API_KEY","value":"k-123"}]',
      'deploy act_1',
      'bind Other,Claims (action)',
      'rule enabled=false',
    ]);

    world.writes.length = 0;
    const undone = await staged.value.write(staged.value.base);
    expect(undone).toEqual(ok(staged.value.base));
    expect(world.writes).toEqual(['rule enabled=true', 'bind Other', 'delete act_1 force=true']);
    expect(world.actions().map((action) => action.name)).toEqual(['Other']);
  });

  it('refuses to write a value that is not a migration state', async () => {
    const { calls, writes } = tenant();
    const staged = await migrationChange(calls, plan);
    if (!staged.ok) throw new Error('not staged');
    const result = await staged.value.write({ nonsense: true });
    expect(result.ok).toBe(false);
    expect(writes).toEqual([]);
  });
});
