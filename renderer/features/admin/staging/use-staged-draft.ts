import { useState } from 'react';
import { jsonEqual } from './json-equal';
import type { Json, StagedChange, StageRequest } from './staged-change';
import { useStaging } from './staging-store';

export interface StagedDraft {
  /** The pending change for this form's target, if one is staged. */
  readonly staged: StagedChange | undefined;
  /** What a new draft is compared with: the staged change's base (kept across re-staging), else the tenant. */
  readonly base: Json;
  /** What the form starts from: the staged draft, else what the tenant holds. */
  readonly start: Json;
  /** What the last stage did, in words for the form's status line. */
  readonly notice: string | undefined;
  /** Stages `draft`, or drops the pending change when the draft is what the tenant already holds. */
  stageDraft(draft: Json, request: (base: Json, draft: Json) => StageRequest): void;
}

/**
 * A form's side of the tray, for one target (`key`): where to start, what to compare with, and staging.
 * Re-staging keeps the first base, so a tenant changed since the first draft is still caught at apply.
 */
export function useStagedDraft(key: string, live: Json): StagedDraft {
  const staging = useStaging();
  const staged = staging.find(key);
  const base = staged?.base ?? live;
  const [notice, setNotice] = useState<string>();
  return {
    staged,
    base,
    start: staged?.draft ?? live,
    notice,
    stageDraft(draft, request) {
      if (jsonEqual(draft, base)) {
        if (staged) staging.discard(key);
        setNotice('Nothing to stage: this is what the tenant holds.');
        return;
      }
      staging.stage(request(base, draft));
      setNotice('Staged: review and apply it under Pending changes.');
    },
  };
}
