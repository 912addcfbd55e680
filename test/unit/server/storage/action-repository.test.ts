import { beforeEach, describe, expect, it } from 'vitest';
import { aesGcmCipher } from '../../../../server/extensibility/value-cipher';
import {
  ActionBindingError,
  POST_LOGIN_TRIGGER,
  SqliteActionBindingRepository,
} from '../../../../server/storage/action-binding-repository';
import { ActionStorageError, SqliteActionRepository } from '../../../../server/storage/action-repository';
import type { SqliteDatabase } from '../../../../server/storage/database';
import { openMemoryDatabase } from '../../../../server/storage/database';

let db: SqliteDatabase;
let now: number;
let actions: SqliteActionRepository;
let bindings: SqliteActionBindingRepository;

const postLogin = [{ id: POST_LOGIN_TRIGGER, version: 'v3' }];
const code = (tag: string) => `exports.onExecutePostLogin = async (event, api) => { /* ${tag} */ };`;

beforeEach(() => {
  db = openMemoryDatabase();
  now = 10;
  const cipher = aesGcmCipher('actions-test-secret-key');
  actions = new SqliteActionRepository(db, cipher, () => now);
  bindings = new SqliteActionBindingRepository(db, () => now);
});

describe('SqliteActionRepository', () => {
  it('creates a draft with sealed secrets whose values never come back in the action', () => {
    const action = actions.create({
      name: 'add-claims',
      supportedTriggers: postLogin,
      code: code('v1'),
      secrets: [{ name: 'TOKEN', value: 's3cret-value' }],
    });

    expect(action.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(action).toMatchObject({
      runtime: 'node22',
      deployedVersion: null,
      secrets: [{ name: 'TOKEN', updatedAt: 10 }],
    });
    expect(JSON.stringify(action)).not.toContain('s3cret-value');
    const raw = db.prepare('SELECT secrets FROM actions').get() as { secrets: string };
    expect(raw.secrets).not.toContain('s3cret-value');
    expect(() => actions.create({ name: 'add-claims', supportedTriggers: postLogin, code: '' })).toThrow(
      ActionStorageError,
    );
  });

  it('deploys numbered versions, keeps one deployed, and gives the deployed code and secrets to run', () => {
    const action = actions.create({
      name: 'a',
      supportedTriggers: postLogin,
      code: code('v1'),
      secrets: [{ name: 'K', value: 'one' }],
    });
    const v1 = actions.deploy(action.id);
    actions.update(action.id, { code: code('v2'), secrets: [{ name: 'K', value: 'two' }] });
    expect(actions.deployedForRun(action.id)?.version.code).toBe(code('v1'));
    const v2 = actions.deploy(action.id);

    expect(v1?.number).toBe(1);
    expect(v2?.number).toBe(2);
    expect(actions.versions(action.id).map((version) => [version.number, version.deployed])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(actions.deployedForRun(action.id)).toMatchObject({ version: { code: code('v2') }, secrets: { K: 'two' } });
    expect(actions.findById(action.id)?.deployedVersion?.id).toBe(v2?.id);
  });

  it('rolls back by deploying a new copy of an old version and resetting the draft to it', () => {
    const action = actions.create({ name: 'a', supportedTriggers: postLogin, code: code('v1') });
    const v1 = actions.deploy(action.id);
    actions.update(action.id, { code: code('v2') });
    actions.deploy(action.id);
    if (!v1) throw new Error('no version');

    const v3 = actions.rollback(action.id, v1.id);

    expect(v3).toMatchObject({ number: 3, code: code('v1'), deployed: true });
    expect(actions.findById(action.id)?.code).toBe(code('v1'));
    expect(actions.rollback(action.id, 'nope')).toBeUndefined();
  });

  it('keeps a secret value when an update names it without one, and refuses a new secret without a value', () => {
    const action = actions.create({
      name: 'a',
      supportedTriggers: postLogin,
      code: code('v1'),
      secrets: [{ name: 'KEEP', value: 'kept' }],
    });
    actions.update(action.id, { secrets: [{ name: 'KEEP' }, { name: 'NEW', value: 'new' }] });
    actions.deploy(action.id);
    expect(actions.deployedForRun(action.id)?.secrets).toEqual({ KEEP: 'kept', NEW: 'new' });
    expect(() => actions.update(action.id, { secrets: [{ name: 'MISSING' }] })).toThrow(ActionStorageError);
  });

  it('filters by trigger, deployed state and name', () => {
    const deployed = actions.create({ name: 'deployed', supportedTriggers: postLogin, code: code('d') });
    actions.deploy(deployed.id);
    actions.create({ name: 'draft', supportedTriggers: postLogin, code: code('x') });
    actions.create({ name: 'other', supportedTriggers: [{ id: 'credentials-exchange', version: 'v2' }], code: '' });

    expect(actions.list({ deployed: true }).map((a) => a.name)).toEqual(['deployed']);
    expect(
      actions
        .list({ triggerId: POST_LOGIN_TRIGGER })
        .map((a) => a.name)
        .sort(),
    ).toEqual(['deployed', 'draft']);
    expect(actions.list({ name: 'other' })).toHaveLength(1);
  });
});

describe('SqliteActionBindingRepository', () => {
  it('binds deployed actions in the given order, by id or name, replacing the previous list', () => {
    const first = actions.create({ name: 'first', supportedTriggers: postLogin, code: code('1') });
    const second = actions.create({ name: 'second', supportedTriggers: postLogin, code: code('2') });
    actions.deploy(first.id);
    actions.deploy(second.id);

    bindings.replace(POST_LOGIN_TRIGGER, [
      { ref: { type: 'action_name', value: 'second' } },
      { ref: { type: 'action_id', value: first.id }, displayName: 'First one' },
    ]);
    expect(bindings.list(POST_LOGIN_TRIGGER).map((b) => [b.position, b.actionName, b.displayName])).toEqual([
      [0, 'second', 'second'],
      [1, 'first', 'First one'],
    ]);
    expect(bindings.isBound(first.id)).toBe(true);

    bindings.replace(POST_LOGIN_TRIGGER, [{ ref: { type: 'action_id', value: first.id } }]);
    expect(bindings.list(POST_LOGIN_TRIGGER).map((b) => b.actionName)).toEqual(['first']);
    expect(bindings.isBound(second.id)).toBe(false);
  });

  it('refuses unknown, undeployed and unsuitable actions without touching the current bindings', () => {
    const bound = actions.create({ name: 'bound', supportedTriggers: postLogin, code: code('b') });
    actions.deploy(bound.id);
    bindings.replace(POST_LOGIN_TRIGGER, [{ ref: { type: 'action_id', value: bound.id } }]);
    actions.create({ name: 'draft', supportedTriggers: postLogin, code: code('d') });
    const other = actions.create({ name: 'other', supportedTriggers: [{ id: 'x', version: 'v1' }], code: '' });
    actions.deploy(other.id);

    const attempt = (value: string) => () =>
      bindings.replace(POST_LOGIN_TRIGGER, [
        { ref: { type: 'action_id', value: bound.id } },
        { ref: { type: 'action_name', value } },
      ]);
    expect(attempt('ghost')).toThrow(expect.objectContaining({ reason: 'unknown_action' }));
    expect(attempt('draft')).toThrow(expect.objectContaining({ reason: 'not_deployed' }));
    expect(attempt('other')).toThrow(ActionBindingError);
    expect(bindings.list(POST_LOGIN_TRIGGER).map((b) => b.actionName)).toEqual(['bound']);
  });

  it('deleting an action removes its bindings and versions', () => {
    const action = actions.create({ name: 'gone', supportedTriggers: postLogin, code: code('g') });
    actions.deploy(action.id);
    bindings.replace(POST_LOGIN_TRIGGER, [{ ref: { type: 'action_id', value: action.id } }]);
    expect(actions.delete(action.id)).toBe(true);
    expect(bindings.list(POST_LOGIN_TRIGGER)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM action_versions').get()).toEqual({ n: 0 });
  });
});
