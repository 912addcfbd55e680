import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Rule } from '../../../common/admin/extensibility.schema';
import { ok } from '../../../common/result';
import { orderChange, ruleChange } from '../../../renderer/features/admin/rules/rule-staging';

// The staged rule changes against a fake bridge (jsdom's window): what they read, and the one call they write.
const rules: Rule[] = [
  { id: 'rul_a', name: 'Add roles', script: 's', order: 1, enabled: true },
  { id: 'rul_b', name: 'Deny at night', script: 't', order: 2, enabled: false },
];
const admin = {
  listRules: vi.fn(() => Promise.resolve(ok(rules))),
  getRule: vi.fn(() => Promise.resolve(ok(rules[1]))),
  reorderRules: vi.fn(({ ids }: { ids: string[] }) =>
    Promise.resolve(
      ok(ids.map((id, index) => ({ ...(rules.find((rule) => rule.id === id) as Rule), order: index + 1 }))),
    ),
  ),
  updateRule: vi.fn(({ patch }: { patch: Partial<Rule> }) => Promise.resolve(ok({ ...(rules[1] as Rule), ...patch }))),
};

beforeEach(() => {
  Object.assign(window, { gatehouse: { admin } });
});
afterEach(() => {
  vi.clearAllMocks();
  Reflect.deleteProperty(window, 'gatehouse');
});

describe('orderChange', () => {
  it('reads the live order as names and writes the new order as one reorder call by id', async () => {
    const change = orderChange(['Add roles', 'Deny at night'], ['Deny at night', 'Add roles']);
    expect(await change.readLive()).toEqual(ok(['Add roles', 'Deny at night']));
    expect(await change.write(['Deny at night', 'Add roles'])).toEqual(ok(['Deny at night', 'Add roles']));
    expect(admin.reorderRules).toHaveBeenCalledTimes(1);
    expect(admin.reorderRules).toHaveBeenCalledWith({ ids: ['rul_b', 'rul_a'] });
    expect(admin.updateRule).not.toHaveBeenCalled();
  });

  it('refuses to write when a named rule is gone, and writes nothing', async () => {
    const answer = await orderChange([], []).write(['Deny at night', 'Renamed meanwhile']);
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(admin.reorderRules).not.toHaveBeenCalled();
  });
});

describe('ruleChange', () => {
  it('writes name, script and on/off in one update, and refuses a value of another shape', async () => {
    const rule = rules[1] as Rule;
    const draft = { name: 'Deny at night', script: 'u', enabled: true };
    const change = ruleChange(rule, { name: rule.name, script: rule.script, enabled: rule.enabled }, draft);
    expect(await change.readLive()).toEqual(ok({ name: 'Deny at night', script: 't', enabled: false }));
    expect(await change.write(draft)).toEqual(ok(draft));
    expect(admin.updateRule).toHaveBeenCalledWith({ id: 'rul_b', patch: draft });
    expect(await change.write(['not', 'a', 'rule'])).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(admin.updateRule).toHaveBeenCalledTimes(1);
  });
});
