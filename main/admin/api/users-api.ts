import { z } from 'zod';
import type { AppResult } from '../../../common/errors/app-error';
import { LogEvent } from '../../../common/admin/log.schema';
import { Authenticator, Role, User, type UserCreate, type UserUpdate } from '../../../common/admin/user.schema';
import { ok } from '../../../common/result';
import type { ManagementTransport } from '../management-transport';
import { fetchAllOffset, fetchOffsetPage, iterateOffset, op, type PageInput } from './api-helpers';

export interface UserSearch extends PageInput {
  /** Lucene query (search engine v3), e.g. `email:"a@b.c"` or free text (auth0-wire.md §7.4). */
  readonly q?: string | undefined;
  /** Only users of this connection (realm): added to `q` as `identities.connection:"<realm>"`. */
  readonly realm?: string | undefined;
  /** `created_at:1` and the like. */
  readonly sort?: string | undefined;
}

/** A Lucene phrase: quotes and backslashes escaped so a value cannot change the query's structure. */
export function lucenePhrase(value: string): string {
  return `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

/** The `q` for a search: the caller's query, narrowed to a realm when one is given. */
export function userQuery(search: Pick<UserSearch, 'q' | 'realm'>): string | undefined {
  const parts = [
    ...(search.realm ? [`identities.connection:${lucenePhrase(search.realm)}`] : []),
    ...(search.q?.trim() ? [search.realm ? `(${search.q.trim()})` : search.q.trim()] : []),
  ];
  return parts.length === 0 ? undefined : parts.join(' AND ');
}

const Authenticators = z.array(Authenticator);

/** `/users` and their sub-resources (auth0-wire.md §7.4, §7.6). */
export class UsersApi {
  constructor(private readonly transport: ManagementTransport) {}

  #listing(search: UserSearch) {
    const q = userQuery(search);
    return {
      request: {
        path: ['users'],
        query: { q, search_engine: q === undefined ? undefined : 'v3', sort: search.sort },
        operation: op('search the users', 'user'),
      },
      key: 'users',
      item: User,
    };
  }

  /** One page of a search. */
  search(search: UserSearch = {}) {
    return fetchOffsetPage(this.transport, this.#listing(search), search);
  }

  /** Every match, up to Auth0's 1000 (§7.1). */
  searchAll(search: Omit<UserSearch, 'page' | 'perPage'> = {}): Promise<AppResult<User[]>> {
    return fetchAllOffset(this.transport, this.#listing(search));
  }

  /** The pages of a search, for callers that print as they go. */
  pages(search: Omit<UserSearch, 'page' | 'perPage'> = {}) {
    return iterateOffset(this.transport, this.#listing(search));
  }

  async get(userId: string): Promise<AppResult<User>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['users', userId], operation: op('read the user', 'user') },
      User,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  /** The users whose e-mail is exactly `email` (one per realm at most). */
  byEmail(email: string): Promise<AppResult<User[]>> {
    return this.searchAll({ q: `email:${lucenePhrase(email)}` });
  }

  /** Creates a user in a database connection; its password policy applies (400 with the reason). */
  async create(input: UserCreate): Promise<AppResult<User>> {
    const reply = await this.transport.call(
      { method: 'POST', path: ['users'], body: input, operation: op('create the user', 'user') },
      User,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  update(userId: string, patch: UserUpdate): Promise<AppResult<User>> {
    return this.#patch(userId, patch, 'update the user');
  }

  /** An admin block (`blocked: true`): every sign-in fails and the user's refresh tokens are revoked. */
  block(userId: string): Promise<AppResult<User>> {
    return this.#patch(userId, { blocked: true }, 'block the user');
  }

  unblock(userId: string): Promise<AppResult<User>> {
    return this.#patch(userId, { blocked: false }, 'unblock the user');
  }

  /**
   * Sets a new password (the connection's policy and history apply); the server ends the user's sessions.
   * `connection` names the identity to change, as Auth0 asks for database users.
   */
  setPassword(userId: string, password: string, connection?: string): Promise<AppResult<User>> {
    return this.#patch(
      userId,
      { password, ...(connection === undefined ? {} : { connection }) },
      'reset the user’s password',
    );
  }

  delete(userId: string) {
    return this.transport.run({ method: 'DELETE', path: ['users', userId], operation: op('delete the user', 'user') });
  }

  /** One page of the user's log events, newest first. */
  logs(userId: string, input: PageInput = {}) {
    return fetchOffsetPage(
      this.transport,
      {
        request: { path: ['users', userId, 'logs'], operation: op('read the user’s log', 'user') },
        key: 'logs',
        item: LogEvent,
      },
      input,
    );
  }

  roles(userId: string): Promise<AppResult<Role[]>> {
    return fetchAllOffset(this.transport, {
      request: { path: ['users', userId, 'roles'], operation: op('list the user’s roles', 'user') },
      key: 'roles',
      item: Role,
    });
  }

  assignRoles(userId: string, roleIds: readonly string[]) {
    return this.transport.run({
      method: 'POST',
      path: ['users', userId, 'roles'],
      body: { roles: roleIds },
      operation: op('assign roles to the user', 'user'),
    });
  }

  removeRoles(userId: string, roleIds: readonly string[]) {
    return this.transport.run({
      method: 'DELETE',
      path: ['users', userId, 'roles'],
      body: { roles: roleIds },
      operation: op('remove roles from the user', 'user'),
    });
  }

  /** The user's enrolled second factors. */
  async authenticators(userId: string): Promise<AppResult<Authenticator[]>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['users', userId, 'authenticators'], operation: op('list the user’s MFA', 'user') },
      Authenticators,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  /** Deletes one enrolment, or every enrolment when `authenticatorId` is omitted (an MFA reset). */
  deleteAuthenticators(userId: string, authenticatorId?: string) {
    return this.transport.run({
      method: 'DELETE',
      path: ['users', userId, 'authenticators', ...(authenticatorId === undefined ? [] : [authenticatorId])],
      operation: op(
        authenticatorId === undefined ? 'reset the user’s MFA' : 'remove the MFA enrolment',
        authenticatorId === undefined ? 'user' : 'MFA enrolment',
      ),
    });
  }

  async #patch(userId: string, body: Record<string, unknown>, action: string): Promise<AppResult<User>> {
    const reply = await this.transport.call(
      { method: 'PATCH', path: ['users', userId], body, operation: op(action, 'user') },
      User,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }
}
