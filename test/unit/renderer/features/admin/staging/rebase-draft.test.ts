import { describe, expect, it } from 'vitest';
import { overlappingEdits, rebaseDraft } from '../../../../../../renderer/features/admin/staging/rebase-draft';

describe('rebaseDraft', () => {
  const base = { enabled: true, max_attempts: 10, mode: 'count_per_identifier_and_ip', allowlist: ['1.1.1.1'] };

  it('keeps a field only the tenant changed, and lays the draft’s edit over it', () => {
    const draft = { ...base, max_attempts: 20 };
    const live = { ...base, mode: 'count_per_identifier' };
    expect(rebaseDraft(base, draft, live)).toEqual({ ...base, max_attempts: 20, mode: 'count_per_identifier' });
    expect(overlappingEdits(base, draft, live)).toEqual([]);
  });

  it('keeps the draft where both changed the same field, and names that field', () => {
    const draft = { ...base, max_attempts: 20 };
    const live = { ...base, max_attempts: 5 };
    expect(rebaseDraft(base, draft, live)).toEqual(draft);
    expect(overlappingEdits(base, draft, live)).toEqual(['max_attempts']);
  });

  it('keeps a key the draft removed removed, and a key the tenant added', () => {
    const draft = { enabled: true };
    const live = { ...base, shields: ['block'] };
    expect(rebaseDraft(base, draft, live)).toEqual({ enabled: true, shields: ['block'] });
  });

  it('takes lists whole: the draft’s list when it changed it', () => {
    const draft = { ...base, allowlist: ['1.1.1.1', '2.2.2.2'] };
    const live = { ...base, allowlist: ['3.3.3.3'] };
    expect(rebaseDraft(base, draft, live)).toEqual(draft);
  });
});
