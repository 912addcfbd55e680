import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../config';
import type { ValueCipher } from '../extensibility/value-cipher';
import type { SqliteDatabase } from './database';
import { inTransaction } from './database';
import { readJson } from './json-column';
import type {
  Action,
  ActionPatch,
  ActionSecretInfo,
  ActionSecretInput,
  ActionVersion,
  NewAction,
} from './action-model';
import { ActionStorageError } from './action-model';

export type { Action, ActionPatch, ActionVersion, NewAction } from './action-model';
export { ActionStorageError } from './action-model';

/** Actions storage: drafts, versions, deploy and rollback. Bindings live in action-binding-repository.ts. */
export interface ActionRepository {
  /** Newest first. `triggerId` keeps actions that support it; `deployed` keeps (un)deployed ones. */
  list(filter?: { readonly triggerId?: string; readonly deployed?: boolean; readonly name?: string }): Action[];
  findById(id: string): Action | undefined;
  findByName(name: string): Action | undefined;
  create(input: NewAction): Action;
  /** Changes the draft only; what runs changes when it is deployed. */
  update(id: string, patch: ActionPatch): Action | undefined;
  /** Removes the action, its versions and its bindings. Use `isBound` first to refuse without `force`. */
  delete(id: string): boolean;
  /** Snapshots the draft into a new version and makes it the deployed one. */
  deploy(id: string): ActionVersion | undefined;
  /**
   * Roll back (Auth0 `POST /actions/actions/{id}/versions/{versionId}/deploy`): a new deployed version
   * identical to `versionId`, and the draft is reset to it.
   */
  rollback(id: string, versionId: string): ActionVersion | undefined;
  /** Versions, newest first. */
  versions(id: string): ActionVersion[];
  findVersion(id: string, versionId: string): ActionVersion | undefined;
  /** The draft's code with its opened secrets, for a dry run of unsaved work. */
  draftForRun(
    id: string,
  ): { readonly code: string; readonly name: string; readonly secrets: Record<string, string> } | undefined;
  /** The deployed code with its opened secrets, for the sandbox. */
  deployedForRun(id: string): { readonly version: ActionVersion; readonly secrets: Record<string, string> } | undefined;
}

const Triggers = z.array(z.object({ id: z.string(), version: z.string() }));
const Dependencies = z.array(z.object({ name: z.string(), version: z.string() }));
const StoredSecrets = z.array(z.object({ name: z.string(), value: z.string(), updated_at: z.number() }));
type StoredSecret = z.infer<typeof StoredSecrets>[number];

interface ActionRow {
  id: string;
  name: string;
  supported_triggers: string;
  code: string;
  runtime: string;
  dependencies: string;
  secrets: string;
  created_at: number;
  updated_at: number;
}

interface VersionRow {
  id: string;
  action_id: string;
  number: number;
  code: string;
  runtime: string;
  dependencies: string;
  secrets: string;
  supported_triggers: string;
  deployed: number;
  created_at: number;
  deployed_at: number | null;
}

const secretInfo = (secrets: readonly StoredSecret[]): ActionSecretInfo[] =>
  secrets.map((secret) => ({ name: secret.name, updatedAt: secret.updated_at }));

function toVersion(row: VersionRow): ActionVersion {
  return {
    id: row.id,
    actionId: row.action_id,
    number: row.number,
    code: row.code,
    runtime: row.runtime,
    dependencies: readJson(Dependencies, row.dependencies, 'dependencies'),
    secrets: secretInfo(readJson(StoredSecrets, row.secrets, 'secrets')),
    supportedTriggers: readJson(Triggers, row.supported_triggers, 'supported_triggers'),
    deployed: row.deployed === 1,
    createdAt: row.created_at,
    deployedAt: row.deployed_at,
  };
}

/** SQLite-backed actions. Every multi-step write is one transaction. */
export class SqliteActionRepository implements ActionRepository {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly cipher: ValueCipher,
    private readonly clock: Clock,
  ) {
    this.statements = {
      all: db.prepare<[], ActionRow>('SELECT * FROM actions ORDER BY created_at DESC, id'),
      byId: db.prepare<[string], ActionRow>('SELECT * FROM actions WHERE id = ?'),
      byName: db.prepare<[string], ActionRow>('SELECT * FROM actions WHERE name = ?'),
      insert: db.prepare(
        `INSERT INTO actions (id, name, supported_triggers, code, runtime, dependencies, secrets, created_at, updated_at)
         VALUES (@id, @name, @triggers, @code, @runtime, @dependencies, @secrets, @now, @now)`,
      ),
      update: db.prepare(
        `UPDATE actions SET name = @name, supported_triggers = @triggers, code = @code, runtime = @runtime,
                dependencies = @dependencies, secrets = @secrets, updated_at = @now WHERE id = @id`,
      ),
      remove: db.prepare<[string]>('DELETE FROM actions WHERE id = ?'),
      versions: db.prepare<[string], VersionRow>(
        'SELECT * FROM action_versions WHERE action_id = ? ORDER BY number DESC',
      ),
      version: db.prepare<[string, string], VersionRow>('SELECT * FROM action_versions WHERE action_id = ? AND id = ?'),
      deployed: db.prepare<[string], VersionRow>('SELECT * FROM action_versions WHERE action_id = ? AND deployed = 1'),
      undeploy: db.prepare<[string]>('UPDATE action_versions SET deployed = 0 WHERE action_id = ? AND deployed = 1'),
      insertVersion: db.prepare(
        `INSERT INTO action_versions (id, action_id, number, code, runtime, dependencies, secrets, supported_triggers,
                                      deployed, created_at, deployed_at)
         VALUES (@id, @actionId, (SELECT coalesce(max(number), 0) + 1 FROM action_versions WHERE action_id = @actionId),
                 @code, @runtime, @dependencies, @secrets, @triggers, 1, @now, @now)`,
      ),
    };
  }

  list(filter: { readonly triggerId?: string; readonly deployed?: boolean; readonly name?: string } = {}): Action[] {
    return this.statements.all
      .all()
      .map((row) => this.toAction(row))
      .filter((action) => filter.name === undefined || action.name === filter.name)
      .filter((action) => filter.deployed === undefined || (action.deployedVersion !== null) === filter.deployed)
      .filter(
        (action) =>
          filter.triggerId === undefined || action.supportedTriggers.some((trigger) => trigger.id === filter.triggerId),
      );
  }

  findById(id: string): Action | undefined {
    const row = this.statements.byId.get(id);
    return row && this.toAction(row);
  }

  findByName(name: string): Action | undefined {
    const row = this.statements.byName.get(name);
    return row && this.toAction(row);
  }

  create(input: NewAction): Action {
    return inTransaction(this.db, () => {
      if (this.statements.byName.get(input.name)) throw duplicateName();
      const id = randomUUID();
      this.statements.insert.run({
        id,
        name: input.name,
        triggers: JSON.stringify(input.supportedTriggers),
        code: input.code,
        runtime: input.runtime ?? 'node22',
        dependencies: JSON.stringify(input.dependencies ?? []),
        secrets: JSON.stringify(this.mergeSecrets([], input.secrets ?? [])),
        now: this.clock(),
      });
      return this.mustFind(id);
    });
  }

  update(id: string, patch: ActionPatch): Action | undefined {
    return inTransaction(this.db, () => {
      const row = this.statements.byId.get(id);
      if (!row) return undefined;
      if (patch.name !== undefined && patch.name !== row.name && this.statements.byName.get(patch.name)) {
        throw duplicateName();
      }
      const stored = readJson(StoredSecrets, row.secrets, 'secrets');
      this.statements.update.run({
        id,
        name: patch.name ?? row.name,
        triggers: patch.supportedTriggers ? JSON.stringify(patch.supportedTriggers) : row.supported_triggers,
        code: patch.code ?? row.code,
        runtime: patch.runtime ?? row.runtime,
        dependencies: patch.dependencies ? JSON.stringify(patch.dependencies) : row.dependencies,
        secrets: patch.secrets ? JSON.stringify(this.mergeSecrets(stored, patch.secrets)) : row.secrets,
        now: this.clock(),
      });
      return this.mustFind(id);
    });
  }

  delete(id: string): boolean {
    return this.statements.remove.run(id).changes > 0;
  }

  deploy(id: string): ActionVersion | undefined {
    return inTransaction(this.db, () => {
      const row = this.statements.byId.get(id);
      if (!row) return undefined;
      return this.insertDeployed(id, row);
    });
  }

  rollback(id: string, versionId: string): ActionVersion | undefined {
    return inTransaction(this.db, () => {
      const action = this.statements.byId.get(id);
      const old = this.statements.version.get(id, versionId);
      if (!action || !old) return undefined;
      // The draft becomes a copy of what is deployed again, as Auth0's "Revert" does.
      this.statements.update.run({
        id,
        name: action.name,
        triggers: old.supported_triggers,
        code: old.code,
        runtime: old.runtime,
        dependencies: old.dependencies,
        secrets: old.secrets,
        now: this.clock(),
      });
      return this.insertDeployed(id, old);
    });
  }

  versions(id: string): ActionVersion[] {
    return this.statements.versions.all(id).map(toVersion);
  }

  findVersion(id: string, versionId: string): ActionVersion | undefined {
    const row = this.statements.version.get(id, versionId);
    return row && toVersion(row);
  }

  deployedForRun(
    id: string,
  ): { readonly version: ActionVersion; readonly secrets: Record<string, string> } | undefined {
    const row = this.statements.deployed.get(id);
    if (!row) return undefined;
    return { version: toVersion(row), secrets: this.openSecrets(row.secrets) };
  }

  draftForRun(
    id: string,
  ): { readonly code: string; readonly name: string; readonly secrets: Record<string, string> } | undefined {
    const row = this.statements.byId.get(id);
    if (!row) return undefined;
    return { code: row.code, name: row.name, secrets: this.openSecrets(row.secrets) };
  }

  private openSecrets(text: string): Record<string, string> {
    const stored = readJson(StoredSecrets, text, 'secrets');
    // fromEntries defines own properties, so a secret named `__proto__` stays a plain key.
    return Object.fromEntries(stored.map((secret) => [secret.name, this.cipher.open(secret.value)]));
  }

  private insertDeployed(
    actionId: string,
    source: Pick<ActionRow, 'code' | 'runtime' | 'dependencies' | 'secrets' | 'supported_triggers'>,
  ): ActionVersion {
    const id = randomUUID();
    this.statements.undeploy.run(actionId);
    this.statements.insertVersion.run({
      id,
      actionId,
      code: source.code,
      runtime: source.runtime,
      dependencies: source.dependencies,
      secrets: source.secrets,
      triggers: source.supported_triggers,
      now: this.clock(),
    });
    const version = this.findVersion(actionId, id);
    if (!version) throw new Error('action version vanished inside its own transaction');
    return version;
  }

  /** The new secret set: the names given, with new values sealed and omitted values kept. */
  private mergeSecrets(stored: readonly StoredSecret[], given: readonly ActionSecretInput[]): StoredSecret[] {
    const now = this.clock();
    return given.map((secret) => {
      if (secret.value !== undefined)
        return { name: secret.name, value: this.cipher.seal(secret.value), updated_at: now };
      const kept = stored.find((candidate) => candidate.name === secret.name);
      if (!kept) throw new ActionStorageError('secret_without_value', `Secret ${secret.name} needs a value.`);
      return kept;
    });
  }

  private toAction(row: ActionRow): Action {
    const deployed = this.statements.deployed.get(row.id);
    return {
      id: row.id,
      name: row.name,
      supportedTriggers: readJson(Triggers, row.supported_triggers, 'supported_triggers'),
      code: row.code,
      runtime: row.runtime,
      dependencies: readJson(Dependencies, row.dependencies, 'dependencies'),
      secrets: secretInfo(readJson(StoredSecrets, row.secrets, 'secrets')),
      deployedVersion: deployed ? toVersion(deployed) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private mustFind(id: string): Action {
    const action = this.findById(id);
    if (!action) throw new Error('action vanished inside its own transaction');
    return action;
  }
}

const duplicateName = () => new ActionStorageError('duplicate_name', 'An action with the same name already exists.');
