import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import { grantTypes } from '../../common/oauth/wire';
import { err, ok } from '../../common/result';
import { parseJsonBody } from '../net/json-body';
import type { RealmMapping } from '../settings/profile';
import { translateServerError } from './error-translation';
import { MfaClient, mfaTokenLifetimeMs, type MfaGrants, type MfaPending } from './mfa-client';
import { OAuthTransport, type ClientAuth } from './oauth-transport';
import { realSleeper, type Sleeper } from './oob-poller';
import type { EndpointSource, ServerEndpoints } from './server-endpoints';
import { TokenEndpoint, tokensOf } from './token-endpoint';
import type { TokenSet } from './token-set';

export type { ClientAuth } from './oauth-transport';

export interface TokenClientOptions {
  readonly http: AxiosInstance;
  readonly clientId: string;
  readonly clientAuth: ClientAuth;
  /** The server's endpoints, or a source that resolves them when first needed (discovery). */
  readonly endpoints?: ServerEndpoints | EndpointSource;
  /** Fixed endpoints, for callers that know only these two; `endpoints` wins when both are given. */
  readonly tokenEndpoint?: string;
  readonly revocationEndpoint?: string;
  /** `auth0` (default): a realm selects the password-realm grant. `oauth2`: `password`, with `realmMapping`. */
  readonly kind?: 'auth0' | 'oauth2';
  readonly realmMapping?: RealmMapping;
  /** The profile's extra token-request parameters and headers; they never replace the grant's own. */
  readonly extraParams?: Readonly<Record<string, string>>;
  readonly extraHeaders?: Readonly<Record<string, string>>;
  readonly clock?: () => number;
  /** Waits between OOB polls; injected by tests. */
  readonly sleep?: Sleeper;
  readonly clockToleranceMs?: number;
}

export interface PasswordGrantInput {
  /** Null selects RFC 6749's `password` grant (the server's default directory). */
  readonly realm: string | null;
  readonly username: string;
  readonly password: string;
  readonly audience?: string;
  readonly scope?: string;
  /** Extra parameters for this request only, over the profile's; a name the grant sets is never replaced. */
  readonly extraParams?: Readonly<Record<string, string>>;
}

/** The token endpoint as the session manager needs it: a port, so its rules can be tested with a fake. */
export interface TokenGrants {
  passwordGrant(input: PasswordGrantInput): Promise<AppResult<TokenSet>>;
  /** `realm` picks the endpoint when the profile puts `{realm}` in its URLs (Keycloak). */
  refresh(refreshToken: string, scope?: string, realm?: string | null): Promise<AppResult<TokenSet>>;
  revoke(refreshToken: string, realm?: string | null): Promise<AppResult<void>>;
}

/**
 * A password sign-in's outcome: tokens, or a second factor to complete. The `pending` value holds the
 * `mfa_token` and stays in main; `error` is the plain-words AppError (code `mfa_required`) for the window.
 */
export type SignInOutcome =
  | { readonly kind: 'tokens'; readonly tokens: TokenSet }
  | { readonly kind: 'mfa_required'; readonly error: AppError; readonly pending: MfaPending };

/** The session manager's port once it handles MFA: sign-in with an MFA outcome, and the MFA steps. */
export interface SignInGrants extends TokenGrants {
  signIn(input: PasswordGrantInput): Promise<AppResult<SignInOutcome>>;
  readonly mfa: MfaGrants;
}

const UserInfoWire = z.looseObject({ sub: z.string().min(1) });
/** OIDC Core §5.3.2: the claims about the signed-in user; `sub` is always there. */
export type UserInfo = z.infer<typeof UserInfoWire>;

/**
 * Speaks the token endpoint and its neighbours: password, password-realm, refresh, client credentials,
 * the MFA grants (via `mfa`), revocation and userinfo. Every answer is parsed by a schema; every failure
 * comes back as an AppError value. Passwords and tokens are never logged here.
 */
export class TokenClient implements SignInGrants {
  readonly #options: TokenClientOptions;
  readonly #clock: () => number;
  readonly #endpoint: TokenEndpoint;
  readonly mfa: MfaClient;

  constructor(options: TokenClientOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    const transport = new OAuthTransport({
      http: options.http,
      clientId: options.clientId,
      clientAuth: options.clientAuth,
      clock: this.#clock,
      ...(options.extraHeaders === undefined ? {} : { extraHeaders: options.extraHeaders }),
    });
    this.#endpoint = new TokenEndpoint({
      transport,
      endpoints: endpointSourceOf(options),
      ...(options.kind === 'oauth2' && options.realmMapping !== undefined
        ? { realmMapping: options.realmMapping }
        : {}),
      ...(options.extraParams === undefined ? {} : { extraParams: options.extraParams }),
      ...(options.clockToleranceMs === undefined ? {} : { clockToleranceMs: options.clockToleranceMs }),
    });
    this.mfa = new MfaClient({ endpoint: this.#endpoint, clock: this.#clock, sleep: options.sleep ?? realSleeper });
  }

  get clientId(): string {
    return this.#options.clientId;
  }

  /** Resource Owner Password Grant (RFC 6749 §4.3); `mfa_required` comes back as a plain AppError. */
  async passwordGrant(input: PasswordGrantInput): Promise<AppResult<TokenSet>> {
    const outcome = await this.signIn(input);
    if (!outcome.ok) return outcome;
    return outcome.value.kind === 'tokens' ? ok(outcome.value.tokens) : err(outcome.value.error);
  }

  /**
   * Password sign-in that can continue with MFA. On Auth0 a realm selects the password-realm grant
   * (spec/auth0-wire.md §1.1); on a generic server the profile's realm mapping decides where it goes.
   */
  async signIn(input: PasswordGrantInput): Promise<AppResult<SignInOutcome>> {
    const params: Record<string, string> = { username: input.username, password: input.password };
    if (this.#options.kind === 'oauth2') {
      params.grant_type = grantTypes.password;
      const mapping = this.#options.realmMapping;
      if (mapping?.mode === 'parameter' && input.realm !== null) params[mapping.name] = input.realm;
    } else {
      params.grant_type = input.realm === null ? grantTypes.password : grantTypes.passwordRealm;
      if (input.realm !== null) params.realm = input.realm;
    }
    if (input.audience) params.audience = input.audience;
    if (input.scope) params.scope = input.scope;
    const answer = await this.#endpoint.request(params, 'sign-in', input.realm, input.extraParams);
    if (answer.ok) return ok({ kind: 'tokens', tokens: answer.tokens });
    const mfaToken = answer.error.code === 'mfa_required' ? answer.answer?.mfaToken : undefined;
    if (mfaToken === undefined) return err(answer.error);
    const requirements = answer.answer?.mfaRequirements;
    const pending: MfaPending = {
      mfaToken,
      expiresAt: this.#clock() + mfaTokenLifetimeMs,
      realm: input.realm,
      ...(requirements === undefined ? {} : { requirements }),
    };
    return ok({ kind: 'mfa_required', error: answer.error, pending });
  }

  /** Refresh grant (RFC 6749 §6). A rotating server returns a new refresh token that replaces this one. */
  async refresh(refreshToken: string, scope?: string, realm: string | null = null): Promise<AppResult<TokenSet>> {
    const params: Record<string, string> = { grant_type: grantTypes.refreshToken, refresh_token: refreshToken };
    if (scope) params.scope = scope;
    return tokensOf(await this.#endpoint.request(params, 'refresh', realm), (success) => success.tokens);
  }

  /** Client credentials grant (RFC 6749 §4.4), for the admin pane's machine-to-machine client. */
  async clientCredentials(
    request: { readonly audience?: string; readonly scope?: string } = {},
  ): Promise<AppResult<TokenSet>> {
    const params: Record<string, string> = { grant_type: grantTypes.clientCredentials };
    if (request.audience) params.audience = request.audience;
    if (request.scope) params.scope = request.scope;
    return tokensOf(await this.#endpoint.request(params, 'client-credentials', null), (success) => success.tokens);
  }

  /** Token revocation (RFC 7009). Servers answer 200 even for unknown tokens; no endpoint means nothing to do. */
  async revoke(refreshToken: string, realm: string | null = null): Promise<AppResult<void>> {
    const endpoints = await this.#endpoint.endpoints(realm);
    if (!endpoints.ok) return endpoints;
    const url = endpoints.value.revocation;
    if (url === undefined) return ok(undefined);
    const raw = await this.#endpoint.transport.postForm(url, { token: refreshToken, token_type_hint: 'refresh_token' });
    if (!raw.ok) return raw;
    const { status, body, headers } = raw.value;
    return status >= 200 && status < 300 ? ok(undefined) : err(translateServerError(status, body, 'revoke', headers));
  }

  /** `GET /userinfo` (OIDC Core §5.3) with the access token. */
  async userinfo(accessToken: string, realm: string | null = null): Promise<AppResult<UserInfo>> {
    const endpoints = await this.#endpoint.endpoints(realm);
    if (!endpoints.ok) return endpoints;
    const url = endpoints.value.userinfo;
    if (url === undefined) {
      return err(
        appError('invalid_request', 'This server does not offer a userinfo endpoint.', {
          nextStep: 'Add the userinfo endpoint to the server profile, if the server has one.',
        }),
      );
    }
    const raw = await this.#endpoint.transport.getWithBearer(url, accessToken);
    if (!raw.ok) return raw;
    const { status, body, headers } = raw.value;
    if (status !== 200) return err(translateServerError(status, body, 'userinfo', headers));
    const parsed = parseJsonBody(UserInfoWire, body);
    if (parsed.ok) return ok(parsed.value);
    return err(
      appError('server_error', `The server’s userinfo answer was not usable: ${parsed.reason}.`, {
        nextStep: 'Check the userinfo endpoint in the server profile.',
        detail: { status },
      }),
    );
  }
}

function endpointSourceOf(options: TokenClientOptions): EndpointSource {
  const { endpoints, tokenEndpoint, revocationEndpoint } = options;
  if (typeof endpoints === 'function') return endpoints;
  const fixed: ServerEndpoints | undefined =
    endpoints ??
    (tokenEndpoint === undefined
      ? undefined
      : { token: tokenEndpoint, ...(revocationEndpoint === undefined ? {} : { revocation: revocationEndpoint }) });
  if (fixed === undefined) throw new Error('TokenClient needs `endpoints` or `tokenEndpoint`.');
  return () => Promise.resolve(ok(fixed));
}
