import { z } from 'zod';

/** Auth0's rule object (auth0-wire.md §7.3). */
export const Rule = z.object({
  id: z.string(),
  name: z.string(),
  script: z.string(),
  order: z.number().int(),
  enabled: z.boolean(),
  stage: z.string().optional(),
});
export type Rule = z.infer<typeof Rule>;

/** Auth0's rule name rule: letters, digits, spaces and `-`, not starting or ending with a space or `-`. */
export const RuleName = z
  .string()
  .max(255)
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9 -]*[A-Za-z0-9])?$/, 'Use letters, digits, spaces and dashes (not at either end)');

export const RuleCreate = z.strictObject({
  name: RuleName,
  script: z.string().min(1).max(100_000),
  order: z.number().int().min(0).optional(),
  enabled: z.boolean().optional(),
});
export type RuleCreate = z.infer<typeof RuleCreate>;

export const RuleUpdate = RuleCreate.partial();
export type RuleUpdate = z.infer<typeof RuleUpdate>;

/** A script a rule had before an edit (Gatehouse's history extension, for diff and rollback). */
export const RuleRevision = z.object({ id: z.number().int(), script: z.string(), replaced_at: z.string() });
export type RuleRevision = z.infer<typeof RuleRevision>;

export const Trigger = z.object({ id: z.string(), version: z.string() });
const Dependency = z.object({ name: z.string(), version: z.string() });
/** Secret values are write-only on Auth0: reads show names and dates only. */
const SecretName = z.object({ name: z.string(), updated_at: z.string().optional() });

/** The short action object Auth0 nests in versions and bindings. */
export const ActionSummary = z.object({
  id: z.string(),
  name: z.string(),
  supported_triggers: z.array(Trigger).optional(),
  all_changes_deployed: z.boolean().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});

export const ActionVersion = z.object({
  id: z.string(),
  action_id: z.string().optional(),
  number: z.number().int().optional(),
  code: z.string().optional(),
  runtime: z.string().optional(),
  dependencies: z.array(Dependency).optional(),
  secrets: z.array(SecretName).optional(),
  supported_triggers: z.array(Trigger).optional(),
  deployed: z.boolean().optional(),
  status: z.string().optional(),
  built_at: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  action: ActionSummary.optional(),
});
export type ActionVersion = z.infer<typeof ActionVersion>;

/** Auth0's action object (post-login actions, §6.4), with its deployed version when there is one. */
export const Action = ActionSummary.extend({
  code: z.string().optional(),
  runtime: z.string().optional(),
  dependencies: z.array(Dependency).optional(),
  secrets: z.array(SecretName).optional(),
  status: z.string().optional(),
  built_at: z.string().optional(),
  deployed_version: ActionVersion.optional(),
});
export type Action = z.infer<typeof Action>;

const TriggerInput = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
  version: z.string().regex(/^v\d{1,3}$/),
});
const ActionFields = {
  code: z.string().max(100_000).optional(),
  runtime: z.string().min(1).max(32).optional(),
  dependencies: z
    .array(z.strictObject({ name: z.string().min(1).max(214), version: z.string().min(1).max(64) }))
    .max(50)
    .optional(),
  /** Written only: a value sent here is never read back. */
  secrets: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z0-9_]{1,128}$/),
        value: z.string().max(4096).optional(),
      }),
    )
    .max(50)
    .optional(),
};

export const ActionCreate = z.strictObject({
  name: z.string().min(1).max(200),
  supported_triggers: z
    .array(TriggerInput)
    .min(1)
    .max(10)
    .default([{ id: 'post-login', version: 'v3' }]),
  ...ActionFields,
});
export type ActionCreate = z.input<typeof ActionCreate>;

export const ActionUpdate = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  supported_triggers: z.array(TriggerInput).min(1).max(10).optional(),
  ...ActionFields,
});
export type ActionUpdate = z.infer<typeof ActionUpdate>;

/** A trigger binding: which action runs, in list order, when the trigger fires. */
export const Binding = z.object({
  id: z.string(),
  trigger_id: z.string().optional(),
  display_name: z.string().optional(),
  action: z.object({ id: z.string(), name: z.string() }),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type Binding = z.infer<typeof Binding>;

/** `PATCH /actions/triggers/{trigger}/bindings` replaces the whole list, in order. */
export const BindingRef = z.strictObject({
  ref: z.strictObject({ type: z.enum(['action_id', 'action_name']), value: z.string().min(1).max(200) }),
  display_name: z.string().min(1).max(200).optional(),
});
export type BindingRef = z.infer<typeof BindingRef>;
