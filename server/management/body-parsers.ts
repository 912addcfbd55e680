import type { FastifyInstance } from 'fastify';
import { BODY_LIMIT_BYTES } from '../config';
import { mgmtErrors } from './errors';

/**
 * A `__proto__` key is refused outright (as Fastify's own JSON parser does): it is never a legitimate
 * Auth0 field, and once copied into an object by assignment it would change that object's prototype.
 */
function refuseProtoKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw mgmtErrors.invalidBody("'__proto__' is not an allowed property name");
  return value;
}

/**
 * Parses a Management API JSON body. Any JSON value is accepted here (some routes take an array, such as
 * `PATCH /connections/{id}/clients`); each route's schema decides what it needs. An empty body is none.
 */
export function parseManagementJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw, refuseProtoKeys);
  } catch (error) {
    if (error instanceof SyntaxError) throw mgmtErrors.malformedBody();
    throw error;
  }
}

/**
 * Auth0's OAS also allows form-encoded bodies on writes (auth0-wire.md §7). Values stay strings, so only
 * string fields can be sent this way; a repeated field is refused rather than guessed at.
 */
export function parseManagementForm(raw: string): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    refuseProtoKeys(name, value);
    if (Object.hasOwn(body, name)) throw mgmtErrors.invalidBody(`'${name}' must not be repeated`);
    body[name] = value;
  }
  return body;
}

/**
 * Replaces the scope's parsers: JSON (charset suffixes are fine, Fastify matches the media type), forms,
 * and anything else sniffed as JSON when it looks like JSON, since `fetch` labels a string body
 * `text/plain` when the caller forgets the header (auth0-wire.md §8.4). Fastify answers 413 before any
 * parser runs when the body is over the limit.
 */
export function installManagementBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const options = { parseAs: 'string' as const, bodyLimit: BODY_LIMIT_BYTES };
  const adapt =
    (parse: (raw: string) => unknown) =>
    (_request: unknown, raw: string | Buffer, done: (error: Error | null, body?: unknown) => void) => {
      try {
        done(null, parse(String(raw)));
      } catch (error) {
        done(error as Error);
      }
    };
  app.addContentTypeParser('application/json', options, adapt(parseManagementJson));
  app.addContentTypeParser('application/x-www-form-urlencoded', options, adapt(parseManagementForm));
  app.addContentTypeParser(
    '*',
    options,
    adapt((raw) => {
      const start = raw.trimStart()[0];
      if (raw.trim() === '') return undefined;
      if (start === '{' || start === '[') return parseManagementJson(raw);
      throw mgmtErrors.unsupportedMediaType();
    }),
  );
}
