import axios, { type AxiosInstance } from 'axios';
import * as http from 'node:http';
import * as https from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { proxyFor } from './proxy';
import { trustedCertificates } from './trust-store';

export interface HttpClientOptions {
  /** Per-request timeout (a request may pass its own `timeout`). A hung server must not hang a sign-in. */
  readonly timeoutMs?: number;
  /** Names the app and its version in every request, for server logs and support. */
  readonly userAgent: string;
  /** The profile's proxy URL. Without it, HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment apply. */
  readonly proxy?: string;
  /** Extra certificate authorities (PEM), trusted in addition to Node's own, never instead of them. */
  readonly extraCaCertificates?: readonly string[];
}

/** Token and discovery answers are small; a server that sends megabytes is broken or hostile. */
const maxBodyBytes = 1024 * 1024;

/**
 * The one axios factory for main. Statuses are not turned into exceptions: callers read every answer
 * themselves, because OAuth puts meaning in 4xx bodies. Only transport failures (network, TLS, timeout)
 * throw, and `translateTransportError` turns those into AppErrors.
 *
 * TLS verification is always on: `rejectUnauthorized` is set explicitly, so even
 * NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment cannot switch it off for Gatehouse's requests.
 */
export function createHttpClient(options: HttpClientOptions): AxiosInstance {
  const agents = new AgentPool(trustedCertificates(options.extraCaCertificates ?? []));
  const instance = axios.create({
    adapter: 'http',
    timeout: options.timeoutMs ?? 15_000,
    headers: { 'User-Agent': options.userAgent, Accept: 'application/json' },
    validateStatus: () => true,
    // Redirects on a token endpoint would re-send credentials somewhere else; RFC 6749 never needs them.
    maxRedirects: 0,
    // Parse JSON ourselves: an empty or non-JSON error body must survive as text for the error translator.
    transformResponse: (data: unknown) => data,
    responseType: 'text',
    maxContentLength: maxBodyBytes,
    // axios's own proxy support would read the environment behind our back; the agents below decide instead.
    proxy: false,
  });
  instance.interceptors.request.use((config) => {
    const url = instance.getUri(config);
    const agent = agents.forProxy(proxyFor(url, options.proxy));
    config.httpAgent = agent.http;
    config.httpsAgent = agent.https;
    return config;
  });
  return instance;
}

interface AgentPair {
  readonly http: http.Agent;
  readonly https: https.Agent | http.Agent;
}

/** One keep-alive agent per route (direct, or each proxy), created on first use. */
class AgentPool {
  readonly #ca: string[] | undefined;
  readonly #byRoute = new Map<string, AgentPair>();

  constructor(ca: string[] | undefined) {
    this.#ca = ca;
  }

  forProxy(proxy: string | undefined): AgentPair {
    const route = proxy ?? 'direct';
    let pair = this.#byRoute.get(route);
    if (pair === undefined) {
      pair = proxy === undefined ? this.#direct() : this.#proxied(proxy);
      this.#byRoute.set(route, pair);
    }
    return pair;
  }

  #direct(): AgentPair {
    return {
      http: new http.Agent({ keepAlive: true }),
      https: new https.Agent({ keepAlive: true, rejectUnauthorized: true, ...(this.#ca && { ca: this.#ca }) }),
    };
  }

  #proxied(proxy: string): AgentPair {
    // Both schemes go through a CONNECT tunnel, so the proxy never sees a plain request line with a
    // credential in it, and the TLS session (for https) is end to end with the server.
    const agent = new TrustingProxyAgent(proxy, this.#ca);
    return { http: agent, https: agent };
  }
}

type ConnectOptions = Parameters<HttpsProxyAgent<string>['connect']>[1];

/**
 * https-proxy-agent upgrades the tunnel to TLS with the *request's* options, which carry no `ca` when
 * axios makes the request. This subclass adds our trust list (and explicit verification) to that upgrade,
 * so an extra CA bundle works through a proxy exactly as it does directly.
 */
class TrustingProxyAgent extends HttpsProxyAgent<string> {
  readonly #ca: string[] | undefined;

  constructor(proxy: string, ca: string[] | undefined) {
    super(proxy, { keepAlive: true, rejectUnauthorized: true, ...(ca && { ca }) });
    this.#ca = ca;
  }

  override connect(
    request: http.ClientRequest,
    options: ConnectOptions,
  ): ReturnType<HttpsProxyAgent<string>['connect']> {
    const upgraded = options.secureEndpoint
      ? { ...options, rejectUnauthorized: true, ...(this.#ca && { ca: this.#ca }) }
      : options;
    return super.connect(request, upgraded);
  }
}
