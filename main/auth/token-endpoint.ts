import { grantParams } from '../../common/ipc/auth.contract';
import type { AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import type { RealmMapping } from '../settings/profile';
import type { TokenOperation } from './error-translation';
import type { OAuthTransport } from './oauth-transport';
import { endpointsForRealm, type EndpointSource, type ServerEndpoints } from './server-endpoints';
import { readTokenAnswer, type TokenAnswer } from './token-answer';

/** Parameters extra parameters may never set: the grant's own and every credential. */
const protectedParams: ReadonlySet<string> = new Set(grantParams);

export interface TokenEndpointOptions {
  readonly transport: OAuthTransport;
  readonly endpoints: EndpointSource;
  /** Generic servers: how a realm reaches the server. Auth0 profiles leave this undefined. */
  readonly realmMapping?: RealmMapping;
  readonly extraParams?: Readonly<Record<string, string>>;
  readonly clockToleranceMs?: number;
}

/**
 * The token endpoint, shared by the grants and the MFA client: finds the realm's endpoints, adds the
 * profile's extra parameters where they do not clash, sends, and reads the answer once.
 */
export class TokenEndpoint {
  readonly #options: TokenEndpointOptions;

  constructor(options: TokenEndpointOptions) {
    this.#options = options;
  }

  get transport(): OAuthTransport {
    return this.#options.transport;
  }

  get realmMapping(): RealmMapping | undefined {
    return this.#options.realmMapping;
  }

  /** The endpoints to use for an account in `realm` (the realm fills `{realm}` in a URL template). */
  async endpoints(realm: string | null): Promise<AppResult<ServerEndpoints>> {
    const resolved = await this.#options.endpoints();
    if (!resolved.ok) return resolved;
    return endpointsForRealm(resolved.value, realm, this.#options.realmMapping);
  }

  /** POSTs a grant to the realm's token endpoint and reads the answer (RFC 6749 §5). */
  async request(
    params: Readonly<Record<string, string>>,
    operation: TokenOperation,
    realm: string | null,
    requestExtras: Readonly<Record<string, string>> = {},
  ): Promise<TokenAnswer> {
    const endpoints = await this.endpoints(realm);
    if (!endpoints.ok) return { ok: false, error: endpoints.error };
    // This request's own extras come first, so they win over the profile's for the same name.
    const withRequestExtras = withExtras(params, requestExtras);
    const raw = await this.transport.postForm(
      endpoints.value.token,
      withExtras(withRequestExtras, this.#options.extraParams ?? {}),
    );
    if (!raw.ok) return { ok: false, error: raw.error };
    return readTokenAnswer(raw.value, operation, this.#options.clockToleranceMs);
  }
}

/** Extra parameters go in only where the grant has not set the name and it is not a credential. */
function withExtras(
  params: Readonly<Record<string, string>>,
  extras: Readonly<Record<string, string>>,
): Record<string, string> {
  const merged: Record<string, string> = { ...params };
  for (const [name, value] of Object.entries(extras)) {
    if (!(name in merged) && !protectedParams.has(name)) merged[name] = value;
  }
  return merged;
}

/** Turns a read token answer into a Result, dropping what only the MFA path needs. */
export function tokensOf<T>(
  answer: TokenAnswer,
  pick: (tokens: Extract<TokenAnswer, { ok: true }>) => T,
): AppResult<T> {
  return answer.ok ? ok(pick(answer)) : err(answer.error);
}
