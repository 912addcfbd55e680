import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DryRunReport } from '../../../common/admin/dry-run.schema';
import { DryRunResult } from '../../../renderer/features/admin/shared/dry-run-result';
import { renderInApp } from '../render';

const action = { kind: 'action', id: 'act_1', name: 'Tag plan' } as const;
const rule = { kind: 'rule', id: 'rul_1', name: 'Deny contractors' } as const;
const base: DryRunReport = {
  outcome: 'allow',
  accessTokenClaims: { 'https://x.test/plan': 'gold', scope: 'openid read:reports' },
  accessTokenScope: ['openid', 'read:reports'],
  idTokenClaims: {},
  provenance: [{ token: 'access', claim: 'https://x.test/plan', script: action }],
  dropped: [],
  console: [{ script: action, level: 'log', line: 'plan is gold' }],
  scripts: [],
};

describe('DryRunResult', () => {
  it('shows the outcome, the granted scope, each claim with its value and source, and the console', () => {
    renderInApp(<DryRunResult report={base} />);
    expect(screen.getByRole('status').textContent).toBe('Allowed: the sign-in would succeed.');
    expect(screen.getByText(/Granted scope/).textContent).toBe('Granted scope: openid read:reports');
    const table = screen.getByRole('table', { name: 'Claims set by scripts, with their source' });
    const row = within(table).getAllByRole('row')[1];
    expect(row?.textContent).toBe('https://x.test/planAccess tokengoldAction “Tag plan”');
    expect(screen.getByText('[Tag plan] plan is gold')).toBeTruthy();
  });

  it('gives a denial its reason and the script that stopped the sign-in', () => {
    renderInApp(
      <DryRunResult
        report={{
          ...base,
          outcome: 'deny',
          accessTokenScope: [],
          provenance: [],
          console: [],
          stoppedBy: rule,
          error: { status: 401, error: 'unauthorized', errorDescription: 'Contractors may not sign in here' },
        }}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Denied: the sign-in would be refused.');
    expect(screen.getByText(/^Reason:/).textContent).toContain('Contractors may not sign in here');
    expect(screen.getByText('Stopped by the rule “Deny contractors”.')).toBeTruthy();
    expect(screen.getByText(/Granted scope/).textContent).toBe('Granted scope: none');
    expect(screen.getByText('Nothing was logged.')).toBeTruthy();
  });
});
