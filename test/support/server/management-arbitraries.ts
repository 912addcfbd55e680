import fc from 'fast-check';

/**
 * Generators for the Management API property test (test/integration/server/management-properties.test.ts):
 * values that are sometimes right and often wrong, bodies, and ids that exist at run time.
 */

/** The ids the generated requests aim at; the test refills them before each route. */
export const ids = {
  connections: [] as string[],
  users: [] as string[],
  roles: [] as string[],
  rules: [] as string[],
  actions: [] as string[],
  versions: [] as string[],
  clientGrants: [] as string[],
  m2mGrant: '',
};

/** One generated Management API request. */
export interface GeneratedRequest {
  readonly method: 'POST' | 'PATCH' | 'DELETE';
  readonly url: string;
  /** A JSON value to send, or `{raw}` for a raw (often broken) body with some content type. */
  readonly body?: unknown;
}

export const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'auth0', 'employees', 'a@b.test'),
);
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  anyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyString, { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);
/** Maybe the right kind of value, maybe anything. */
export const maybe = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: anyValue });

/** A body: mostly objects with the route's fields, sometimes any JSON, sometimes raw text. */
export function body(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 7, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((raw) => ({ raw })) },
  );
}

/** One of the ids known at run time (the pools fill in beforeAll), or some string when there are none. */
const byPool = new WeakMap<readonly string[], fc.Arbitrary<string>>();
export const known = (pool: () => readonly string[]) =>
  fc.constant(null).chain(() => {
    const list = pool();
    if (list.length === 0) return fc.string();
    // Building a constantFrom is costly (fast-check indexes its values), so build one per pool array.
    let arbitrary = byPool.get(list);
    if (arbitrary === undefined) {
      arbitrary = fc.constantFrom(...list);
      byPool.set(list, arbitrary);
    }
    return arbitrary;
  });

/** A path segment: a known id, or some string, URL-encoded. */
export const idFrom = (pool: () => readonly string[]) =>
  fc
    .oneof({ weight: 3, arbitrary: known(pool) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) })
    .map((id) => encodeURIComponent(id));

export const email = fc.oneof(fc.emailAddress(), anyString);
export const password = fc.oneof(fc.constantFrom('Str0ng-Passw0rd!', 'short', ''), anyString);
export const connectionName = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/), anyString);
export const scopeName = fc.constantFrom('read:reports', 'write:reports', 'read:users', 'nope');
export const metadata = fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 4 });
export const ruleScript = fc.constantFrom('function (u, c, cb) { cb(null, u, c); }', '', 'x'.repeat(10));
export const tryScript = fc.constantFrom(
  "function (u, c, cb) { c.idToken['https://p.test/x'] = 1; cb(null, u, c); }",
  "function (u, c, cb) { cb(new Error('no')); }",
  'function (u, c, cb) { throw new Error("boom"); }',
  'not javascript at all (',
  '',
);
export const tryCode = fc.constantFrom(
  "exports.onExecutePostLogin = async (event, api) => { api.access.deny('no'); };",
  'exports.onExecutePostLogin = async () => { throw new Error("boom"); };',
  'exports.nothing = 1;',
  '}{',
);
export const trigger = fc.record({
  id: fc.constantFrom('post-login', 'credentials-exchange', 'BAD'),
  version: fc.constantFrom('v3', 'x'),
});
