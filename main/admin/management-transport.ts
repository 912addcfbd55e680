import type { AxiosInstance } from 'axios';
import type { z } from 'zod';
import type { AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import type { AnswerHeaders } from '../auth/server-answer';
import { parseJsonBody } from '../net/json-body';
import {
  translateManagementError,
  translateTransportError,
  unexpectedAnswer,
  type AdminOperation,
} from './admin-errors';
import type { ManagementCredentials } from './management-credentials';

export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** One Management API call, described rather than built, so ids are always URL-encoded the same way. */
export interface ManagementRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path segments under `/api/v2/`, each URL-encoded here: `['users', 'auth0|42', 'roles']`. */
  readonly path: readonly string[];
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON (the Management API's body format, §7). */
  readonly body?: unknown;
  /** For error messages: what the admin was doing, to which kind of resource. */
  readonly operation: Omit<AdminOperation, 'via'>;
}

/** A parsed success answer and its headers (paging reads `Link`). */
export interface ManagementReply<T> {
  readonly status: number;
  readonly value: T;
  readonly headers: AnswerHeaders;
}

export interface ManagementTransportOptions {
  /** The profile's HTTP client (proxy, CA bundle, timeout): main/net/profile-http-client.ts. */
  readonly http: AxiosInstance;
  /** `<issuer>api/v2/` (spec/auth0-wire.md §0), with its trailing slash. */
  readonly baseUrl: string;
  readonly credentials: ManagementCredentials;
  readonly clock?: () => number;
}

type RawReply =
  | { readonly status: number; readonly body: string; readonly headers: AnswerHeaders }
  | { readonly status: -1; readonly failure: unknown };

/**
 * Sends Management API requests with a bearer token, retries once after a 401 with a fresh token (the
 * credentials decide how), parses every success body with the caller's schema, and turns every failure
 * (the Management error shape, transport, TLS, an unexpected body) into an AppError with plain words.
 */
export class ManagementTransport {
  readonly #options: ManagementTransportOptions;

  constructor(options: ManagementTransportOptions) {
    this.#options = options;
  }

  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /** Sends the request and parses the answer's JSON body with `schema`. */
  async call<S extends z.ZodType>(
    request: ManagementRequest,
    schema: S,
  ): Promise<AppResult<ManagementReply<z.output<S>>>> {
    const reply = await this.#send(request);
    if (!reply.ok) return reply;
    const parsed = parseJsonBody(schema, reply.value.body);
    if (!parsed.ok) return err(unexpectedAnswer(reply.value.status, parsed.reason, this.#operation(request)));
    return ok({ status: reply.value.status, value: parsed.value, headers: reply.value.headers });
  }

  /** Sends a write whose answer body does not matter (204, or an echo the caller ignores). */
  async run(request: ManagementRequest): Promise<AppResult<{ readonly done: true }>> {
    const reply = await this.#send(request);
    return reply.ok ? ok({ done: true }) : reply;
  }

  /** The absolute URL of a request, as sent. */
  urlOf(request: Pick<ManagementRequest, 'path' | 'query'>): string {
    const url = new URL(request.path.map((segment) => encodeURIComponent(segment)).join('/'), this.#options.baseUrl);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value === undefined) continue;
      const values = Array.isArray(value) ? (value as readonly string[]) : [String(value as string | number | boolean)];
      for (const item of values) url.searchParams.append(name, item);
    }
    return url.toString();
  }

  async #send(
    request: ManagementRequest,
  ): Promise<AppResult<{ status: number; body: string; headers: AnswerHeaders }>> {
    const url = this.urlOf(request);
    const { http, credentials } = this.#options;
    const answer = await credentials.withToken<RawReply>(async (accessToken) => {
      try {
        const response = await http.request<string>({
          method: request.method,
          url,
          headers: {
            Authorization: `Bearer ${accessToken}`,
            ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(request.body === undefined ? {} : { data: JSON.stringify(request.body) }),
        });
        const body = typeof response.data === 'string' ? response.data : '';
        return { status: response.status, body, headers: response.headers as AnswerHeaders };
      } catch (failure) {
        // Thrown only for transport failures (the factory accepts every status); no retry for those.
        return { status: -1, failure };
      }
    });
    if (!answer.ok) return answer;
    const reply = answer.value;
    if ('failure' in reply) return err(translateTransportError(reply.failure, url));
    if (reply.status >= 200 && reply.status < 300) return ok(reply);
    return err(
      translateManagementError(reply.status, reply.body, reply.headers, this.#operation(request), this.#options.clock),
    );
  }

  #operation(request: ManagementRequest): AdminOperation {
    return { ...request.operation, via: this.#options.credentials.kind };
  }
}
