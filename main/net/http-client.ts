import axios, { type AxiosInstance } from 'axios';

export interface HttpClientOptions {
  /** Per-request timeout. A hung server must not hang a sign-in. */
  readonly timeoutMs?: number;
  /** Names the app and its version in every request, for server logs and support. */
  readonly userAgent: string;
}

/**
 * The one axios factory for main. Statuses are not turned into exceptions: the token client reads every
 * answer itself, because OAuth puts meaning in 4xx bodies. Only transport failures throw.
 */
export function createHttpClient(options: HttpClientOptions): AxiosInstance {
  return axios.create({
    timeout: options.timeoutMs ?? 15_000,
    headers: { 'User-Agent': options.userAgent, Accept: 'application/json' },
    validateStatus: () => true,
    // Redirects on a token endpoint would re-send credentials somewhere else; RFC 6749 never needs them.
    maxRedirects: 0,
    // Parse JSON ourselves: an empty or non-JSON error body must survive as text for the error translator.
    transformResponse: (data: unknown) => data,
    responseType: 'text',
  });
}
