import { describe, expect, it } from 'vitest';
import { ManagementError } from '../../../../server/management/errors';
import { parseLucene } from '../../../../server/management/lucene';
import { parseUserSearch } from '../../../../server/management/user-search';
import { parseLogSearch } from '../../../../server/management/logs';

function refusal(query: string): ManagementError {
  try {
    parseLucene(query);
  } catch (error) {
    if (error instanceof ManagementError) return error;
    throw error;
  }
  throw new Error(`parsed without complaint: ${query}`);
}

describe('parseLucene', () => {
  it('reads field terms, quoted values and free text joined by implicit AND', () => {
    expect(parseLucene('identities.connection:"employees" email:alice@example.com admin')).toEqual({
      kind: 'and',
      items: [
        { kind: 'term', field: 'identities.connection', value: 'employees', prefix: false },
        { kind: 'term', field: 'email', value: 'alice@example.com', prefix: false },
        { kind: 'term', field: undefined, value: 'admin', prefix: false },
      ],
    });
  });

  it('gives AND precedence over OR, and reads NOT, -, parentheses, prefixes and field groups', () => {
    expect(parseLucene('a OR b AND NOT c')).toEqual({
      kind: 'or',
      items: [
        { kind: 'term', field: undefined, value: 'a', prefix: false },
        {
          kind: 'and',
          items: [
            { kind: 'term', field: undefined, value: 'b', prefix: false },
            { kind: 'not', item: { kind: 'term', field: undefined, value: 'c', prefix: false } },
          ],
        },
      ],
    });
    expect(parseLucene('-(name:jo*)')).toEqual({
      kind: 'not',
      item: { kind: 'term', field: 'name', value: 'jo', prefix: true },
    });
    expect(parseLucene('type:(s OR f)')).toEqual({
      kind: 'or',
      items: [
        { kind: 'term', field: 'type', value: 's', prefix: false },
        { kind: 'term', field: 'type', value: 'f', prefix: false },
      ],
    });
  });

  it('reads ranges with open ends, and values that hold colons after a field', () => {
    expect(parseLucene('date:[2026-01-01 TO *]')).toEqual({
      kind: 'range',
      field: 'date',
      from: '2026-01-01',
      to: undefined,
      inclusive: true,
    });
    expect(parseLucene('audience:https://api.test/')).toEqual({
      kind: 'term',
      field: 'audience',
      value: 'https://api.test/',
      prefix: false,
    });
  });

  it('treats an empty query as none and refuses broken ones with 400 invalid_query_string', () => {
    expect(parseLucene('   ')).toBeUndefined();
    for (const broken of [
      '"open',
      '(a',
      'a)',
      'email:',
      'x:[a TO',
      'a*b',
      'AND',
      '('.repeat(20) + 'a' + ')'.repeat(20),
    ]) {
      const error = refusal(broken);
      expect(error.statusCode).toBe(400);
      expect(error.errorCode).toBe('invalid_query_string');
    }
    expect(refusal('a '.repeat(60)).message).toContain('more than 50 terms');
  });
});

describe('user and log search', () => {
  it('maps user fields to the user query and refuses unknown ones', () => {
    expect(parseUserSearch('blocked:true AND user_metadata.plan:gold')).toEqual({
      kind: 'and',
      items: [
        { kind: 'flag', field: 'blocked', value: true },
        { kind: 'metadata', column: 'user_metadata', path: ['plan'], value: 'gold' },
      ],
    });
    expect(() => parseUserSearch('password_hash:x')).toThrow(ManagementError);
    expect(() => parseUserSearch('user_metadata.a"b:x')).toThrow(ManagementError);
  });

  it('maps log fields to AND-ed value lists and a date range', () => {
    expect(parseLogSearch('type:(fp OR fu) AND user_id:"auth0|abc" date:{2026-01-01 TO 2026-01-02}')).toEqual({
      where: [
        { field: 'type', values: ['fp', 'fu'] },
        { field: 'user_id', values: ['auth0|abc'] },
      ],
      dateFrom: Date.parse('2026-01-01') + 1,
      dateTo: Date.parse('2026-01-02') + 86_399_999 - 1,
    });
    expect(() => parseLogSearch('type:s OR user_id:x')).toThrow(ManagementError);
    expect(() => parseLogSearch('NOT type:s')).toThrow(ManagementError);
  });
});
