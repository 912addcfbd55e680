import type { Action, ActionVersion } from '../storage/action-model';
import type { ActionBinding } from '../storage/action-binding-repository';

const iso = (ms: number) => new Date(ms).toISOString();

const triggers = (list: Action['supportedTriggers']) =>
  list.map((trigger) => ({ id: trigger.id, version: trigger.version }));
const dependencies = (list: Action['dependencies']) => list.map((item) => ({ name: item.name, version: item.version }));
/** Secret values are write-only: only names and when they changed are ever shown. */
const secrets = (list: Action['secrets']) => list.map((item) => ({ name: item.name, updated_at: iso(item.updatedAt) }));

/** Whether the draft is what is deployed (Auth0's `all_changes_deployed`). */
export function allChangesDeployed(action: Action): boolean {
  const deployed = action.deployedVersion;
  if (deployed === null) return false;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (
    deployed.code === action.code &&
    deployed.runtime === action.runtime &&
    same(triggers(deployed.supportedTriggers), triggers(action.supportedTriggers)) &&
    same(dependencies(deployed.dependencies), dependencies(action.dependencies)) &&
    same(secrets(deployed.secrets), secrets(action.secrets))
  );
}

/** The short action object Auth0 nests in versions and bindings. */
function actionSummary(action: Action) {
  return {
    id: action.id,
    name: action.name,
    supported_triggers: triggers(action.supportedTriggers),
    all_changes_deployed: allChangesDeployed(action),
    created_at: iso(action.createdAt),
    updated_at: iso(action.updatedAt),
  };
}

/** Auth0's action version object. Builds are instant here, so every version is `built`. */
export function versionWire(version: ActionVersion, action?: Action) {
  return {
    id: version.id,
    action_id: version.actionId,
    number: version.number,
    code: version.code,
    runtime: version.runtime,
    dependencies: dependencies(version.dependencies),
    secrets: secrets(version.secrets),
    supported_triggers: triggers(version.supportedTriggers),
    deployed: version.deployed,
    status: 'built',
    errors: [],
    built_at: iso(version.createdAt),
    created_at: iso(version.createdAt),
    updated_at: iso(version.deployedAt ?? version.createdAt),
    ...(action !== undefined && { action: actionSummary(action) }),
  };
}

/** Auth0's action object (auth0-wire.md §6.4), with the deployed version when there is one. */
export function actionWire(action: Action) {
  return {
    ...actionSummary(action),
    code: action.code,
    runtime: action.runtime,
    dependencies: dependencies(action.dependencies),
    secrets: secrets(action.secrets),
    status: 'built',
    built_at: iso(action.updatedAt),
    ...(action.deployedVersion !== null && { deployed_version: versionWire(action.deployedVersion) }),
  };
}

/** Auth0's trigger binding object. */
export function bindingWire(binding: ActionBinding, action: Action | undefined) {
  return {
    id: binding.id,
    trigger_id: binding.triggerId,
    display_name: binding.displayName,
    action: action ? actionSummary(action) : { id: binding.actionId, name: binding.actionName },
    created_at: iso(binding.createdAt),
    updated_at: iso(binding.updatedAt),
  };
}

/** Auth0's paged shape for the Actions API: `{<key>, total, page, per_page}` (it has no include_totals). */
export function actionsPage<T>(key: string, all: readonly T[], page: number, perPage: number) {
  return { [key]: all.slice(page * perPage, page * perPage + perPage), total: all.length, page, per_page: perPage };
}
