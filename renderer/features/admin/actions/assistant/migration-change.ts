import { z } from 'zod';
import { appError, type AppResult } from '../../../../../common/errors/app-error';
import type { Action, Binding, BindingRef, Rule } from '../../../../../common/admin/extensibility.schema';
import { err, ok } from '../../../../../common/result';
import type { Json, StageRequest } from '../../staging/staged-change';

/** The admin calls a migration makes (the renderer's bridge functions; a test may record them). */
export interface MigrationCalls {
  getRule(id: string): Promise<AppResult<Rule>>;
  updateRule(id: string, patch: { enabled: boolean }): Promise<AppResult<Rule>>;
  listActions(): Promise<AppResult<Action[]>>;
  createAction(action: {
    name: string;
    code: string;
    dependencies: { name: string; version: string }[];
    secrets: { name: string; value: string }[];
  }): Promise<AppResult<Action>>;
  updateAction(id: string, patch: { code: string }): Promise<AppResult<Action>>;
  deployAction(id: string): Promise<AppResult<unknown>>;
  deleteAction(id: string, force: boolean): Promise<AppResult<unknown>>;
  listBindings(triggerId: string): Promise<AppResult<Binding[]>>;
  setBindings(triggerId: string, bindings: BindingRef[]): Promise<AppResult<Binding[]>>;
}

/**
 * What a migration touches, as plain JSON for the tray's field-level diff: the rule's switch, the action
 * (null when it does not exist; `deployed` when logins run its current code) and the post-login order by
 * action name. Secret values are never part of it: the tray shows this, and they are write-only.
 */
const MigrationState = z.object({
  ruleEnabled: z.boolean(),
  action: z.object({ code: z.string(), deployed: z.boolean() }).nullable(),
  postLogin: z.array(z.string()),
});
export type MigrationState = z.infer<typeof MigrationState>;

export interface MigrationPlan {
  readonly rule: Pick<Rule, 'id' | 'name'>;
  readonly actionName: string;
  readonly code: string;
  readonly dependencies: readonly { readonly name: string; readonly version: string }[];
  /** Typed by the admin for the secrets the rule's `configuration` needs; sent once, never shown again. */
  readonly secrets: Readonly<Record<string, string>>;
}

const trigger = 'post-login';

async function readState(calls: MigrationCalls, plan: MigrationPlan): Promise<AppResult<MigrationState>> {
  const [rule, actions, bindings] = await Promise.all([
    calls.getRule(plan.rule.id),
    calls.listActions(),
    calls.listBindings(trigger),
  ]);
  if (!rule.ok) return rule;
  if (!actions.ok) return actions;
  if (!bindings.ok) return bindings;
  const action = actions.value.find((candidate) => candidate.name === plan.actionName);
  return ok({
    ruleEnabled: rule.value.enabled,
    action: action ? { code: action.code ?? '', deployed: action.all_changes_deployed === true } : null,
    postLogin: bindings.value.map((binding) => binding.action.name),
  });
}

const refs = (names: readonly string[]): BindingRef[] =>
  names.map((name) => ({ ref: { type: 'action_name', value: name } }));

/**
 * Makes the tenant hold `target`, in the order that never leaves a login without the claims: the action
 * exists and is deployed before it is bound, and it is bound before the rule goes off; going back, the rule
 * comes on before the action is unbound and deleted.
 */
async function writeState(
  calls: MigrationCalls,
  plan: MigrationPlan,
  target: MigrationState,
): Promise<AppResult<MigrationState>> {
  const live = await readState(calls, plan);
  if (!live.ok) return live;
  const actions = await calls.listActions();
  if (!actions.ok) return actions;
  let existing = actions.value.find((candidate) => candidate.name === plan.actionName);

  if (target.ruleEnabled && !live.value.ruleEnabled) {
    const on = await calls.updateRule(plan.rule.id, { enabled: true });
    if (!on.ok) return on;
  }
  if (target.action !== null) {
    if (!existing) {
      const created = await calls.createAction({
        name: plan.actionName,
        code: target.action.code,
        dependencies: plan.dependencies.map((item) => ({ ...item })),
        secrets: Object.entries(plan.secrets).map(([name, value]) => ({ name, value })),
      });
      if (!created.ok) return created;
      existing = created.value;
    } else if (existing.code !== target.action.code) {
      const updated = await calls.updateAction(existing.id, { code: target.action.code });
      if (!updated.ok) return updated;
      existing = updated.value;
    }
    if (target.action.deployed && existing.all_changes_deployed !== true) {
      const deployed = await calls.deployAction(existing.id);
      if (!deployed.ok) return deployed;
    }
  }
  const bound = await calls.setBindings(trigger, refs(target.postLogin));
  if (!bound.ok) return bound;
  if (target.action === null && existing) {
    const removed = await calls.deleteAction(existing.id, true);
    if (!removed.ok) return removed;
  }
  if (!target.ruleEnabled && live.value.ruleEnabled) {
    const off = await calls.updateRule(plan.rule.id, { enabled: false });
    if (!off.ok) return off;
  }
  return readState(calls, plan);
}

/**
 * "Deploy and bind the action, disable the rule" as one staged change (area `migration`). `base` is what the
 * tenant holds now; undo writes it back, which turns the rule on, unbinds and deletes the action.
 */
export async function migrationChange(calls: MigrationCalls, plan: MigrationPlan): Promise<AppResult<StageRequest>> {
  const base = await readState(calls, plan);
  if (!base.ok) return base;
  const draft: MigrationState = {
    ruleEnabled: false,
    action: { code: plan.code, deployed: true },
    postLogin: [...base.value.postLogin.filter((name) => name !== plan.actionName), plan.actionName],
  };
  return ok({
    key: `migration:${plan.rule.id}`,
    area: 'migration',
    title: `Rule “${plan.rule.name}” → action “${plan.actionName}”: deploy and bind the action, disable the rule`,
    base: base.value,
    draft,
    readLive: () => readState(calls, plan),
    write: async (value: Json) => {
      const target = MigrationState.safeParse(value);
      if (!target.success) return err(appError('invalid_input', 'The staged migration is not in the expected shape.'));
      return writeState(calls, plan, target.data);
    },
  });
}
