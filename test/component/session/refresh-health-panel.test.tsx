import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RefreshHealthPanel } from '../../../renderer/features/session/refresh-health-panel';
import { renderInApp } from '../render';
import { sessionSummary } from './session-fixture';

/** The value next to a label in the panel's definition list. */
function fact(label: string): string {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('the refresh-token health panel', () => {
  it('says nothing is known about rotation before the first refresh, and when the next one is planned', () => {
    renderInApp(<RefreshHealthPanel session={sessionSummary()} />);
    expect(within(screen.getByRole('region', { name: 'Refresh token health' })).getByText('Signed in with a password'));
    expect(fact('Server rotates tokens')).toBe('Not known yet: there has been no refresh');
    expect(fact('Last rotated')).toBe('Not yet');
    expect(fact('Last refresh')).toBe('None yet');
    expect(fact('Next refresh')).toMatch(/\(in 7 min\)/);
    expect(fact('Refresh token kept in')).toMatch(/system keychain/);
  });

  it('shows a rotation seen on the last refresh', () => {
    const at = Date.now() - 120_000;
    renderInApp(
      <RefreshHealthPanel
        session={sessionSummary({}, { rotates: true, lastRotatedAt: at, lastRefresh: { at, ok: true } })}
      />,
    );
    expect(fact('Server rotates tokens')).toBe('Yes: the refresh token changed on the last refresh');
    expect(fact('Last rotated')).toMatch(/\(2 min ago\)/);
    expect(fact('Last refresh')).toMatch(/Succeeded/);
  });

  it("gives a failed refresh's result in plain words and the server's own", () => {
    const failed = {
      at: Date.now() - 5_000,
      ok: false,
      message: 'The server did not answer.',
      detail: 'upstream timeout',
    };
    renderInApp(<RefreshHealthPanel session={sessionSummary({}, { rotates: false, lastRefresh: failed })} />);
    expect(fact('Last refresh')).toMatch(/Failed/);
    expect(fact('Last refresh')).toContain('The server did not answer.');
    expect(fact('Last refresh')).toContain('The server said: “upstream timeout”');
    expect(fact('Server rotates tokens')).toBe('No: the last refresh kept the same refresh token');
  });

  it.each([
    ['policy', 'Your organisation does not allow Gatehouse to keep sessions after it quits.'],
    ['user-choice', 'You chose not to stay signed in (“Keep me signed in” was off).'],
    ['no-keychain', 'The system keychain is not available, so nothing was saved.'],
  ] as const)('gives the true reason a token lives in memory (%s)', (reason, words) => {
    renderInApp(<RefreshHealthPanel session={sessionSummary({ storage: 'memory' }, { memoryReason: reason })} />);
    expect(fact('Refresh token kept in')).toBe(`Memory only${words}`);
  });

  it('says no refresh is planned without a refresh token', () => {
    renderInApp(
      <RefreshHealthPanel
        session={sessionSummary(
          { renewable: false, storage: 'memory' },
          { nextRefreshAt: null, memoryReason: 'user-choice' },
        )}
      />,
    );
    expect(fact('Next refresh')).toBe('None planned: there is no refresh token');
  });
});
