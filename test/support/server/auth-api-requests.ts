import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { grantTypes } from '../../../common/oauth/wire';
import { demo } from './demo-tenant';
import { basicAuth } from './http';

/**
 * Request generators for the Authentication API property test
 * (test/integration/server/auth-api-properties.test.ts): valid values (real clients, users, secrets and
 * tokens) mixed with hostile ones, in every encoding, so that generated requests reach deep paths.
 */

/** The fixed issuer the property test's server runs with. */
export const AUTH_API_TEST_ISSUER = 'http://gatehouse.test/';
/** How many refresh tokens the test obtains up front (each can rotate once). */
export const REFRESH_TOKEN_POOL = 25;

/** Real tokens to aim at, filled in by the test before any request is generated. */
export const live = { refreshTokens: [] as string[], accessToken: '' };

/** Which kind of endpoint an answer comes from. */
export type Endpoint = 'token' | 'revoke' | 'userinfo';

export type Encoding = 'form' | 'json' | 'form-dup' | 'json-dup' | 'raw' | 'none';

/** One generated Authentication API request. */
export interface GeneratedRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly encoding: Encoding;
  readonly params: Record<string, unknown>;
  readonly raw: string;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly forwardedFor: string | undefined;
}

const HUGE = 'x'.repeat(70 * 1024);

function encode(request: GeneratedRequest): { payload?: string; contentType?: string } {
  // A form can only carry text: non-strings go as their JSON (fast-check's objects have no prototype).
  const stringParams = Object.entries(request.params).map(
    ([key, value]) => [key, typeof value === 'string' ? value : (JSON.stringify(value) ?? '')] as [string, string],
  );
  switch (request.encoding) {
    case 'form':
      return {
        payload: new URLSearchParams(stringParams).toString(),
        contentType: request.contentType ?? 'application/x-www-form-urlencoded',
      };
    case 'form-dup': {
      const first = stringParams[0] ?? ['grant_type', 'password'];
      return {
        payload: new URLSearchParams([...stringParams, first]).toString(),
        contentType: 'application/x-www-form-urlencoded',
      };
    }
    case 'json':
      return { payload: JSON.stringify(request.params), contentType: request.contentType ?? 'application/json' };
    case 'json-dup': {
      const text = JSON.stringify(request.params);
      const duplicate = text === '{}' ? '{"a":1,"a":2}' : `${text.slice(0, -1)},"client_id":"again"}`;
      return { payload: duplicate, contentType: 'application/json; charset=utf-8' };
    }
    case 'raw':
      return { payload: request.raw, ...(request.contentType !== undefined && { contentType: request.contentType }) };
    case 'none':
      return {};
  }
}

/** Sends a generated request through `app.inject()`. */
export async function send(app: FastifyInstance, request: GeneratedRequest): Promise<LightMyRequestResponse> {
  const { payload, contentType } = encode(request);
  return app.inject({
    method: request.method,
    url: request.url,
    headers: {
      ...(contentType !== undefined && { 'content-type': contentType }),
      ...(request.authorization !== undefined && { authorization: request.authorization }),
      ...(request.forwardedFor !== undefined && { 'auth0-forwarded-for': request.forwardedFor }),
    },
    ...(payload !== undefined && { payload }),
  });
}

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '%',
    '%zz',
    '__proto__',
    'constructor',
    "' OR 1=1 --",
    '"); DROP TABLE users; --',
    '{"a":',
    'null',
    'é'.repeat(513),
    'a'.repeat(1025),
    'v1.',
    'Bearer',
    '../../etc/passwd',
  ),
);

const jsonOnly = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

const allUsers = Object.values(demo.users);
const clientIds = [demo.clients.desktop.clientId, demo.clients.backend.clientId, demo.clients.adminM2m.clientId];
const secrets = [demo.clients.backend.secret, demo.clients.adminM2m.secret];

/** A parameter: mostly a sensible value, often a hostile one, sometimes (JSON only) a non-string. */
function param(valid: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    { weight: 3, arbitrary: hostile },
    { weight: 1, arbitrary: jsonOnly },
  );
}

const known = {
  client_id: () => fc.constantFrom(...clientIds),
  client_secret: () => fc.constantFrom(...secrets),
  username: () => fc.constantFrom(...allUsers.map((user) => user.email), 'ALICE@example.com', 'ghost@example.com'),
  password: () => fc.constantFrom(...allUsers.map((user) => user.password), 'wrong'),
  realm: () => fc.constantFrom('employees', 'contractors', 'nope'),
  audience: () => fc.constantFrom(demo.audience, `${AUTH_API_TEST_ISSUER}api/v2/`, 'https://nowhere.example/'),
  scope: () => fc.constantFrom('openid', 'openid profile email offline_access', 'read:reports', 'read:users read:logs'),
  // `map` reads the pool when a value is generated, after beforeAll has filled it.
  refresh_token: () =>
    fc
      .tuple(fc.nat({ max: REFRESH_TOKEN_POOL - 1 }), fc.constantFrom('', 'x'))
      .map(([index, suffix]) => `${live.refreshTokens[index] ?? ''}${suffix}`),
  token: () =>
    fc
      .tuple(fc.nat({ max: REFRESH_TOKEN_POOL - 1 }), fc.boolean())
      .map(([index, access]) => (access ? live.accessToken : (live.refreshTokens[index] ?? ''))),
  mfa_token: () => fc.constantFrom('Fe26.2**abc', 'not-a-token'),
  otp: () => fc.constantFrom('123456', '000000', '12345'),
  oob_code: () => fc.constantFrom('oob-code', ''),
  binding_code: () => fc.constantFrom('123456'),
  recovery_code: () => fc.constantFrom('ABCDEFGHIJKLMNOPQRSTUVWX'),
};
type Known = keyof typeof known;

/**
 * Half the time any subset of the parameters with any values; half the time every parameter, each
 * almost always sensible, so that requests get past parsing into client authentication, the password
 * check, the refresh rotation and the signing.
 */
function paramsFor(grantType: fc.Arbitrary<unknown>, names: readonly Known[]): fc.Arbitrary<Record<string, unknown>> {
  const loose: Record<string, fc.Arbitrary<unknown>> = { grant_type: param(grantType as fc.Arbitrary<string>) };
  const close: Record<string, fc.Arbitrary<unknown>> = { grant_type: grantType };
  for (const name of names) {
    loose[name] = param(known[name]());
    close[name] = fc.oneof({ weight: 12, arbitrary: known[name]() }, { weight: 1, arbitrary: hostile });
  }
  return fc
    .tuple(
      fc.oneof(fc.record(loose, { requiredKeys: [] }), fc.record(close)),
      // Unknown parameters must be ignored (RFC 6749 §3.1).
      fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 12 }), { maxKeys: 2 }),
    )
    .map(([params, extra]) => ({ ...extra, ...params }));
}

function requests(
  method: fc.Arbitrary<'GET' | 'POST'>,
  url: string,
  params: fc.Arbitrary<Record<string, unknown>>,
  authorization: fc.Arbitrary<string | undefined>,
): fc.Arbitrary<GeneratedRequest> {
  return fc.record({
    method,
    url: fc.constant(url),
    encoding: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom<Encoding>('form', 'json') },
      { weight: 1, arbitrary: fc.constantFrom<Encoding>('form-dup', 'json-dup', 'raw', 'none') },
    ),
    params,
    raw: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('{"grant_type":', '[1,2]', '\u0000\u0001', HUGE, 'a=1&a=2'),
    ),
    contentType: fc.constantFrom(
      undefined,
      undefined,
      undefined,
      'application/json; charset=utf-8',
      'application/x-www-form-urlencoded;charset=UTF-8',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      '*/*',
    ),
    authorization,
    // Distinct addresses keep suspicious-IP throttling from closing the password path for the whole run.
    forwardedFor: fc.option(fc.oneof(fc.ipV4(), fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 30 })), {
      nil: undefined,
      freq: 4,
    }),
  });
}

/** Usually absent (the body carries the client), sometimes real Basic credentials, sometimes junk. */
const clientAuthorization: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  fc.oneof(
    fc
      .constantFrom(
        [demo.clients.backend.clientId, demo.clients.backend.secret],
        [demo.clients.adminM2m.clientId, demo.clients.adminM2m.secret],
      )
      .map(([id, secret]) => basicAuth(id, secret)),
    fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([id, secret]) => basicAuth(id, secret)),
    fc.constantFrom('Basic', 'Basic !!!', 'Basic Og==', 'Bearer abc'),
    fc.string({ maxLength: 30 }),
  ),
);

const bearerAuthorization = fc.option(
  fc.oneof(
    fc.constant(undefined).map(() => `Bearer ${live.accessToken}`),
    fc.constant(undefined).map(() => `Bearer ${live.accessToken.slice(0, -3)}abc`),
    fc.constant(undefined).map(() => `bearer   ${live.accessToken}`),
    fc.string({ maxLength: 60 }).map((text) => `Bearer ${text}`),
    fc
      .array(fc.base64String({ maxLength: 40 }), { minLength: 3, maxLength: 3 })
      .map((parts) => `Bearer ${parts.join('.')}`),
    fc.constantFrom('Bearer', 'Basic Og==', `Bearer ${'a'.repeat(9000)}`),
  ),
  { nil: undefined, freq: 8 },
);

const passwordNames: Known[] = ['client_id', 'client_secret', 'username', 'password', 'audience', 'scope'];
const grantParameters: Record<string, Known[]> = {
  [grantTypes.password]: passwordNames,
  [grantTypes.passwordRealm]: [...passwordNames, 'realm'],
  [grantTypes.refreshToken]: ['client_id', 'client_secret', 'refresh_token', 'scope'],
  [grantTypes.clientCredentials]: ['client_id', 'client_secret', 'audience', 'scope'],
  [grantTypes.mfaOtp]: ['client_id', 'client_secret', 'mfa_token', 'otp'],
  [grantTypes.mfaOob]: ['client_id', 'client_secret', 'mfa_token', 'oob_code', 'binding_code'],
  [grantTypes.mfaRecoveryCode]: ['client_id', 'client_secret', 'mfa_token', 'recovery_code'],
};

/** Each endpoint (every grant of /oauth/token, /oauth/revoke, /userinfo) with its request generator. */
export const endpoints: [string, Endpoint, fc.Arbitrary<GeneratedRequest>][] = [
  ...Object.entries(grantParameters).map(
    ([grant, names]) =>
      [
        `POST /oauth/token grant_type=${grant}`,
        'token',
        requests(fc.constant('POST'), '/oauth/token', paramsFor(fc.constant(grant), names), clientAuthorization),
      ] as [string, Endpoint, fc.Arbitrary<GeneratedRequest>],
  ),
  [
    'POST /oauth/token with an unknown or missing grant_type',
    'token',
    requests(fc.constant('POST'), '/oauth/token', paramsFor(hostile, passwordNames), clientAuthorization),
  ],
  [
    'POST /oauth/revoke',
    'revoke',
    requests(
      fc.constant('POST'),
      '/oauth/revoke',
      paramsFor(fc.constant(undefined), ['client_id', 'client_secret', 'token']),
      clientAuthorization,
    ),
  ],
  [
    'GET and POST /userinfo',
    'userinfo',
    requests(
      fc.constantFrom('GET', 'POST'),
      '/userinfo',
      paramsFor(fc.constant(undefined), ['scope']),
      bearerAuthorization,
    ),
  ],
];
