import { z } from 'zod';
import { RuleCreate, type Rule } from '../../../../common/admin/extensibility.schema';
import { appError, type AppResult } from '../../../../common/errors/app-error';
import { err, ok } from '../../../../common/result';
import { adminGetRule, adminListRules, adminReorderRules, adminUpdateRule } from '../../../api/gatehouse';
import type { Json, StageRequest } from '../staging/staged-change';

/** What one rule's staged change writes: everything an admin edits about a rule except its place. */
export const RuleFields = RuleCreate.pick({ name: true, script: true, enabled: true }).required();
export type RuleFields = z.infer<typeof RuleFields>;

export const fieldsOf = (rule: Rule): RuleFields => ({ name: rule.name, script: rule.script, enabled: rule.enabled });

export const ruleKey = (id: string) => `rule:${id}`;
export const orderKey = 'rules:order';

const mapped = <T, U>(result: AppResult<T>, to: (value: T) => U): AppResult<U> =>
  result.ok ? ok(to(result.value)) : result;

/** A value the tray hands back that is not of the shape this change staged: a bug, said in words. */
const notOurs = (what: string) =>
  err(
    appError('invalid_input', `The staged ${what} is not in the expected shape.`, {
      nextStep: 'Discard it and make the change again.',
    }),
  );

/**
 * One rule's name, script and on/off as a staged change. `base` is what the tenant held when the first
 * edit of this rule was staged (an earlier staged change keeps its base, so a conflict is still caught).
 */
export function ruleChange(rule: Rule, base: Json, draft: Json): StageRequest {
  return {
    key: ruleKey(rule.id),
    area: 'rule',
    title: `“${rule.name}”`,
    base,
    draft,
    readLive: async () => mapped(await adminGetRule(rule.id), fieldsOf),
    async write(value: Json) {
      const fields = RuleFields.safeParse(value);
      if (!fields.success) return notOurs('rule');
      return mapped(await adminUpdateRule(rule.id, fields.data), fieldsOf);
    },
  };
}

const Names = z.array(z.string());

/**
 * The run order as one staged change. It is kept as rule *names* (unique on Auth0 and here), so the tray's
 * diff reads "Add roles, Deny at night" rather than ids; the write maps them back to ids and moves every
 * rule in one call (one transaction on the reference server).
 */
export function orderChange(base: Json, draft: Json): StageRequest {
  const namesInOrder = (rules: readonly Rule[]) =>
    [...rules].sort((a, b) => a.order - b.order).map((rule) => rule.name);
  return {
    key: orderKey,
    area: 'rule',
    title: 'Run order',
    base,
    draft,
    readLive: async () => mapped(await adminListRules(), namesInOrder),
    async write(value: Json) {
      const names = Names.safeParse(value);
      if (!names.success) return notOurs('rule order');
      const live = await adminListRules();
      if (!live.ok) return live;
      const idOf = new Map(live.value.map((rule) => [rule.name, rule.id]));
      const ids = names.data.map((name) => idOf.get(name));
      if (ids.some((id) => id === undefined) || ids.length !== live.value.length) {
        return err(
          appError('conflict', 'The rules changed since the order was staged.', {
            nextStep: 'Discard the staged order and reorder the rules again.',
          }),
        );
      }
      return mapped(await adminReorderRules(ids.filter((id) => id !== undefined)), namesInOrder);
    },
  };
}
