import { z } from 'zod';
import type { Rule, RuleScriptRevision } from '../storage/rule-repository';
import { RuleConflictError } from '../storage/rule-repository';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import { pageBody, pageQueryShape, pageRequest, project, slicePage } from './pagination';
import type { ManagementCall, ManagementRoute } from './route';
import { parseBody, parseQuery, queryBoolean, queryList, text } from './validation';

/** Auth0: letters, digits, spaces and `-`, not starting or ending with a space or `-` (auth0-wire.md §7.3). */
const RuleName = z
  .string()
  .max(255)
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9 -]*[A-Za-z0-9])?$/,
    'must be letters, digits, spaces and dashes, not starting or ending with a space or dash',
  );
const Script = text(100_000).min(1);
const Order = z.number().int().min(0).max(1_000_000_000);
const Stage = z.literal('login_success', { error: 'only login_success rules are supported' });

const Create = z.object({
  name: RuleName,
  script: Script,
  order: Order.optional(),
  enabled: z.boolean().optional(),
  stage: Stage.optional(),
});
const Patch = z.object({
  name: RuleName.optional(),
  script: Script.optional(),
  order: Order.optional(),
  enabled: z.boolean().optional(),
});
/** Gatehouse extension: every rule id exactly once, in the new run order. */
const Reorder = z.object({
  order: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, 'must not name a rule twice'),
});
const ListQuery = z.object({
  ...pageQueryShape,
  enabled: queryBoolean.optional(),
  fields: queryList.optional(),
  include_fields: queryBoolean.optional(),
});

/** Auth0's rule object (§7.3). */
export function ruleWire(rule: Rule) {
  return {
    id: rule.id,
    name: rule.name,
    script: rule.script,
    order: rule.order,
    enabled: rule.enabled,
    stage: rule.stage,
  };
}

/** A previous script of a rule (Gatehouse extension, for the admin pane's diff and rollback). */
function revisionWire(revision: RuleScriptRevision) {
  return { id: revision.id, script: revision.script, replaced_at: new Date(revision.replacedAt).toISOString() };
}

function conflict(error: unknown): never {
  if (error instanceof RuleConflictError) {
    throw error.field === 'order' ? mgmtErrors.ruleOrderConflict() : mgmtErrors.ruleNameConflict();
  }
  throw error;
}

/**
 * `/rules` (§7.3), plus Gatehouse's script history: `GET /rules/{id}/history` lists the scripts a rule
 * had before each edit (newest first), and `POST /rules/{id}/history/{revision}/restore` makes one current
 * again, so an admin can diff and roll back. Order conflicts are 409 `rule_conflict`.
 */
export function ruleRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const rules = deps.repos.rules;
  const find = (call: ManagementCall): Rule => {
    const id = call.params['id'];
    const rule = id === undefined ? undefined : rules.findById(id);
    if (!rule) throw mgmtErrors.notFound('rule', 'inexistent_rule');
    return rule;
  };

  return [
    {
      method: 'GET',
      url: '/rules',
      scopes: ['read:rules'],
      handler(call) {
        const query = parseQuery(ListQuery, call.query);
        const request = pageRequest(query);
        const all = rules.list(query.enabled === undefined ? {} : { enabled: query.enabled });
        const page = slicePage(all, request).map((rule) => project(ruleWire(rule), query.fields, query.include_fields));
        return pageBody('rules', page, all.length, request);
      },
    },
    { method: 'GET', url: '/rules/:id', scopes: ['read:rules'], handler: (call) => ruleWire(find(call)) },
    {
      method: 'POST',
      url: '/rules',
      scopes: ['create:rules'],
      description: 'Create a rule',
      status: 201,
      handler(call) {
        const body = parseBody(Create, call.body);
        return call.commit(() => {
          try {
            return ruleWire(
              rules.create({
                name: body.name,
                script: body.script,
                ...(body.order !== undefined && { order: body.order }),
                ...(body.enabled !== undefined && { enabled: body.enabled }),
              }),
            );
          } catch (error) {
            return conflict(error);
          }
        });
      },
    },
    {
      // Gatehouse extension: Auth0 has no batch reorder, so a client there moves rules one PATCH at a time
      // and an interruption leaves a half-done order. Here the whole new order is one transaction.
      method: 'POST',
      url: '/rules/reorder',
      scopes: ['update:rules'],
      description: 'Reorder the rules',
      handler(call) {
        const body = parseBody(Reorder, call.body);
        return call.commit(() => {
          const all = rules.list();
          if (all.length !== body.order.length || all.some((rule) => !body.order.includes(rule.id))) {
            throw mgmtErrors.badRequest(
              'invalid_body',
              'Payload validation error: order must name every rule exactly once',
            );
          }
          try {
            const placed = rules.reorder(body.order.map((id, index) => ({ id, order: index + 1 })));
            if (!placed) throw mgmtErrors.notFound('rule', 'inexistent_rule');
            return placed.map(ruleWire);
          } catch (error) {
            return conflict(error);
          }
        });
      },
    },
    {
      method: 'PATCH',
      url: '/rules/:id',
      scopes: ['update:rules'],
      description: 'Update a rule',
      handler(call) {
        const body = parseBody(Patch, call.body);
        return call.commit(() => {
          const rule = find(call);
          try {
            return ruleWire(rules.update(rule.id, body) ?? rule);
          } catch (error) {
            return conflict(error);
          }
        });
      },
    },
    {
      method: 'DELETE',
      url: '/rules/:id',
      scopes: ['delete:rules'],
      description: 'Delete a rule',
      status: 204,
      handler(call) {
        call.commit(() => rules.delete(find(call).id));
      },
    },
    {
      method: 'GET',
      url: '/rules/:id/history',
      scopes: ['read:rules'],
      handler: (call) => rules.scriptHistory(find(call).id).map(revisionWire),
    },
    {
      method: 'POST',
      url: '/rules/:id/history/:revision/restore',
      scopes: ['update:rules'],
      description: 'Restore a previous rule script',
      handler(call) {
        return call.commit(() => {
          const rule = find(call);
          const revision = Number(call.params['revision']);
          const restored = Number.isSafeInteger(revision) ? rules.restoreScript(rule.id, revision) : undefined;
          if (!restored) throw mgmtErrors.notFound('rule revision', 'inexistent_rule_revision');
          return ruleWire(restored);
        });
      },
    },
  ];
}
