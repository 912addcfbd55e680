import { authErrors } from '../errors/catalogue';
import type { ParsedBody } from './body-parsers';

/**
 * Read access to an Authentication API request's parameters. Unknown parameters are simply never read
 * (RFC 6749 §3.1: "The authorization server MUST ignore unrecognized request parameters").
 * An empty string counts as absent, as `Missing required parameter` suggests.
 */
export class RequestParams {
  private constructor(private readonly body: ParsedBody) {}

  /** Wraps whatever the body parser produced; no body at all means no parameters. */
  static fromBody(body: unknown): RequestParams {
    return new RequestParams(body instanceof Map ? (body as ParsedBody) : new Map());
  }

  /** The parameter as a string, or undefined when absent or empty. Throws 400 when JSON gave a non-string. */
  get(name: string): string | undefined {
    const value = this.body.get(name);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw authErrors.parameterNotString(name);
    return value;
  }

  /** Like `get`, but throws 400 `Missing required parameter: <name>` when absent. */
  require(name: string): string {
    const value = this.get(name);
    if (value === undefined) throw authErrors.missingParameter(name);
    return value;
  }

  /**
   * The space-delimited `scope` (RFC 6749 §3.3). Auth0's JSON form also accepts an array of strings
   * (the legacy "Scope must be an array or a string", auth0-wire.md §2 row 19).
   */
  scope(): string | undefined {
    const value = this.body.get('scope');
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      const joined = value.join(' ').trim();
      return joined === '' ? undefined : joined;
    }
    if (value !== undefined && value !== null && typeof value !== 'string') throw authErrors.scopeNotStringOrArray();
    return this.get('scope');
  }
}
