import { z } from 'zod';
import { ActionBindingError, POST_LOGIN_TRIGGER } from '../storage/action-binding-repository';
import { actionsPage, bindingWire } from './action-wire';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import type { ManagementRoute } from './route';
import { parseBody, parseQuery, queryInt, text } from './validation';

const BindingsPatch = z.object({
  bindings: z
    .array(
      z.object({
        ref: z.object({ type: z.enum(['action_id', 'action_name']), value: text(200).min(1) }),
        display_name: text(200).min(1).optional(),
        secrets: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional(),
      }),
    )
    .max(50),
});
const PageQuery = z.object({ page: queryInt(0, 1_000_000).optional(), per_page: queryInt(1, 100).optional() });

/** The triggers Gatehouse runs: post-login only (Auth0's current version of it). */
const triggers = [
  {
    id: POST_LOGIN_TRIGGER,
    version: 'v3',
    status: 'CURRENT',
    runtimes: ['node18-actions', 'node22'],
    default_runtime: 'node22',
    compatible_triggers: [],
  },
];

/**
 * `/actions/triggers` and `/actions/triggers/{triggerId}/bindings` in Auth0's shapes (auth0-wire.md
 * §6.4): PATCH replaces the trigger's whole binding list at once, in order, naming each action by id or
 * by name, exactly as the Deploy CLI sends it.
 */
export function actionBindingRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const { actions, actionBindings } = deps.repos;
  const trigger = (id: string | undefined): string => {
    if (id !== POST_LOGIN_TRIGGER) throw mgmtErrors.notFound('trigger', 'inexistent_trigger');
    return id;
  };
  const wire = (triggerId: string) =>
    actionBindings.list(triggerId).map((binding) => bindingWire(binding, actions.findById(binding.actionId)));

  return [
    { method: 'GET', url: '/actions/triggers', scopes: ['read:actions'], handler: () => ({ triggers }) },
    {
      method: 'GET',
      url: '/actions/triggers/:triggerId/bindings',
      scopes: ['read:actions'],
      handler(call) {
        const query = parseQuery(PageQuery, call.query);
        return actionsPage('bindings', wire(trigger(call.params['triggerId'])), query.page ?? 0, query.per_page ?? 20);
      },
    },
    {
      method: 'PATCH',
      url: '/actions/triggers/:triggerId/bindings',
      scopes: ['update:actions'],
      description: 'Update trigger bindings',
      handler(call) {
        const body = parseBody(BindingsPatch, call.body);
        return call.commit(() => {
          const triggerId = trigger(call.params['triggerId']);
          try {
            actionBindings.replace(
              triggerId,
              body.bindings.map((binding) => ({
                ref: binding.ref,
                ...(binding.display_name !== undefined && { displayName: binding.display_name }),
              })),
            );
          } catch (error) {
            if (error instanceof ActionBindingError) throw mgmtErrors.badRequest('invalid_body', error.message);
            throw error;
          }
          return { bindings: wire(triggerId) };
        });
      },
    },
  ];
}
