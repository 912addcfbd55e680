import { beforeEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../../server/storage/database';
import { RuleConflictError, SqliteRuleRepository } from '../../../../server/storage/rule-repository';
import { SqliteRuleConfigRepository } from '../../../../server/storage/rule-config-repository';
import { aesGcmCipher, plaintextCipher } from '../../../../server/extensibility/value-cipher';
import type { SqliteDatabase } from '../../../../server/storage/database';

let db: SqliteDatabase;
let now: number;
let rules: SqliteRuleRepository;

beforeEach(() => {
  db = openMemoryDatabase();
  now = 1_000;
  rules = new SqliteRuleRepository(db, () => now);
});

const script = (tag: string) => `function (user, context, callback) { /* ${tag} */ callback(null, user, context); }`;

describe('SqliteRuleRepository', () => {
  it('creates rules with Auth0-shaped ids, default order max+1 and enabled true', () => {
    const first = rules.create({ name: 'first', script: script('a') });
    const second = rules.create({ name: 'second', script: script('b'), enabled: false });

    expect(first.id).toMatch(/^rul_[A-Za-z0-9]{16}$/);
    expect(first).toMatchObject({ order: 0, enabled: true, stage: 'login_success', createdAt: 1_000 });
    expect(second).toMatchObject({ order: 1, enabled: false });
  });

  it('lists in ascending order and filters on enabled', () => {
    rules.create({ name: 'late', script: script('l'), order: 9 });
    rules.create({ name: 'early', script: script('e'), order: 2 });
    rules.create({ name: 'off', script: script('o'), order: 5, enabled: false });

    expect(rules.list().map((rule) => rule.name)).toEqual(['early', 'off', 'late']);
    expect(rules.list({ enabled: true }).map((rule) => rule.name)).toEqual(['early', 'late']);
    expect(rules.list({ enabled: false }).map((rule) => rule.name)).toEqual(['off']);
  });

  it('refuses a duplicate order or name with RuleConflictError naming the field, and stores nothing', () => {
    rules.create({ name: 'one', script: script('1'), order: 1 });

    expect(() => rules.create({ name: 'two', script: script('2'), order: 1 })).toThrow(
      expect.objectContaining({ field: 'order', message: 'A rule with the same order already exists' }),
    );
    expect(() => rules.create({ name: 'one', script: script('2'), order: 2 })).toThrow(RuleConflictError);
    expect(rules.list()).toHaveLength(1);
  });

  it('keeps the previous script on every script change and restores one (the current joins the history)', () => {
    const rule = rules.create({ name: 'edited', script: script('v1') });
    now = 2_000;
    rules.update(rule.id, { script: script('v2') });
    now = 3_000;
    rules.update(rule.id, { enabled: false });
    now = 4_000;
    rules.update(rule.id, { script: script('v3') });

    const history = rules.scriptHistory(rule.id);
    expect(history.map((entry) => [entry.script, entry.replacedAt])).toEqual([
      [script('v2'), 4_000],
      [script('v1'), 2_000],
    ]);

    const oldest = history[1];
    if (!oldest) throw new Error('missing revision');
    now = 5_000;
    const restored = rules.restoreScript(rule.id, oldest.id);
    expect(restored?.script).toBe(script('v1'));
    expect(restored?.enabled).toBe(false);
    expect(rules.scriptHistory(rule.id)[0]?.script).toBe(script('v3'));
    expect(rules.restoreScript(rule.id, 999)).toBeUndefined();
  });

  it('reorders with swaps in one transaction, and changes nothing when the result would collide', () => {
    const a = rules.create({ name: 'a', script: script('a'), order: 1 });
    const b = rules.create({ name: 'b', script: script('b'), order: 2 });
    rules.create({ name: 'c', script: script('c'), order: 3 });

    const swapped = rules.reorder([
      { id: a.id, order: 2 },
      { id: b.id, order: 1 },
    ]);
    expect(swapped?.map((rule) => `${rule.name}${rule.order}`)).toEqual(['b1', 'a2', 'c3']);

    expect(() => rules.reorder([{ id: a.id, order: 3 }])).toThrow(RuleConflictError);
    expect(rules.list().map((rule) => `${rule.name}${rule.order}`)).toEqual(['b1', 'a2', 'c3']);
    expect(rules.reorder([{ id: 'rul_missing', order: 7 }])).toBeUndefined();
  });

  it('updates to a taken order fail, unknown ids give undefined, delete removes the history too', () => {
    const a = rules.create({ name: 'a', script: script('a'), order: 1 });
    rules.create({ name: 'b', script: script('b'), order: 2 });
    expect(() => rules.update(a.id, { order: 2 })).toThrow(RuleConflictError);
    expect(rules.update('rul_nope', { name: 'x' })).toBeUndefined();

    rules.update(a.id, { script: script('a2') });
    expect(rules.delete(a.id)).toBe(true);
    expect(rules.delete(a.id)).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM rule_script_history').get()).toEqual({ n: 0 });
  });
});

describe('SqliteRuleConfigRepository', () => {
  it('stores values sealed with AES-GCM when a key is configured, and lists keys only', () => {
    const configs = new SqliteRuleConfigRepository(db, aesGcmCipher('a-long-enough-secret-key'), () => now);
    configs.set('API_KEY', 'hunter2-value');
    configs.set('__proto__', 'still a plain key');

    const stored = db.prepare("SELECT value FROM rule_configs WHERE key = 'API_KEY'").get() as { value: string };
    expect(stored.value).toMatch(/^v1\./);
    expect(stored.value).not.toContain('hunter2');
    expect(configs.keys()).toEqual(['API_KEY', '__proto__']);
    const all = configs.all();
    expect(all['API_KEY']).toBe('hunter2-value');
    expect(Object.getOwnPropertyDescriptor(all, '__proto__')?.value).toBe('still a plain key');
    expect(configs.delete('API_KEY')).toBe(true);
    expect(configs.keys()).toEqual(['__proto__']);
  });

  it('without a key stores values marked plain, and a sealed value then refuses to open', () => {
    const sealed = aesGcmCipher('a-long-enough-secret-key').seal('x');
    expect(plaintextCipher.seal('value')).toBe('plain.value');
    expect(() => plaintextCipher.open(sealed)).toThrow(/no secrets key/);
    expect(() => aesGcmCipher('another-long-secret-key').open(sealed)).toThrow();
  });
});
