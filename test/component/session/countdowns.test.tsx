import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExpiryCountdown } from '../../../renderer/components/expiry-countdown';
import { MfaDeadline } from '../../../renderer/features/mfa/mfa-deadline';
import { renderInApp } from '../render';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-01-05T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('the countdowns', () => {
  it('counts the access token down every second, then says it expired', () => {
    renderInApp(<ExpiryCountdown expiresAt={Date.now() + 61_000} />);
    expect(screen.getByText('(expires in 1 min)')).toBeTruthy();
    act(() => vi.advanceTimersByTime(2_000));
    expect(screen.getByText('(expires in 59 s)')).toBeTruthy();
    act(() => vi.advanceTimersByTime(62_000));
    expect(screen.getByText('(expired 3 s ago)')).toBeTruthy();
  });

  it('tells the MFA screen once when the pending sign-in runs out', () => {
    const onExpired = vi.fn();
    renderInApp(<MfaDeadline expiresAt={Date.now() + 3_000} onExpired={onExpired} />);
    expect(screen.getByText('This sign-in ends in 3 s.')).toBeTruthy();
    act(() => vi.advanceTimersByTime(2_000));
    expect(onExpired).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(2_000));
    expect(screen.getByText('This sign-in expired 1 s ago.')).toBeTruthy();
    expect(onExpired).toHaveBeenCalledTimes(1);
  });
});
