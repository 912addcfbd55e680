/**
 * The shapes of post-login actions (auth0-wire.md §6.4) as the server sees them. Auth0's Management API
 * names them `actions`, `versions` and `bindings`; the routes convert to snake_case.
 */

/** A trigger an action supports (Auth0 `supported_triggers[]`). Gatehouse runs only `post-login`. */
export interface ActionTrigger {
  readonly id: string;
  readonly version: string;
}

export interface ActionDependency {
  readonly name: string;
  readonly version: string;
}

/** A secret's metadata; its value is write-only and reaches only the sandbox (`event.secrets`). */
export interface ActionSecretInfo {
  readonly name: string;
  readonly updatedAt: number;
}

/** An action's draft: what the editor changes. Deploying snapshots it into a version. */
export interface Action {
  /** A UUID, as Auth0 action ids. */
  readonly id: string;
  readonly name: string;
  readonly supportedTriggers: readonly ActionTrigger[];
  /** `exports.onExecutePostLogin = async (event, api) => { ... }` source. */
  readonly code: string;
  readonly runtime: string;
  readonly dependencies: readonly ActionDependency[];
  readonly secrets: readonly ActionSecretInfo[];
  /** The deployed version, or null when the action was never deployed. */
  readonly deployedVersion: ActionVersion | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** An immutable snapshot of an action, made by deploying (or rolling back to) it. */
export interface ActionVersion {
  readonly id: string;
  readonly actionId: string;
  /** 1, 2, 3 ... per action. */
  readonly number: number;
  readonly code: string;
  readonly runtime: string;
  readonly dependencies: readonly ActionDependency[];
  readonly secrets: readonly ActionSecretInfo[];
  readonly supportedTriggers: readonly ActionTrigger[];
  readonly deployed: boolean;
  readonly createdAt: number;
  readonly deployedAt: number | null;
}

/** A secret as written by an admin. Omitting `value` on update keeps the stored one. */
export interface ActionSecretInput {
  readonly name: string;
  readonly value?: string;
}

export interface NewAction {
  readonly name: string;
  readonly supportedTriggers: readonly ActionTrigger[];
  readonly code: string;
  /** Default `node22`. Informational: the sandbox is not Node (see server/README.md). */
  readonly runtime?: string;
  readonly dependencies?: readonly ActionDependency[];
  readonly secrets?: readonly ActionSecretInput[];
}

export type ActionPatch = Partial<Omit<NewAction, 'supportedTriggers'>> & {
  readonly supportedTriggers?: readonly ActionTrigger[];
};

/** A write that names a taken action name, or a secret without a value. Management answers 409 / 400. */
export class ActionStorageError extends Error {
  constructor(
    readonly reason: 'duplicate_name' | 'secret_without_value',
    message: string,
  ) {
    super(message);
    this.name = 'ActionStorageError';
  }
}
