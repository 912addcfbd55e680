import { randomUUID } from 'node:crypto';
import type { Clock } from '../config';
import type { SqliteDatabase } from './database';
import { inTransaction } from './database';

/** The only trigger Gatehouse runs (auth0-wire.md §6.4). */
export const POST_LOGIN_TRIGGER = 'post-login';

/** One action bound to a trigger, at a position (0 runs first). */
export interface ActionBinding {
  readonly id: string;
  readonly triggerId: string;
  readonly actionId: string;
  readonly actionName: string;
  readonly displayName: string;
  readonly position: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** What `PATCH /actions/triggers/{triggerId}/bindings` names: an action by id or by name. */
export interface BindingRef {
  readonly ref: { readonly type: 'action_id' | 'action_name'; readonly value: string };
  /** Default: the action's name. */
  readonly displayName?: string;
}

/** A binding list that names an unknown, undeployed or unsuitable action. The Management API answers 400. */
export class ActionBindingError extends Error {
  constructor(
    readonly reason: 'unknown_action' | 'not_deployed' | 'trigger_not_supported',
    readonly ref: string,
  ) {
    super(
      reason === 'unknown_action'
        ? `Action not found: ${ref}`
        : reason === 'not_deployed'
          ? `Action ${ref} must be deployed before it can be bound.`
          : `Action ${ref} does not support this trigger.`,
    );
    this.name = 'ActionBindingError';
  }
}

/** Trigger bindings: which deployed actions run for a trigger, in order. */
export interface ActionBindingRepository {
  /** In execution order. */
  list(triggerId: string): ActionBinding[];
  /** Replaces every binding of the trigger at once (one transaction), as Auth0's PATCH does. */
  replace(triggerId: string, refs: readonly BindingRef[]): ActionBinding[];
  /** Whether the action is bound to any trigger (deleting it then needs `force`). */
  isBound(actionId: string): boolean;
}

interface Row {
  id: string;
  trigger_id: string;
  action_id: string;
  action_name: string;
  display_name: string;
  position: number;
  created_at: number;
  updated_at: number;
}

interface ActionFacts {
  id: string;
  name: string;
  supported_triggers: string;
  deployed: number;
}

/** SQLite-backed trigger bindings. */
export class SqliteActionBindingRepository implements ActionBindingRepository {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    const facts = `SELECT a.id, a.name, a.supported_triggers,
                          EXISTS (SELECT 1 FROM action_versions v WHERE v.action_id = a.id AND v.deployed = 1) AS deployed
                     FROM actions a`;
    this.statements = {
      list: db.prepare<[string], Row>(
        `SELECT b.id, b.trigger_id, b.action_id, a.name AS action_name, b.display_name, b.position, b.created_at,
                b.updated_at
           FROM action_bindings b JOIN actions a ON a.id = b.action_id
          WHERE b.trigger_id = ? ORDER BY b.position`,
      ),
      factsById: db.prepare<[string], ActionFacts>(`${facts} WHERE a.id = ?`),
      factsByName: db.prepare<[string], ActionFacts>(`${facts} WHERE a.name = ?`),
      clear: db.prepare<[string]>('DELETE FROM action_bindings WHERE trigger_id = ?'),
      insert: db.prepare(
        `INSERT INTO action_bindings (id, trigger_id, action_id, display_name, position, created_at, updated_at)
         VALUES (@id, @triggerId, @actionId, @displayName, @position, @now, @now)`,
      ),
      bound: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM action_bindings WHERE action_id = ? LIMIT 1'),
    };
  }

  list(triggerId: string): ActionBinding[] {
    return this.statements.list.all(triggerId).map((row) => ({
      id: row.id,
      triggerId: row.trigger_id,
      actionId: row.action_id,
      actionName: row.action_name,
      displayName: row.display_name,
      position: row.position,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  replace(triggerId: string, refs: readonly BindingRef[]): ActionBinding[] {
    return inTransaction(this.db, () => {
      const now = this.clock();
      const resolved = refs.map((ref) => {
        const facts =
          ref.ref.type === 'action_id'
            ? this.statements.factsById.get(ref.ref.value)
            : this.statements.factsByName.get(ref.ref.value);
        if (!facts) throw new ActionBindingError('unknown_action', ref.ref.value);
        if (facts.deployed !== 1) throw new ActionBindingError('not_deployed', facts.name);
        const triggers = JSON.parse(facts.supported_triggers) as { id?: unknown }[];
        if (!triggers.some((trigger) => trigger.id === triggerId)) {
          throw new ActionBindingError('trigger_not_supported', facts.name);
        }
        return { actionId: facts.id, displayName: ref.displayName ?? facts.name };
      });
      this.statements.clear.run(triggerId);
      resolved.forEach((binding, position) =>
        this.statements.insert.run({ id: randomUUID(), triggerId, ...binding, position, now }),
      );
      return this.list(triggerId);
    });
  }

  isBound(actionId: string): boolean {
    return this.statements.bound.get(actionId) !== undefined;
  }
}
