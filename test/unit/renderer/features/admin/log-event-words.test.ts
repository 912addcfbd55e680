import { describe, expect, it } from 'vitest';
import { adminChangeWords, eventKind, eventSummary } from '../../../../../renderer/features/admin/logs/log-event-words';

const patch = (body: unknown) => ({
  type: 'sapi',
  description: 'Update a User',
  details: { request: { method: 'PATCH', path: '/api/v2/users/auth0%7Cabc123', body } as never },
});

describe('log event words', () => {
  it('names an admin block and unblock with the decoded user id, read from the logged request', () => {
    expect(adminChangeWords(patch({ blocked: true }))).toBe('Blocked user auth0|abc123');
    expect(adminChangeWords(patch({ blocked: false }))).toBe('Unblocked user auth0|abc123');
    expect(adminChangeWords(patch({ name: 'Alice' }))).toBe('Changed user auth0|abc123');
  });

  it('falls back to the description and the request line for other admin changes', () => {
    const event = {
      type: 'sapi',
      description: 'Create a rule',
      details: { request: { method: 'POST', path: '/api/v2/rules' } },
    };
    expect(adminChangeWords(event)).toBe('Create a rule (POST /api/v2/rules)');
  });

  it('leaves sign-in events to their own description', () => {
    const failed = { type: 'fepft', description: 'user is blocked', details: null };
    expect(adminChangeWords(failed)).toBeUndefined();
    expect(eventSummary(failed)).toBe('user is blocked');
    expect(eventKind('fepft')).toEqual({ words: 'Password sign-in refused', outcome: 'failure' });
  });

  it('says an unknown code is unknown rather than guessing', () => {
    expect(eventKind('zz_new')).toEqual({ words: 'Other event (zz_new)', outcome: 'info' });
  });
});
