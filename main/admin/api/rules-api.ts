import { z } from 'zod';
import { appError, type AppResult } from '../../../common/errors/app-error';
import { Rule, RuleRevision, type RuleCreate, type RuleUpdate } from '../../../common/admin/extensibility.schema';
import { err, ok } from '../../../common/result';
import type { ManagementTransport } from '../management-transport';
import { fetchAllOffset, op } from './api-helpers';

const Revisions = z.array(RuleRevision);

/**
 * `/rules` (auth0-wire.md §7.3), plus the reference server's script history for diff and rollback.
 * Rules run in ascending `order`; two rules may not share an order (409 `rule_conflict`).
 */
export class RulesApi {
  constructor(private readonly transport: ManagementTransport) {}

  /** Every rule, in execution order. */
  async list(filter: { readonly enabled?: boolean } = {}): Promise<AppResult<Rule[]>> {
    const all = await fetchAllOffset(this.transport, {
      request: { path: ['rules'], query: { enabled: filter.enabled }, operation: op('list the rules', 'rule') },
      key: 'rules',
      item: Rule,
    });
    return all.ok ? ok([...all.value].sort((a, b) => a.order - b.order)) : all;
  }

  async get(id: string): Promise<AppResult<Rule>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['rules', id], operation: op('read the rule', 'rule') },
      Rule,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async create(input: RuleCreate): Promise<AppResult<Rule>> {
    const reply = await this.transport.call(
      { method: 'POST', path: ['rules'], body: input, operation: op('create the rule', 'rule') },
      Rule,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  update(id: string, patch: RuleUpdate, action = 'update the rule'): Promise<AppResult<Rule>> {
    return this.#patch(id, patch, action);
  }

  enable(id: string): Promise<AppResult<Rule>> {
    return this.#patch(id, { enabled: true }, 'enable the rule');
  }

  disable(id: string): Promise<AppResult<Rule>> {
    return this.#patch(id, { enabled: false }, 'disable the rule');
  }

  delete(id: string) {
    return this.transport.run({ method: 'DELETE', path: ['rules', id], operation: op('delete the rule', 'rule') });
  }

  /**
   * Puts every rule in the given order (orders 1, 2, 3, …). `ids` must name each rule exactly once. The
   * reference server takes the whole order in one transaction (`POST /rules/reorder`, a Gatehouse
   * extension). Auth0 has no batch call (404 there), so the rules are then moved one PATCH at a time: rules
   * that move first go to free orders above all current ones, then to their places, so no step can collide
   * and an interruption leaves a valid (if odd) order.
   */
  async reorder(ids: readonly string[]): Promise<AppResult<Rule[]>> {
    const current = await this.list();
    if (!current.ok) return current;
    const byId = new Map(current.value.map((rule) => [rule.id, rule]));
    const unknown = ids.find((id) => !byId.has(id));
    const missing = current.value.find((rule) => !ids.includes(rule.id));
    if (unknown !== undefined || missing !== undefined || new Set(ids).size !== ids.length) {
      return err(
        appError('invalid_input', 'A new order must name every rule exactly once.', {
          nextStep: `List the rules again and give all ${current.value.length} of them in the new order.`,
        }),
      );
    }
    const atOnce = await this.transport.call(
      { method: 'POST', path: ['rules', 'reorder'], body: { order: ids }, operation: op('reorder the rules', 'rule') },
      z.array(Rule),
    );
    if (atOnce.ok) return ok([...atOnce.value.value].sort((a, b) => a.order - b.order));
    const isWithoutBatch = atOnce.error.detail?.status === 404 && atOnce.error.detail.error !== 'inexistent_rule';
    if (!isWithoutBatch) return atOnce;
    return this.#reorderOneByOne(ids, current.value);
  }

  async #reorderOneByOne(ids: readonly string[], current: readonly Rule[]): Promise<AppResult<Rule[]>> {
    const byId = new Map(current.map((rule) => [rule.id, rule]));
    const moving = ids.filter((id, index) => byId.get(id)?.order !== index + 1);
    const parking = Math.max(ids.length, ...current.map((rule) => rule.order)) + 1;
    for (const [index, id] of moving.entries()) {
      const parked = await this.#patch(id, { order: parking + index }, 'reorder the rules');
      if (!parked.ok) return parked;
    }
    for (const id of moving) {
      const placed = await this.#patch(id, { order: ids.indexOf(id) + 1 }, 'reorder the rules');
      if (!placed.ok) return placed;
    }
    return this.list();
  }

  /** The scripts the rule had before each edit, newest first (Gatehouse extension). */
  async history(id: string): Promise<AppResult<RuleRevision[]>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['rules', id, 'history'], operation: op('read the rule’s history', 'rule') },
      Revisions,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  /** Makes an earlier script current again (Gatehouse extension); the replaced one joins the history. */
  async restore(id: string, revision: number): Promise<AppResult<Rule>> {
    const reply = await this.transport.call(
      {
        method: 'POST',
        path: ['rules', id, 'history', String(revision), 'restore'],
        operation: op('restore the earlier script', 'rule revision'),
      },
      Rule,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async #patch(id: string, body: RuleUpdate, action: string): Promise<AppResult<Rule>> {
    const reply = await this.transport.call(
      { method: 'PATCH', path: ['rules', id], body, operation: op(action, 'rule') },
      Rule,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }
}
