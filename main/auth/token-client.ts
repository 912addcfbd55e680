import type { AxiosInstance } from 'axios';
import { appError, type AppResult } from '../../common/errors/app-error';
import { grantTypes, TokenResponseWire } from '../../common/oauth/wire';
import { err, ok } from '../../common/result';
import { translateServerError, translateTransportError, type TokenOperation } from './error-translation';
import { toTokenSet, type TokenSet } from './token-set';

/** How this app proves who it is to the token endpoint (RFC 6749 §2.3). The secret comes from the keychain. */
export type ClientAuth =
  | { readonly method: 'none' }
  | { readonly method: 'client_secret_post' | 'client_secret_basic'; readonly secret: string };

export interface TokenClientOptions {
  readonly http: AxiosInstance;
  readonly tokenEndpoint: string;
  readonly revocationEndpoint?: string;
  readonly clientId: string;
  readonly clientAuth: ClientAuth;
  readonly clock?: () => number;
}

export interface PasswordGrantInput {
  /** Null selects RFC 6749's `password` grant (the server's default directory). */
  readonly realm: string | null;
  readonly username: string;
  readonly password: string;
  readonly audience?: string;
  readonly scope?: string;
}

/** The token endpoint as the session manager needs it: a port, so its rules can be tested with a fake. */
export interface TokenGrants {
  passwordGrant(input: PasswordGrantInput): Promise<AppResult<TokenSet>>;
  refresh(refreshToken: string, scope?: string): Promise<AppResult<TokenSet>>;
  revoke(refreshToken: string): Promise<AppResult<void>>;
}

/**
 * Speaks the token endpoint: password, password-realm, refresh and revoke. Every answer is parsed by a
 * schema; every failure comes back as an AppError value. Passwords and tokens are never logged here.
 */
export class TokenClient implements TokenGrants {
  readonly #options: TokenClientOptions;
  readonly #clock: () => number;

  constructor(options: TokenClientOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
  }

  get clientId(): string {
    return this.#options.clientId;
  }

  /** Resource Owner Password Grant (RFC 6749 §4.3), or Auth0's password-realm extension when a realm is given. */
  async passwordGrant(input: PasswordGrantInput): Promise<AppResult<TokenSet>> {
    const params: Record<string, string> = {
      grant_type: input.realm === null ? grantTypes.password : grantTypes.passwordRealm,
      username: input.username,
      password: input.password,
    };
    if (input.realm !== null) params.realm = input.realm;
    if (input.audience) params.audience = input.audience;
    if (input.scope) params.scope = input.scope;
    return this.#requestTokens(params, 'sign-in');
  }

  /** Refresh grant (RFC 6749 §6). A rotating server returns a new refresh token that replaces this one. */
  async refresh(refreshToken: string, scope?: string): Promise<AppResult<TokenSet>> {
    const params: Record<string, string> = { grant_type: grantTypes.refreshToken, refresh_token: refreshToken };
    if (scope) params.scope = scope;
    return this.#requestTokens(params, 'refresh');
  }

  /** Token revocation (RFC 7009). Servers answer 200 even for unknown tokens. */
  async revoke(refreshToken: string): Promise<AppResult<void>> {
    const endpoint = this.#options.revocationEndpoint;
    if (endpoint === undefined) return ok(undefined);
    const response = await this.#post(endpoint, { token: refreshToken, token_type_hint: 'refresh_token' });
    if (!response.ok) return response;
    const { status, body } = response.value;
    return status >= 200 && status < 300 ? ok(undefined) : err(translateServerError(status, body, 'revoke'));
  }

  async #requestTokens(params: Record<string, string>, operation: TokenOperation): Promise<AppResult<TokenSet>> {
    const response = await this.#post(this.#options.tokenEndpoint, params);
    if (!response.ok) return response;
    const { status, body } = response.value;
    if (status !== 200) return err(translateServerError(status, body, operation));
    const parsed = TokenResponseWire.safeParse(safeJson(body));
    if (!parsed.success || parsed.data.token_type.toLowerCase() !== 'bearer') {
      return err(
        appError('server_error', 'The server’s answer was not a usable token response.', {
          nextStep: 'Check the server profile; the token endpoint may be wrong.',
          detail: { status },
        }),
      );
    }
    return ok(toTokenSet(parsed.data, this.#clock()));
  }

  async #post(url: string, params: Record<string, string>): Promise<AppResult<{ status: number; body: string }>> {
    const { clientId, clientAuth, http } = this.#options;
    const form = new URLSearchParams(params);
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (clientAuth.method === 'client_secret_basic') {
      // RFC 6749 §2.3.1: both parts are form-encoded before joining, then base64.
      const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientAuth.secret)}`;
      headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    } else {
      form.set('client_id', clientId);
      if (clientAuth.method === 'client_secret_post') form.set('client_secret', clientAuth.secret);
    }
    try {
      const response = await http.post<string>(url, form.toString(), { headers });
      return ok({ status: response.status, body: typeof response.data === 'string' ? response.data : '' });
    } catch (error) {
      return err(translateTransportError(error, url));
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
