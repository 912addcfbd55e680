import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import type { AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import { translateTransportError } from './error-translation';
import type { AnswerHeaders } from './server-answer';

/** How this app proves who it is to the server (RFC 6749 §2.3). The secret comes from the keychain. */
export type ClientAuth =
  | { readonly method: 'none' }
  | { readonly method: 'client_secret_post' | 'client_secret_basic'; readonly secret: string };

/** One HTTP answer, unread, with our clock around it (for clock-skew checks against its `Date` header). */
export interface RawAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers: AnswerHeaders;
  readonly sentAt: number;
  readonly receivedAt: number;
}

export interface OAuthTransportOptions {
  readonly http: AxiosInstance;
  readonly clientId: string;
  readonly clientAuth: ClientAuth;
  /** The profile's extra headers; ours are set after them, so they can never replace ours. */
  readonly extraHeaders?: Readonly<Record<string, string>>;
  readonly clock: () => number;
}

/**
 * Sends OAuth requests with the client's authentication and the profile's headers. Every failure to get
 * an answer becomes an AppError here; reading the answer is the caller's job. Nothing is logged: these
 * requests carry passwords, secrets and tokens.
 */
export class OAuthTransport {
  readonly #options: OAuthTransportOptions;

  constructor(options: OAuthTransportOptions) {
    this.#options = options;
  }

  get clientId(): string {
    return this.#options.clientId;
  }

  /** A form POST (RFC 6749 §4.3.2, §6; RFC 7009 §2.1) with client authentication per §2.3.1. */
  postForm(url: string, params: Readonly<Record<string, string>>): Promise<AppResult<RawAnswer>> {
    const { clientId, clientAuth } = this.#options;
    const form = new URLSearchParams(params);
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (clientAuth.method === 'client_secret_basic') {
      // RFC 6749 §2.3.1: each part is form-encoded before joining with ':' and base64-encoding.
      const pair = `${formEncode(clientId)}:${formEncode(clientAuth.secret)}`;
      headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    } else {
      form.set('client_id', clientId);
      if (clientAuth.method === 'client_secret_post') form.set('client_secret', clientAuth.secret);
    }
    return this.#send(url, { method: 'POST', data: form.toString(), headers });
  }

  /**
   * A JSON POST to Auth0's MFA API (spec/auth0-wire.md §4.3, §4.4). The client authenticates in the body
   * whatever its method, because the Authorization header may already carry the `mfa_token`.
   */
  postJson(url: string, body: Readonly<Record<string, unknown>>, bearer?: string): Promise<AppResult<RawAnswer>> {
    const { clientId, clientAuth } = this.#options;
    const data = {
      ...body,
      client_id: clientId,
      ...(clientAuth.method === 'none' ? {} : { client_secret: clientAuth.secret }),
    };
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (bearer !== undefined) headers.Authorization = `Bearer ${bearer}`;
    return this.#send(url, { method: 'POST', data: JSON.stringify(data), headers });
  }

  /** A GET with a bearer token (RFC 6750 §2.1): userinfo, the MFA authenticator list. */
  getWithBearer(url: string, bearer: string): Promise<AppResult<RawAnswer>> {
    return this.#send(url, { method: 'GET', headers: { Authorization: `Bearer ${bearer}` } });
  }

  async #send(
    url: string,
    request: AxiosRequestConfig & { headers: Record<string, string> },
  ): Promise<AppResult<RawAnswer>> {
    const { http, clock, extraHeaders } = this.#options;
    const sentAt = clock();
    try {
      const response = await http.request<string>({
        ...request,
        url,
        headers: withExtras(request.headers, extraHeaders),
      });
      return ok({
        status: response.status,
        body: typeof response.data === 'string' ? response.data : '',
        headers: response.headers as AnswerHeaders,
        sentAt,
        receivedAt: clock(),
      });
    } catch (error) {
      return err(translateTransportError(error, url));
    }
  }
}

/** Our headers, plus the profile's extra ones whose names (in any case) we have not set. */
function withExtras(
  ours: Record<string, string>,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const taken = new Set(Object.keys(ours).map((name) => name.toLowerCase()));
  const allowed = Object.entries(extra).filter(([name]) => !taken.has(name.toLowerCase()));
  return { ...Object.fromEntries(allowed), ...ours };
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
