import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../../../../common/admin/log.schema';
import { luceneQuery, noFilters } from '../../../../../renderer/features/admin/logs/log-filters';
import { addToTail, nextCheckpoint } from '../../../../../renderer/features/admin/logs/log-tail-rows';

describe('log filters to Lucene', () => {
  it('builds one AND-ed query from every filter, quoting typed values', () => {
    expect(
      luceneQuery({
        event: 'failed-login',
        user: 'alice@example.com',
        realm: 'employees',
        client: 'gatehouse-desktop',
        ip: '10.0.0.1',
        from: '2026-12-01',
        to: '',
      }),
    ).toBe(
      'type:(f OR fp OR fu OR fepft) AND user_name:"alice@example.com" AND connection:"employees" AND client_id:"gatehouse-desktop" AND ip:"10.0.0.1" AND date:[2026-12-01 TO *]',
    );
  });

  it('searches by user id when one is typed, and escapes quotes', () => {
    expect(luceneQuery({ ...noFilters, user: 'auth0|abc', event: 'blocked-account' })).toBe(
      'type:(limit_wc OR limit_sul) AND user_id:"auth0|abc"',
    );
    expect(luceneQuery({ ...noFilters, realm: 'a"b' })).toBe('connection:"a\\"b"');
    expect(luceneQuery(noFilters)).toBe('');
  });
});

const event = (log_id: string): LogEvent => ({ log_id, date: '2026-12-08T00:00:00.000Z', type: 'fp' });

describe('live tail rows', () => {
  it('puts new events first, each log id once, and keeps at most the cap', () => {
    const kept = [event('2'), event('1')];
    expect(addToTail(kept, [event('2'), event('3'), event('4')]).map((e) => e.log_id)).toEqual(['4', '3', '2', '1']);
    expect(addToTail(kept, [event('3'), event('4')], 3).map((e) => e.log_id)).toEqual(['4', '3', '2']);
  });

  it('moves the checkpoint to the server’s next, else the last event read', () => {
    expect(nextCheckpoint('1', { items: [event('5')], next: 'cursor' })).toBe('cursor');
    expect(nextCheckpoint('1', { items: [event('4'), event('5')] })).toBe('5');
    expect(nextCheckpoint('1', { items: [] })).toBe('1');
  });
});
