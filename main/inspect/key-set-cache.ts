import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { appError, type AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import { translateTransportError } from '../auth/error-translation';
import { parseJsonBody } from '../net/json-body';
import { importPublishedKey, type PublishedKey } from './published-keys';

/**
 * A fetched JWKS (RFC 7517 §5) with every key already imported, so a verification only picks a key
 * (published-keys.ts `chooseKeys`) and checks the signature.
 */
export interface CachedKeySet {
  readonly url: string;
  readonly keys: readonly PublishedKey[];
  readonly kids: ReadonlySet<string>;
  readonly fetchedAt: number;
}

export interface KeySetCacheOptions {
  /** How long a fetched set is reused before it is fetched again. An unknown `kid` also forces a fetch. */
  readonly maxAgeMs?: number;
  readonly clock?: () => number;
}

// RFC 7517 §5: `keys` is required; each key's other members are checked when it is imported.
const KeySetWire = z.object({ keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional() })).max(100) });

/**
 * Caches each issuer's JWKS by URL. Concurrent callers share one request, so a burst of verifications
 * after start-up or a key rotation costs one fetch.
 */
export class KeySetCache {
  readonly #maxAgeMs: number;
  readonly #clock: () => number;
  readonly #sets = new Map<string, CachedKeySet>();
  readonly #inFlight = new Map<string, Promise<AppResult<CachedKeySet>>>();

  constructor(options: KeySetCacheOptions = {}) {
    this.#maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.#clock = options.clock ?? Date.now;
  }

  /**
   * The set at `url`: the cached one while fresh, unless `refresh` asks for a new copy. `fetched` says
   * whether this call went to the network, so a caller never re-fetches a set it has just received.
   */
  async get(
    url: string,
    http: AxiosInstance,
    refresh = false,
  ): Promise<AppResult<{ set: CachedKeySet; fetched: boolean }>> {
    const cached = this.#sets.get(url);
    if (!refresh && cached !== undefined && this.#clock() - cached.fetchedAt < this.#maxAgeMs) {
      return ok({ set: cached, fetched: false });
    }
    let pending = this.#inFlight.get(url);
    if (pending === undefined) {
      pending = this.#fetch(url, http).finally(() => this.#inFlight.delete(url));
      this.#inFlight.set(url, pending);
    }
    const result = await pending;
    return result.ok ? ok({ set: result.value, fetched: true }) : result;
  }

  async #fetch(url: string, http: AxiosInstance): Promise<AppResult<CachedKeySet>> {
    let status: number;
    let text: string;
    try {
      const response = await http.get<string>(url, { responseType: 'text' });
      status = response.status;
      text = typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
    } catch (error) {
      return err(translateTransportError(error, url));
    }
    const parsed = status === 200 ? parseJsonBody(KeySetWire, text) : undefined;
    if (parsed === undefined || !parsed.ok) {
      const why = parsed === undefined ? `HTTP ${status}` : parsed.reason;
      return err(
        appError('server_error', `The issuer’s key set at ${url} could not be read (${why}).`, {
          nextStep: 'Check the profile’s issuer and key set address, then try again.',
          detail: { status },
        }),
      );
    }
    const keys = parsed.value.keys.map(importPublishedKey);
    const kids = new Set(parsed.value.keys.flatMap((key) => (key.kid === undefined ? [] : [key.kid])));
    const set: CachedKeySet = { url, keys, kids, fetchedAt: this.#clock() };
    this.#sets.set(url, set);
    return ok(set);
  }
}
