import type { AppResult } from '../../common/errors/app-error';
import { ok } from '../../common/result';
import type { TokenSet } from '../auth/token-set';

/**
 * Where an admin call's bearer token comes from. `withToken` runs `call` with a token and decides what a
 * 401 means: the M2M cache gets a fresh token and runs it once more (never more: a second 401 is the
 * answer); an admin's step-up (admin-step-up.ts) ends, since only the password can renew it. The token
 * never leaves main.
 */
export interface ManagementCredentials {
  readonly kind: 'session' | 'm2m';
  withToken<T extends { readonly status: number }>(call: (accessToken: string) => Promise<T>): Promise<AppResult<T>>;
}

/** The `client_credentials` grant for the Management API audience (TokenClient.clientCredentials). */
export type ClientCredentialsGrant = () => Promise<AppResult<TokenSet>>;

/** Renew a cached M2M token this long before it expires, so a call never starts with a dying token. */
const renewBeforeMs = 30_000;

/**
 * A machine-to-machine client's token (RFC 6749 §4.4), cached in memory until shortly before it expires.
 * Concurrent callers share one grant request. A 401 drops the cached token and asks for a new one once.
 */
export class ClientCredentialsCache {
  readonly #grant: ClientCredentialsGrant;
  readonly #clock: () => number;
  #token: { readonly value: string; readonly expiresAt: number; readonly scope?: string } | null = null;
  #inFlight: Promise<AppResult<string>> | null = null;

  constructor(grant: ClientCredentialsGrant, clock: () => number = Date.now) {
    this.#grant = grant;
    this.#clock = clock;
  }

  /** The scopes of the current token, as the server granted them (for the pane's "what can I do"). */
  get scope(): string | undefined {
    return this.#token?.scope;
  }

  credentials(): ManagementCredentials {
    return {
      kind: 'm2m',
      withToken: async (call) => {
        const first = await this.token();
        if (!first.ok) return first;
        const answer = await call(first.value);
        if (answer.status !== 401) return ok(answer);
        this.forget(first.value);
        const second = await this.token();
        return second.ok ? ok(await call(second.value)) : second;
      },
    };
  }

  /** A usable token: the cached one, or a new grant (shared by concurrent callers). */
  async token(): Promise<AppResult<string>> {
    if (this.#token !== null && this.#token.expiresAt - renewBeforeMs > this.#clock()) return ok(this.#token.value);
    this.#inFlight ??= this.#fetch().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** Drops a token the server refused (only if it is still the cached one). */
  forget(token: string): void {
    if (this.#token?.value === token) this.#token = null;
  }

  async #fetch(): Promise<AppResult<string>> {
    const granted = await this.#grant();
    if (!granted.ok) return granted;
    // RFC 6749 §4.4.3: client credentials come without a refresh token; should one arrive, it is not kept.
    this.#token = {
      value: granted.value.accessToken,
      expiresAt: granted.value.expiresAt,
      ...(granted.value.scope === undefined ? {} : { scope: granted.value.scope }),
    };
    return ok(granted.value.accessToken);
  }
}
