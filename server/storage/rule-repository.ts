import { randomBytes } from 'node:crypto';
import type { Clock } from '../config';
import type { SqliteDatabase } from './database';
import { inTransaction } from './database';

/** A legacy rule (auth0-wire.md §7.3). `order` is unique; lower runs first. */
export interface Rule {
  /** `rul_` + 16 alphanumerics, shaped like Auth0's ids. */
  readonly id: string;
  readonly name: string;
  /** `function (user, context, callback) { ... }` source. */
  readonly script: string;
  readonly order: number;
  readonly enabled: boolean;
  readonly stage: 'login_success';
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface NewRule {
  readonly name: string;
  readonly script: string;
  /** Default: one more than the highest order in use (0 for the first rule), as Auth0. */
  readonly order?: number;
  /** Default true, as Auth0. */
  readonly enabled?: boolean;
}

export type RulePatch = Partial<Pick<Rule, 'name' | 'script' | 'order' | 'enabled'>>;

/** A script a rule had before it was edited. */
export interface RuleScriptRevision {
  readonly id: number;
  readonly ruleId: string;
  readonly script: string;
  /** When this script stopped being the rule's current one (ms). */
  readonly replacedAt: number;
}

/**
 * A write that would give two rules the same name or the same order. The Management API answers 409
 * (`rule_conflict` "A rule with the same order already exists" for `order`, auth0-wire.md §7.3).
 */
export class RuleConflictError extends Error {
  constructor(readonly field: 'name' | 'order') {
    super(field === 'order' ? 'A rule with the same order already exists' : 'A rule with the same name already exists');
    this.name = 'RuleConflictError';
  }
}

/** Rules storage: CRUD, ordering, and the previous scripts of each rule. */
export interface RuleRepository {
  /** Every rule (or only enabled / disabled ones), in ascending `order`. */
  list(filter?: { readonly enabled?: boolean }): Rule[];
  findById(id: string): Rule | undefined;
  /** Throws `RuleConflictError` on a duplicate name or order. */
  create(input: NewRule): Rule;
  /**
   * Applies `patch`; when the script changes, the old one is kept in the history. Returns undefined for
   * an unknown id; throws `RuleConflictError` on a duplicate name or order.
   */
  update(id: string, patch: RulePatch): Rule | undefined;
  delete(id: string): boolean;
  /**
   * Gives several rules new orders at once (swaps included), in one transaction. Unknown ids, or a result
   * in which two rules share an order, change nothing (`RuleConflictError('order')` for the latter).
   */
  reorder(orders: readonly { readonly id: string; readonly order: number }[]): Rule[] | undefined;
  /** Previous scripts, newest first. */
  scriptHistory(id: string): RuleScriptRevision[];
  /** Makes a previous script current again (the replaced one joins the history). */
  restoreScript(id: string, revisionId: number): Rule | undefined;
}

interface Row {
  id: string;
  name: string;
  script: string;
  order: number;
  enabled: number;
  created_at: number;
  updated_at: number;
}

function toRule(row: Row): Rule {
  return {
    id: row.id,
    name: row.name,
    script: row.script,
    order: row.order,
    enabled: row.enabled === 1,
    stage: 'login_success',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `rul_` + 16 characters; 62 does not divide 256, so the top bytes are rejected to keep them uniform. */
export function newRuleId(): string {
  let id = '';
  while (id.length < 16) {
    for (const byte of randomBytes(24)) if (byte < 248 && id.length < 16) id += alphanumeric[byte % 62] ?? 'A';
  }
  return `rul_${id}`;
}

const columns = 'id, name, script, "order" AS "order", enabled, created_at, updated_at';

/** SQLite-backed rules. Every multi-step write is one transaction. */
export class SqliteRuleRepository implements RuleRepository {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    this.statements = {
      all: db.prepare<[], Row>(`SELECT ${columns} FROM rules ORDER BY "order", id`),
      byEnabled: db.prepare<[number], Row>(`SELECT ${columns} FROM rules WHERE enabled = ? ORDER BY "order", id`),
      byId: db.prepare<[string], Row>(`SELECT ${columns} FROM rules WHERE id = ?`),
      nameTaken: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM rules WHERE name = ? AND id <> ?'),
      orderTaken: db.prepare<[number, string], { one: number }>(
        'SELECT 1 AS one FROM rules WHERE "order" = ? AND id <> ?',
      ),
      maxOrder: db.prepare<[], { max: number | null }>('SELECT max("order") AS max FROM rules'),
      insert: db.prepare(
        `INSERT INTO rules (id, name, script, "order", enabled, created_at, updated_at)
         VALUES (@id, @name, @script, @order, @enabled, @now, @now)`,
      ),
      update: db.prepare(
        `UPDATE rules SET name = @name, script = @script, "order" = @order, enabled = @enabled, updated_at = @now
          WHERE id = @id`,
      ),
      setOrder: db.prepare<[number, number, string]>('UPDATE rules SET "order" = ?, updated_at = ? WHERE id = ?'),
      remove: db.prepare<[string]>('DELETE FROM rules WHERE id = ?'),
      keepScript: db.prepare<[string, string, number]>(
        'INSERT INTO rule_script_history (rule_id, script, replaced_at) VALUES (?, ?, ?)',
      ),
      history: db.prepare<[string], { id: number; rule_id: string; script: string; replaced_at: number }>(
        'SELECT id, rule_id, script, replaced_at FROM rule_script_history WHERE rule_id = ? ORDER BY id DESC',
      ),
    };
  }

  list(filter: { readonly enabled?: boolean } = {}): Rule[] {
    const rows =
      filter.enabled === undefined ? this.statements.all.all() : this.statements.byEnabled.all(filter.enabled ? 1 : 0);
    return rows.map(toRule);
  }

  findById(id: string): Rule | undefined {
    const row = this.statements.byId.get(id);
    return row && toRule(row);
  }

  create(input: NewRule): Rule {
    return inTransaction(this.db, () => {
      const order = input.order ?? (this.statements.maxOrder.get()?.max ?? -1) + 1;
      const id = newRuleId();
      this.assertFree(id, input.name, order);
      this.statements.insert.run({
        id,
        name: input.name,
        script: input.script,
        order,
        enabled: input.enabled === false ? 0 : 1,
        now: this.clock(),
      });
      return this.mustFind(id);
    });
  }

  update(id: string, patch: RulePatch): Rule | undefined {
    return inTransaction(this.db, () => {
      const current = this.findById(id);
      if (!current) return undefined;
      const next = { ...current, ...patch };
      this.assertFree(id, next.name, next.order);
      const now = this.clock();
      if (next.script !== current.script) this.statements.keepScript.run(id, current.script, now);
      this.statements.update.run({
        id,
        name: next.name,
        script: next.script,
        order: next.order,
        enabled: next.enabled ? 1 : 0,
        now,
      });
      return this.mustFind(id);
    });
  }

  delete(id: string): boolean {
    return this.statements.remove.run(id).changes > 0;
  }

  reorder(orders: readonly { readonly id: string; readonly order: number }[]): Rule[] | undefined {
    return inTransaction(this.db, () => {
      const rules = this.list();
      const wanted = new Map(orders.map((entry) => [entry.id, entry.order]));
      if ([...wanted.keys()].some((id) => !rules.some((rule) => rule.id === id))) return undefined;
      const finalOrders = rules.map((rule) => wanted.get(rule.id) ?? rule.order);
      if (new Set(finalOrders).size !== finalOrders.length) throw new RuleConflictError('order');
      const now = this.clock();
      // SQLite checks UNIQUE per statement, so a swap would collide half-way: park the moving rules
      // above every order in use first, then put them in place.
      const offset = (this.statements.maxOrder.get()?.max ?? 0) + 1;
      let parked = 0;
      for (const [id] of wanted) this.statements.setOrder.run(offset + parked++, now, id);
      for (const [id, order] of wanted) this.statements.setOrder.run(order, now, id);
      return this.list();
    });
  }

  scriptHistory(id: string): RuleScriptRevision[] {
    return this.statements.history
      .all(id)
      .map((row) => ({ id: row.id, ruleId: row.rule_id, script: row.script, replacedAt: row.replaced_at }));
  }

  restoreScript(id: string, revisionId: number): Rule | undefined {
    return inTransaction(this.db, () => {
      const revision = this.scriptHistory(id).find((entry) => entry.id === revisionId);
      if (!revision) return undefined;
      return this.update(id, { script: revision.script });
    });
  }

  private assertFree(id: string, name: string, order: number): void {
    if (this.statements.nameTaken.get(name, id)) throw new RuleConflictError('name');
    if (this.statements.orderTaken.get(order, id)) throw new RuleConflictError('order');
  }

  private mustFind(id: string): Rule {
    const rule = this.findById(id);
    if (!rule) throw new Error('rule vanished inside its own transaction');
    return rule;
  }
}
