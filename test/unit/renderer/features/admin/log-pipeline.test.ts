import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../../../../common/admin/log.schema';
import { loginPipeline, newestFirst, timelineKind } from '../../../../../renderer/features/admin/logs/log-pipeline';

const rule = { kind: 'rule', id: 'rul_1', name: 'Add claims' } as const;
const event = (log_id: string, date: string, type = 'sepft'): LogEvent => ({ log_id, date, type });

describe('login pipeline of a log event', () => {
  it('names the scripts that ran and the claim each set', () => {
    const details = {
      scripts: [{ ...rule, status: 'ok', ms: 3 }],
      claims: [{ in: 'id', claim: 'https://x/realm', script: rule }],
    };
    expect(loginPipeline({ details })).toEqual({
      ran: ['Rule “Add claims” (ok)'],
      claims: ['https://x/realm (ID token) set by rule “Add claims”'],
    });
  });

  it('says nothing for events without pipeline details', () => {
    expect(loginPipeline({ details: { error: { message: 'x' } } })).toBeUndefined();
    expect(loginPipeline({ details: null })).toBeUndefined();
  });

  it('sorts newest first, once per log id, and groups by kind', () => {
    const sorted = newestFirst([
      event('a', '2026-01-01T00:00:00.000Z'),
      event('b', '2026-01-02T00:00:00.000Z'),
      event('a', '2026-01-01T00:00:00.000Z'),
    ]);
    expect(sorted.map((e) => e.log_id)).toEqual(['b', 'a']);
    expect([timelineKind('fp'), timelineKind('limit_wc'), timelineKind('mfar'), timelineKind('sapi')]).toEqual([
      'failure',
      'block',
      'mfa',
      'other',
    ]);
  });
});
