import type { ActionBindingRepository } from '../storage/action-binding-repository';
import { POST_LOGIN_TRIGGER } from '../storage/action-binding-repository';
import type { ActionRepository } from '../storage/action-repository';
import type { RuleConfigRepository } from '../storage/rule-config-repository';
import type { RuleRepository } from '../storage/rule-repository';
import type { ActionToRun, PipelineScripts, RuleToRun } from './pipeline-types';

/** Where the scripts of a login come from. */
export interface ScriptCatalogDependencies {
  readonly rules: RuleRepository;
  readonly ruleConfigs: RuleConfigRepository;
  readonly actions: ActionRepository;
  readonly actionBindings: ActionBindingRepository;
}

/** A rule as the pipeline runs it. */
export function ruleToRun(rule: { readonly id: string; readonly name: string; readonly script: string }): RuleToRun {
  return { kind: 'rule', id: rule.id, name: rule.name, source: rule.script };
}

/**
 * The scripts one login runs, read fresh each time so an admin's change applies to the next login:
 * enabled rules in ascending order, then the deployed version of each action bound to post-login, in
 * binding order (auth0-wire.md §6.1–6.4).
 */
export function loadPostLoginScripts(deps: ScriptCatalogDependencies): PipelineScripts {
  const rules = deps.rules.list({ enabled: true }).map(ruleToRun);
  const actions: ActionToRun[] = [];
  for (const binding of deps.actionBindings.list(POST_LOGIN_TRIGGER)) {
    const deployed = deps.actions.deployedForRun(binding.actionId);
    if (!deployed) continue;
    actions.push({
      kind: 'action',
      id: binding.actionId,
      name: binding.displayName,
      source: deployed.version.code,
      secrets: deployed.secrets,
    });
  }
  // Rule configuration is read only when a rule will run: it may be sealed, and opening costs a little.
  const configuration = rules.length > 0 ? deps.ruleConfigs.all() : {};
  return { rules, actions, configuration };
}
