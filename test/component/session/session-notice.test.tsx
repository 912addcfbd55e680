import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SessionChanged } from '../../../common/ipc/session.schema';
import { Screens } from '../../../renderer/app/screens';
import { demoProfile } from '../login/login-fixture';
import { installBridge } from '../fake-bridge';
import { renderInApp } from '../render';
import { sessionSummary } from './session-fixture';

describe('notices from main while a session exists', () => {
  it('shows the clock-skew notice over the account screen, and lets the user dismiss it', async () => {
    const session = sessionSummary();
    let tell: (change: SessionChanged) => void = () => undefined;
    installBridge({
      events: {
        sessionChanged: (listener: (change: SessionChanged) => void) => {
          tell = listener;
          return () => undefined;
        },
      },
      auth: { accounts: vi.fn(async () => ({ ok: true as const, value: [session] })) },
      profile: {
        adminTab: vi.fn(async () => ({ ok: true as const, value: { shown: false, because: 'policy' as const } })),
      },
    });
    const startup = Promise.resolve({
      profile: { ok: true as const, value: demoProfile() },
      restored: { ok: true as const, value: session },
    });
    // `use(startup)` suspends: render inside an awaited act so React retries once the promise settles.
    await act(async () => {
      renderInApp(
        <Suspense fallback="starting">
          <Screens startup={startup} onRetry={vi.fn()} />
        </Suspense>,
      );
    });
    expect(await screen.findByRole('heading', { name: 'Signed in' }, { timeout: 15_000 })).toBeTruthy();
    const skew = 'This computer’s clock is 4 minutes behind the server’s. Times shown may be off.';
    act(() => tell({ session, reason: 'refreshed', notice: skew }));
    expect(await screen.findByText(skew)).toBeTruthy();
    // A later change without news keeps the notice until the user closes it.
    act(() => tell({ session, reason: 'refreshed' }));
    expect(screen.getByText(skew)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss this note' }));
    expect(screen.queryByText(skew)).toBeNull();
    // The account screen loads lazily, and this machine may be busy.
  }, 30_000);
});
