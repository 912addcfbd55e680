import { describe, expect, it } from 'vitest';
import { InvalidRequestError, OAuthError } from '../../../../server/errors/oauth-errors';
import { parseFormBody, parseJsonBody, parseSniffedBody, topLevelJsonKeys } from '../../../../server/http/body-parsers';
import { RequestParams } from '../../../../server/http/request-params';

function errorOf(work: () => unknown): InvalidRequestError {
  try {
    work();
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error('expected an InvalidRequestError');
}

describe('parseFormBody', () => {
  it('decodes form fields, + as space and percent escapes', () => {
    const body = parseFormBody('username=alice%40example.com&password=a+b%2Bc&empty=');
    expect([...body]).toEqual([
      ['username', 'alice@example.com'],
      ['password', 'a b+c'],
      ['empty', ''],
    ]);
  });

  it('refuses a parameter given twice, naming it', () => {
    const error = errorOf(() => parseFormBody('grant_type=password&realm=a&realm=b'));
    expect(error.status).toBe(400);
    expect(error.description).toBe('Parameter must not be repeated: realm');
  });

  it('treats repeats after decoding as repeats', () => {
    expect(() => parseFormBody('realm=a&re%61lm=b')).toThrow(InvalidRequestError);
  });

  it('keeps __proto__ as plain data', () => {
    const body = parseFormBody('__proto__=x&constructor=y');
    expect(body.get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('parseJsonBody', () => {
  it('reads an object', () => {
    expect(parseJsonBody('{"a":"1","b":2}').get('b')).toBe(2);
  });

  it('treats an empty body as no parameters', () => {
    expect(parseJsonBody('  ').size).toBe(0);
  });

  it('refuses a repeated top-level key, naming it, as RFC 6749 §3.2 asks of form parameters', () => {
    const error = errorOf(() => parseJsonBody('{"grant_type":"password","password":"a","password":"b"}'));
    expect(error.status).toBe(400);
    expect(error.description).toBe('Parameter must not be repeated: password');
    expect(errorOf(() => parseJsonBody('{"a\\u0062":1,"ab":2}')).description).toBe(
      'Parameter must not be repeated: ab',
    );
  });

  it('allows the same key at different depths and inside strings', () => {
    const body = parseJsonBody('{"a":{"a":1,"b":[{"a":2}]},"b":"{\\"a\\":3,","c":"x\\\\"}');
    expect([...body.keys()]).toEqual(['a', 'b', 'c']);
    expect(topLevelJsonKeys('{"x":[1,{"y":2}],"z":{"x":1}, "w" : "\\"x\\""}')).toEqual(['x', 'z', 'w']);
  });

  it.each(['[1,2]', '"text"', 'null', '{"a":', '{"password":"hunter2'])('refuses %s without echoing it', (raw) => {
    const error = errorOf(() => parseJsonBody(raw));
    expect(error.status).toBe(400);
    expect(error.description).not.toContain('hunter2');
  });
});

describe('parseSniffedBody', () => {
  it('reads JSON when the body starts with {, and form otherwise', () => {
    expect(parseSniffedBody(' {"grant_type":"password"}').get('grant_type')).toBe('password');
    expect(parseSniffedBody('grant_type=password').get('grant_type')).toBe('password');
  });
});

describe('RequestParams', () => {
  const params = RequestParams.fromBody(
    new Map<string, unknown>([
      ['client_id', 'app'],
      ['empty', ''],
      ['number', 5],
      ['scope', ['openid', 'email']],
    ]),
  );

  it('returns strings, and undefined for absent or empty values', () => {
    expect(params.get('client_id')).toBe('app');
    expect(params.get('empty')).toBeUndefined();
    expect(params.get('missing')).toBeUndefined();
  });

  it('names a missing required parameter', () => {
    expect(() => params.require('empty')).toThrow('Missing required parameter: empty');
  });

  it('refuses non-string values only when they are read', () => {
    expect(() => params.get('number')).toThrow('Parameter must be a string: number');
  });

  it('accepts scope as an array of strings (JSON form)', () => {
    expect(params.scope()).toBe('openid email');
  });

  it.each([[5], [{ a: 'b' }], [['openid', 3]], [true]])(
    'refuses a scope of %j with 400 invalid_scope "Scope must be an array or a string" (§2 row 19)',
    (scope) => {
      const bad = RequestParams.fromBody(new Map<string, unknown>([['scope', scope]]));
      let error: unknown;
      try {
        bad.scope();
      } catch (caught) {
        error = caught;
      }
      if (!(error instanceof OAuthError)) throw new Error('expected an OAuthError');
      expect(error.status).toBe(400);
      expect(error.error).toBe('invalid_scope');
      expect(error.description).toBe('Scope must be an array or a string');
    },
  );

  it('treats a missing body as no parameters', () => {
    expect(RequestParams.fromBody(undefined).get('grant_type')).toBeUndefined();
  });
});
