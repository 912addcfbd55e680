import { z } from 'zod';
import type { Action } from '../storage/action-model';
import { ActionStorageError } from '../storage/action-model';
import { actionsPage, actionWire, versionWire } from './action-wire';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import type { ManagementCall, ManagementRoute } from './route';
import { parseBody, parseQuery, queryBoolean, queryInt, queryString, text } from './validation';

const ActionName = text(200).min(1);
const Trigger = z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/), version: z.string().regex(/^v\d{1,3}$/) });
const Dependency = z.object({ name: text(214).min(1), version: text(64).min(1), registry_url: z.string().optional() });
const Secret = z.object({
  name: z.string().regex(/^[A-Za-z0-9_]{1,128}$/, 'must be letters, digits and _'),
  value: text(4096).optional(),
});
/** Informational: the sandbox is not Node (issue #4), so any of Auth0's runtime names is accepted. */
const Runtime = z.enum(['node12', 'node16', 'node18', 'node18-actions', 'node22']);

const Fields = {
  code: text(100_000).optional(),
  runtime: Runtime.optional(),
  dependencies: z.array(Dependency).max(50).optional(),
  secrets: z.array(Secret).max(50).optional(),
};
const Create = z.object({
  name: ActionName,
  supported_triggers: z.array(Trigger).min(1).max(10),
  deploy: z.boolean().optional(),
  ...Fields,
});
const Patch = z.object({
  name: ActionName.optional(),
  supported_triggers: z.array(Trigger).min(1).max(10).optional(),
  ...Fields,
});
const ListQuery = z.object({
  triggerId: queryString.optional(),
  actionName: queryString.optional(),
  deployed: queryBoolean.optional(),
  installed: queryBoolean.optional(),
  page: queryInt(0, 1_000_000).optional(),
  per_page: queryInt(1, 100).optional(),
});
const PageQuery = z.object({ page: queryInt(0, 1_000_000).optional(), per_page: queryInt(1, 100).optional() });
const DeleteQuery = z.object({ force: queryBoolean.optional() });

function storageError(error: unknown): never {
  if (error instanceof ActionStorageError) {
    throw error.reason === 'duplicate_name'
      ? mgmtErrors.conflict('action_conflict', error.message)
      : mgmtErrors.invalidBody(`'${error.message}' on property secrets`);
  }
  throw error;
}

const dependencyInput = (list: z.infer<typeof Dependency>[] | undefined) =>
  list?.map((item) => ({ name: item.name, version: item.version }));
const secretInput = (list: z.infer<typeof Secret>[] | undefined) =>
  list?.map((item) => ({ name: item.name, ...(item.value !== undefined && { value: item.value }) }));

/**
 * `/actions/actions` (auth0-wire.md §6.4): drafts, versions, deploy and rollback, in Auth0's shapes.
 * History for diff and rollback is the version list: every deploy keeps an immutable copy, and
 * `POST …/versions/{id}/deploy` makes an old one current again (and resets the draft to it).
 */
export function actionRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const actions = deps.repos.actions;
  const find = (call: ManagementCall, param = 'id'): Action => {
    const id = call.params[param];
    const action = id === undefined ? undefined : actions.findById(id);
    if (!action) throw mgmtErrors.notFound('action', 'inexistent_action');
    return action;
  };

  return [
    {
      method: 'GET',
      url: '/actions/actions',
      scopes: ['read:actions'],
      handler(call) {
        const query = parseQuery(ListQuery, call.query);
        const all = actions.list({
          ...(query.triggerId !== undefined && { triggerId: query.triggerId }),
          ...(query.deployed !== undefined && { deployed: query.deployed }),
          ...(query.actionName !== undefined && { name: query.actionName }),
        });
        return actionsPage('actions', all.map(actionWire), query.page ?? 0, query.per_page ?? 20);
      },
    },
    { method: 'GET', url: '/actions/actions/:id', scopes: ['read:actions'], handler: (call) => actionWire(find(call)) },
    {
      method: 'POST',
      url: '/actions/actions',
      scopes: ['create:actions'],
      description: 'Create an action',
      status: 201,
      handler(call) {
        const body = parseBody(Create, call.body);
        return call.commit(() => {
          try {
            const created = actions.create({
              name: body.name,
              supportedTriggers: body.supported_triggers,
              code: body.code ?? '',
              ...(body.runtime !== undefined && { runtime: body.runtime }),
              ...(body.dependencies !== undefined && { dependencies: dependencyInput(body.dependencies) ?? [] }),
              ...(body.secrets !== undefined && { secrets: secretInput(body.secrets) ?? [] }),
            });
            if (body.deploy === true) actions.deploy(created.id);
            return actionWire(actions.findById(created.id) ?? created);
          } catch (error) {
            return storageError(error);
          }
        });
      },
    },
    {
      method: 'PATCH',
      url: '/actions/actions/:id',
      scopes: ['update:actions'],
      description: 'Update an action',
      handler(call) {
        const body = parseBody(Patch, call.body);
        return call.commit(() => {
          const action = find(call);
          try {
            const updated = actions.update(action.id, {
              ...(body.name !== undefined && { name: body.name }),
              ...(body.supported_triggers !== undefined && { supportedTriggers: body.supported_triggers }),
              ...(body.code !== undefined && { code: body.code }),
              ...(body.runtime !== undefined && { runtime: body.runtime }),
              ...(body.dependencies !== undefined && { dependencies: dependencyInput(body.dependencies) ?? [] }),
              ...(body.secrets !== undefined && { secrets: secretInput(body.secrets) ?? [] }),
            });
            return actionWire(updated ?? action);
          } catch (error) {
            return storageError(error);
          }
        });
      },
    },
    {
      method: 'DELETE',
      url: '/actions/actions/:id',
      scopes: ['delete:actions'],
      description: 'Delete an action',
      status: 204,
      handler(call) {
        const query = parseQuery(DeleteQuery, call.query);
        call.commit(() => {
          const action = find(call);
          if (query.force !== true && deps.repos.actionBindings.isBound(action.id)) {
            throw mgmtErrors.conflict(
              'action_bound',
              'The action is bound to a trigger; unbind it or pass force=true.',
            );
          }
          actions.delete(action.id);
        });
      },
    },
    {
      method: 'POST',
      url: '/actions/actions/:id/deploy',
      scopes: ['create:actions', 'update:actions'],
      description: 'Deploy an action',
      status: 202,
      handler(call) {
        return call.commit(() => {
          const action = find(call);
          const version = actions.deploy(action.id);
          if (!version) throw mgmtErrors.notFound('action', 'inexistent_action');
          return versionWire(version, actions.findById(action.id));
        });
      },
    },
    {
      method: 'GET',
      url: '/actions/actions/:actionId/versions',
      scopes: ['read:actions'],
      handler(call) {
        const query = parseQuery(PageQuery, call.query);
        const action = find(call, 'actionId');
        const versions = actions.versions(action.id).map((version) => versionWire(version, action));
        return actionsPage('versions', versions, query.page ?? 0, query.per_page ?? 20);
      },
    },
    {
      method: 'GET',
      url: '/actions/actions/:actionId/versions/:id',
      scopes: ['read:actions'],
      handler(call) {
        const action = find(call, 'actionId');
        const version = actions.findVersion(action.id, call.params['id'] ?? '');
        if (!version) throw mgmtErrors.notFound('action version', 'inexistent_action_version');
        return versionWire(version, action);
      },
    },
    {
      method: 'POST',
      url: '/actions/actions/:actionId/versions/:id/deploy',
      scopes: ['create:actions', 'update:actions'],
      description: 'Roll back an action to a previous version',
      status: 202,
      handler(call) {
        return call.commit(() => {
          const action = find(call, 'actionId');
          const version = actions.rollback(action.id, call.params['id'] ?? '');
          if (!version) throw mgmtErrors.notFound('action version', 'inexistent_action_version');
          return versionWire(version, actions.findById(action.id));
        });
      },
    },
  ];
}
