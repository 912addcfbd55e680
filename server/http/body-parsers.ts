import type { FastifyInstance } from 'fastify';
import { BODY_LIMIT_BYTES } from '../config';
import { authErrors } from '../errors/catalogue';

/**
 * A parsed request body: parameter name to value. A Map (not a plain object) so that a parameter named
 * `__proto__` or `constructor` is just data. Form values are strings; JSON values are whatever JSON held.
 */
export type ParsedBody = ReadonlyMap<string, unknown>;

/**
 * Parses `application/x-www-form-urlencoded` (WHATWG URL §5.1, via URLSearchParams). A repeated
 * parameter is refused: RFC 6749 §3.2 says parameters "MUST NOT be included more than once", and
 * silently picking one copy is how parameter-pollution bugs start.
 */
export function parseFormBody(raw: string): ParsedBody {
  const body = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(raw)) {
    if (body.has(name)) throw authErrors.repeatedParameter(name);
    body.set(name, value);
  }
  return body;
}

/**
 * The keys of a JSON object text's top level, in order, repeats included. `text` must already be valid
 * JSON (JSON.parse accepted it), so this only tracks strings and nesting depth.
 */
export function topLevelJsonKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) keys.push(JSON.parse(text.slice(i, end + 1)) as string);
      expectKey = false;
      i = end;
    } else if (char === '{' || char === '[') {
      depth += 1;
      expectKey = char === '{' && depth === 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
    } else if (char === ',' && depth === 1) {
      expectKey = true;
    }
  }
  return keys;
}

/**
 * Parses a JSON object body (Auth0 accepts JSON on /oauth/token and /oauth/revoke, auth0-wire.md §1.3).
 * A repeated top-level key is refused like a repeated form parameter: JSON.parse would silently keep the
 * last one (RFC 8259 §4 leaves duplicate names to the implementation).
 */
export function parseJsonBody(raw: string): ParsedBody {
  if (raw.trim() === '') return new Map();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (cause) {
    throw Object.assign(authErrors.malformedBody(), { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw authErrors.malformedBody();
  const entries = Object.entries(value);
  const keys = topLevelJsonKeys(raw);
  if (keys.length !== entries.length) {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) throw authErrors.repeatedParameter(key);
      seen.add(key);
    }
  }
  return new Map(entries);
}

/**
 * For a missing or unexpected content type: `fetch` labels a string body `text/plain;charset=UTF-8`
 * when the caller forgets the header (auth0-wire.md §8.4), so look at the first character instead.
 */
export function parseSniffedBody(raw: string): ParsedBody {
  return raw.trimStart().startsWith('{') ? parseJsonBody(raw) : parseFormBody(raw);
}

/**
 * Replaces the scope's content-type parsers with the three above. Fastify matches the media type and
 * ignores parameters such as `charset`, and enforces `bodyLimit` (413) before any parser runs.
 */
export function installAuthBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const options = { parseAs: 'string' as const, bodyLimit: BODY_LIMIT_BYTES };
  app.addContentTypeParser('application/x-www-form-urlencoded', options, (_request, raw, done) => {
    try {
      done(null, parseFormBody(String(raw)));
    } catch (error) {
      done(error as Error);
    }
  });
  app.addContentTypeParser('application/json', options, (_request, raw, done) => {
    try {
      done(null, parseJsonBody(String(raw)));
    } catch (error) {
      done(error as Error);
    }
  });
  app.addContentTypeParser('*', options, (_request, raw, done) => {
    try {
      done(null, parseSniffedBody(String(raw)));
    } catch (error) {
      done(error as Error);
    }
  });
}
