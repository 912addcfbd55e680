import type { Action } from '../../../../common/admin/extensibility.schema';
import { ok } from '../../../../common/result';
import { adminGetAction, adminUpdateAction } from '../../../api/gatehouse';
import type { Json, StageRequest } from '../staging/staged-change';

/** What an action's draft holds that the editor changes. Secret values are not here: they are write-only. */
export interface ActionDraft {
  readonly code: string;
  readonly dependencies: readonly { readonly name: string; readonly version: string }[];
  readonly secretNames: readonly string[];
  /** Values typed in this draft, by name: sent once on apply, never read back or shown in the tray. */
  readonly newSecretValues: Readonly<Record<string, string>>;
}

export const draftOf = (action: Action): ActionDraft => ({
  code: action.code ?? '',
  dependencies: (action.dependencies ?? []).map((item) => ({ name: item.name, version: item.version })),
  secretNames: (action.secrets ?? []).map((secret) => secret.name),
  newSecretValues: {},
});

/** The tray's view of a draft: a secret with a new value is named "NAME (new value)", never its value. */
function asJson(draft: ActionDraft): Json {
  return {
    code: draft.code,
    dependencies: draft.dependencies.map((item) => `${item.name}@${item.version}`),
    secrets: draft.secretNames.map((name) => (name in draft.newSecretValues ? `${name} (new value)` : name)),
  };
}

const strings = (value: Json | undefined): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function fromJson(value: Json) {
  const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const record = object as { readonly [key: string]: Json };
  return {
    code: typeof record['code'] === 'string' ? record['code'] : '',
    dependencies: strings(record['dependencies']).map((text) => {
      const at = text.lastIndexOf('@');
      return at > 0 ? { name: text.slice(0, at), version: text.slice(at + 1) } : { name: text, version: 'latest' };
    }),
    secretNames: strings(record['secrets']).map((name) => name.replace(/ \(new value\)$/, '')),
  };
}

/**
 * An edit of an action's draft code, dependencies and secrets as a staged change. Applying writes the draft
 * (PATCH) but does not deploy: logins keep the deployed version until "Deploy". Undo writes the old code,
 * dependencies and secret names back; a secret whose value was replaced keeps the new value (values are
 * write-only, so the old one cannot be read to put back).
 */
export function actionChange(action: Action, draft: ActionDraft): StageRequest {
  const read = async () => {
    const live = await adminGetAction(action.id);
    return live.ok ? ok(asJson(draftOf(live.value))) : live;
  };
  return {
    key: `action:${action.id}`,
    area: 'action',
    title: `Action “${action.name}”: code, dependencies and secrets (draft)`,
    base: asJson(draftOf(action)),
    draft: asJson(draft),
    readLive: read,
    write: async (value) => {
      const target = fromJson(value);
      const written = await adminUpdateAction(action.id, {
        code: target.code,
        dependencies: target.dependencies,
        secrets: target.secretNames.map((name) => {
          const typed = draft.newSecretValues[name];
          return typed === undefined ? { name } : { name, value: typed };
        }),
      });
      return written.ok ? ok(asJson(draftOf(written.value))) : written;
    },
  };
}
