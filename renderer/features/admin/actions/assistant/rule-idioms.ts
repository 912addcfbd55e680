/**
 * The rule idioms the assistant knows, and what each becomes in a post-login action (auth0-wire.md §6.3 and
 * §6.4, and Auth0's "Migrate from Rules to Actions" guide). Tables only: translate-rule.ts does the walking.
 */

/** `context.<key>` (one level) → the `event` expression that holds the same value. */
export const contextFields: Readonly<Record<string, string>> = {
  clientID: 'event.client.client_id',
  clientName: 'event.client.name',
  clientMetadata: 'event.client.metadata',
  connection: 'event.connection.name',
  connectionID: 'event.connection.id',
  connectionStrategy: 'event.connection.strategy',
  connectionMetadata: 'event.connection.metadata',
  protocol: 'event.transaction.protocol',
  tenant: 'event.tenant.id',
  authorization: 'event.authorization',
  authentication: 'event.authentication',
  audience: 'event.resource_server?.identifier',
};

/** `context.request.<key>` → `event.request.<key>` (Actions use snake_case for the user agent). */
export const requestFields: Readonly<Record<string, string>> = {
  ip: 'event.request.ip',
  userAgent: 'event.request.user_agent',
  hostname: 'event.request.hostname',
  query: 'event.request.query',
  body: 'event.request.body',
  geoip: 'event.request.geoip',
};

/** `context.stats.<key>` → the event field. */
export const statsFields: Readonly<Record<string, string>> = {
  loginsCount: 'event.stats.logins_count',
};

/** Why a `context.<key>` has no mechanical translation; the reason becomes the TODO text. */
export const contextWithoutEquivalent: Readonly<Record<string, string>> = {
  sso: 'Actions have no context.sso; decide from event.session or drop it',
  sessionID: 'context.sessionID has no direct equivalent; use event.session?.id',
  primaryUser: 'account linking differs in Actions (api.authentication.setPrimaryUser)',
  riskAssessment: 'use event.authentication.riskAssessment',
  organization: 'use event.organization',
  samlConfiguration: 'use api.samlResponse',
  connectionOptions: 'Actions do not expose the connection options',
};

/** Node's built-in modules: `require` of these needs no dependency entry. */
export const builtinModules = new Set([
  'assert',
  'buffer',
  'crypto',
  'events',
  'http',
  'https',
  'querystring',
  'stream',
  'string_decoder',
  'url',
  'util',
  'zlib',
]);

/** `require('name@version')` → the dependency entry (`latest` when the rule gave no version). */
export function dependencyOf(specifier: string): { name: string; version: string } | undefined {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const at = bare.lastIndexOf('@');
  const name = at > 0 ? bare.slice(0, at) : bare;
  if (builtinModules.has(name) || name.startsWith('.') || name === '') return undefined;
  return { name, version: at > 0 ? bare.slice(at + 1) : 'latest' };
}
