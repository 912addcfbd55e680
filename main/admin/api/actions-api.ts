import { z } from 'zod';
import { appError, type AppResult } from '../../../common/errors/app-error';
import {
  Action,
  ActionCreate,
  ActionVersion,
  Binding,
  type ActionUpdate,
  type BindingRef,
} from '../../../common/admin/extensibility.schema';
import { err, ok } from '../../../common/result';
import type { ManagementTransport } from '../management-transport';
import { collectAll, offsetPages, actionsWrapper } from '../paging';
import { checked, op } from './api-helpers';

/** Auth0's post-login trigger, the one a password sign-in runs (auth0-wire.md §6.4). */
export const postLoginTrigger = 'post-login';

const BindingsReply = z.object({ bindings: z.array(Binding) });

/**
 * `/actions/actions` (drafts, versions, deploy, roll back) and `/actions/triggers/{trigger}/bindings`, in
 * Auth0's shapes. The Actions API pages with `{<key>, total, page, per_page}` instead of `include_totals`.
 */
export class ActionsApi {
  constructor(private readonly transport: ManagementTransport) {}

  list(filter: { readonly triggerId?: string; readonly deployed?: boolean } = {}): Promise<AppResult<Action[]>> {
    return collectAll(
      offsetPages(async (page) => {
        const reply = await this.transport.call(
          {
            method: 'GET',
            path: ['actions', 'actions'],
            query: { triggerId: filter.triggerId, deployed: filter.deployed, page, per_page: 100 },
            operation: op('list the actions', 'action'),
          },
          actionsWrapper('actions', Action),
        );
        return reply.ok ? ok(reply.value.value) : reply;
      }),
    );
  }

  async get(id: string): Promise<AppResult<Action>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['actions', 'actions', id], operation: op('read the action', 'action') },
      Action,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async create(input: ActionCreate): Promise<AppResult<Action>> {
    const body = checked(ActionCreate, input);
    if (!body.ok) return body;
    const reply = await this.transport.call(
      {
        method: 'POST',
        path: ['actions', 'actions'],
        body: body.value,
        operation: op('create the action', 'action'),
      },
      Action,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  /** Edits the draft; nothing runs differently until it is deployed. */
  async update(id: string, patch: ActionUpdate): Promise<AppResult<Action>> {
    const reply = await this.transport.call(
      { method: 'PATCH', path: ['actions', 'actions', id], body: patch, operation: op('update the action', 'action') },
      Action,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  /** `force` deletes an action that is still bound to a trigger. */
  delete(id: string, force = false) {
    return this.transport.run({
      method: 'DELETE',
      path: ['actions', 'actions', id],
      query: { force: force ? true : undefined },
      operation: op('delete the action', 'action'),
    });
  }

  /** Deploys the draft as a new version (what logins run from then on). */
  async deploy(id: string): Promise<AppResult<ActionVersion>> {
    const reply = await this.transport.call(
      { method: 'POST', path: ['actions', 'actions', id, 'deploy'], operation: op('deploy the action', 'action') },
      ActionVersion,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  /** Every version of the action, newest first. */
  async versions(id: string): Promise<AppResult<ActionVersion[]>> {
    const all = await collectAll(
      offsetPages(async (page) => {
        const reply = await this.transport.call(
          {
            method: 'GET',
            path: ['actions', 'actions', id, 'versions'],
            query: { page, per_page: 100 },
            operation: op('list the action’s versions', 'action'),
          },
          actionsWrapper('versions', ActionVersion),
        );
        return reply.ok ? ok(reply.value.value) : reply;
      }),
    );
    return all.ok ? ok([...all.value].sort((a, b) => (b.number ?? 0) - (a.number ?? 0))) : all;
  }

  /**
   * Deploys an earlier version again. Without `versionId`, the version before the one deployed now;
   * `versionId` may also be a version number.
   */
  async rollback(id: string, versionId?: string): Promise<AppResult<ActionVersion>> {
    const versions = await this.versions(id);
    if (!versions.ok) return versions;
    const target = pickRollbackTarget(versions.value, versionId);
    if (target === undefined) {
      return err(
        appError(
          'not_found',
          versionId === undefined
            ? 'There is no earlier version to go back to.'
            : `The action has no version “${versionId}”.`,
          {
            nextStep: 'List the action’s versions to pick one.',
          },
        ),
      );
    }
    const reply = await this.transport.call(
      {
        method: 'POST',
        path: ['actions', 'actions', id, 'versions', target.id, 'deploy'],
        operation: op('roll the action back', 'action version'),
      },
      ActionVersion,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  /** The actions bound to a trigger, in the order they run. */
  async bindings(triggerId: string = postLoginTrigger): Promise<AppResult<Binding[]>> {
    return collectAll(
      offsetPages(async (page) => {
        const reply = await this.transport.call(
          {
            method: 'GET',
            path: ['actions', 'triggers', triggerId, 'bindings'],
            query: { page, per_page: 100 },
            operation: op('list the trigger’s actions', 'trigger'),
          },
          actionsWrapper('bindings', Binding),
        );
        return reply.ok ? ok(reply.value.value) : reply;
      }),
    );
  }

  /** Replaces the trigger's whole binding list, in order. */
  async setBindings(
    bindings: readonly BindingRef[],
    triggerId: string = postLoginTrigger,
  ): Promise<AppResult<Binding[]>> {
    const reply = await this.transport.call(
      {
        method: 'PATCH',
        path: ['actions', 'triggers', triggerId, 'bindings'],
        body: { bindings },
        operation: op('change the trigger’s actions', 'trigger'),
      },
      BindingsReply,
    );
    return reply.ok ? ok(reply.value.value.bindings) : reply;
  }
}

/** The version a rollback deploys: the one named (by id or number), else the one before the deployed one. */
export function pickRollbackTarget(
  versions: readonly ActionVersion[],
  versionId: string | undefined,
): ActionVersion | undefined {
  if (versionId !== undefined) {
    return versions.find((version) => version.id === versionId || String(version.number) === versionId);
  }
  const newestFirst = [...versions].sort((a, b) => (b.number ?? 0) - (a.number ?? 0));
  const deployed = newestFirst.findIndex((version) => version.deployed === true);
  return deployed === -1 ? undefined : newestFirst[deployed + 1];
}
