import { describe, expect, it } from 'vitest';
import {
  bruteForceDraft,
  bruteForceForm,
  rateWords,
  suspiciousIpDraft,
  suspiciousIpForm,
} from '../../../../../../renderer/features/admin/attack/attack-form-values';
import { bruteForceValue, suspiciousIpValue } from '../../../../../../renderer/features/admin/attack/attack-staging';

describe('attack-protection values', () => {
  it('round-trips a tenant’s brute-force setting through the form unchanged, shields in the tenant’s order', () => {
    const live = bruteForceValue({
      enabled: true,
      max_attempts: 10,
      mode: 'count_per_identifier',
      shields: ['user_notification', 'block'],
      allowlist: ['10.0.0.0/8', '::1'],
    });
    expect(bruteForceDraft(bruteForceForm(live), live)).toEqual(live);
  });

  it('leaves out fields a tenant did not send, and the form fills them with Auth0’s defaults', () => {
    const live = bruteForceValue({ enabled: false });
    expect(live).toEqual({ enabled: false });
    expect(bruteForceForm(live)).toMatchObject({ max_attempts: 10, mode: 'count_per_identifier_and_ip' });
  });

  it('round-trips both suspicious-IP stages', () => {
    const live = suspiciousIpValue({
      enabled: true,
      shields: ['block'],
      allowlist: [],
      stage: {
        'pre-login': { max_attempts: 100, rate: 864_000 },
        'pre-user-registration': { max_attempts: 50, rate: 1_728_000 },
      },
    });
    expect(suspiciousIpDraft(suspiciousIpForm(live), live)).toEqual(live);
  });

  it('says a rate in words', () => {
    expect(rateWords(864_000)).toBe('One more attempt every 14.4 minutes (100 a day).');
    expect(rateWords(3_600_000)).toBe('One more attempt every 1 hour (24 a day).');
    expect(rateWords(Number.NaN)).toBe('');
  });
});
