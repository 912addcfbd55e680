import type { ClaimDropReason } from './custom-claims';
import type { ScriptFailureKind } from './isolate-pool';

/** Which script did something: a rule or an action, by id and name. */
export interface ScriptRef {
  readonly kind: 'rule' | 'action';
  readonly id: string;
  readonly name: string;
}

export interface RuleToRun extends ScriptRef {
  readonly kind: 'rule';
  readonly source: string;
}

export interface ActionToRun extends ScriptRef {
  readonly kind: 'action';
  readonly source: string;
  /** `event.secrets` of this action. */
  readonly secrets: Readonly<Record<string, string>>;
}

/** What one login runs: enabled rules in order, then the bound actions in order. */
export interface PipelineScripts {
  readonly rules: readonly RuleToRun[];
  readonly actions: readonly ActionToRun[];
  /** The rules' `configuration` object. */
  readonly configuration: Readonly<Record<string, string>>;
}

/** Why a script run failed, besides the script deciding to deny. */
export type ScriptRunStatus = 'ok' | 'denied' | 'error' | ScriptFailureKind;

/** A pipeline that ended the login. */
export type PipelineStop =
  | {
      readonly kind: 'deny';
      /** `unauthorized` (401) for a rule's UnauthorizedError, else `access_denied` (403) (§2 rows 15–16). */
      readonly error: 'unauthorized' | 'access_denied';
      readonly message: string;
      readonly script: ScriptRef;
      readonly cause: ScriptRunStatus;
    }
  | { readonly kind: 'redirect'; readonly url: string; readonly script: ScriptRef };

export interface ConsoleLine {
  readonly script: ScriptRef;
  readonly level: string;
  readonly line: string;
}

/** A claim in the final tokens and the script that last set it. */
export interface ClaimSource {
  readonly token: 'access' | 'id';
  readonly claim: string;
  readonly script: ScriptRef;
}

export interface DroppedClaim extends ClaimSource {
  readonly reason: ClaimDropReason;
}

export interface MultifactorDemand {
  readonly provider: string;
  readonly allowRememberBrowser: boolean;
  readonly script: ScriptRef;
}

/** The outcome of the post-login pipeline (rules, then actions). */
export interface PipelineResult {
  readonly stop: PipelineStop | null;
  readonly accessTokenClaims: Readonly<Record<string, unknown>>;
  readonly idTokenClaims: Readonly<Record<string, unknown>>;
  /** The access token's scopes after every script. */
  readonly scope: readonly string[];
  readonly multifactor: MultifactorDemand | null;
  readonly provenance: readonly ClaimSource[];
  readonly dropped: readonly DroppedClaim[];
  readonly console: readonly ConsoleLine[];
  readonly runs: readonly { readonly script: ScriptRef; readonly status: ScriptRunStatus; readonly ms: number }[];
}
