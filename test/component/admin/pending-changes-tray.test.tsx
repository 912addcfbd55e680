import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StageRequest } from '../../../renderer/features/admin/staging/staged-change';
import { PendingChangesTray } from '../../../renderer/features/admin/staging/pending-changes-tray';
import { StagingProvider } from '../../../renderer/features/admin/staging/staging-provider';
import { useStaging } from '../../../renderer/features/admin/staging/staging-store';
import { renderInApp } from '../render';
import { TenantSetting } from '../../support/tenant-setting';

function StageButton({ request }: { request: () => StageRequest }) {
  const staging = useStaging();
  return (
    <button type="button" onClick={() => staging.stage(request())}>
      Stage it
    </button>
  );
}

function renderTray(request: () => StageRequest) {
  renderInApp(
    <StagingProvider onFailure={() => undefined}>
      <StageButton request={request} />
      <PendingChangesTray />
    </StagingProvider>,
  );
  return userEvent.setup();
}

const pending = () => screen.getByRole('list', { name: 'Pending changes' });

describe('the pending-changes tray', { timeout: 20_000 }, () => {
  it('shows a staged change as a field diff, writes nothing until Apply, and Undo puts the old value back', async () => {
    const tenant = new TenantSetting({ enabled: true, max_attempts: 10, allowlist: ['10.0.0.1'] });
    const user = renderTray(() =>
      tenant.request('bf', 'Brute-force protection', {
        enabled: true,
        max_attempts: 12,
        allowlist: ['10.0.0.1', '10.0.0.0/8'],
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Stage it' }));
    expect(screen.getByRole('heading', { name: 'Pending changes (1)' })).toBeTruthy();
    const diff = await screen.findByRole('list', { name: 'Changes to Brute-force protection' });
    expect(diff.textContent).toContain('max_attempts: was 10 → becomes 12');
    expect(diff.textContent).toContain('allowlist:');
    expect(diff.textContent).toContain('+added "10.0.0.0/8"');
    expect(tenant.writes).toEqual([]);

    await user.click(within(pending()).getByRole('button', { name: /^Apply/ }));
    await screen.findByText(/Applied “Brute-force protection”/);
    expect(tenant.value).toEqual({ enabled: true, max_attempts: 12, allowlist: ['10.0.0.1', '10.0.0.0/8'] });
    expect(screen.getByRole('heading', { name: 'Pending changes (0)' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /^Undo/ }));
    await screen.findByText(/Undone: “Brute-force protection” is back/);
    expect(tenant.value).toEqual({ enabled: true, max_attempts: 10, allowlist: ['10.0.0.1'] });
  });

  it('catches a tenant that changed under the draft, and re-basing keeps both edits', async () => {
    const tenant = new TenantSetting({ enabled: true, max_attempts: 10, mode: 'count_per_identifier_and_ip' });
    const user = renderTray(() =>
      tenant.request('bf', 'Brute-force protection', {
        enabled: true,
        max_attempts: 20,
        mode: 'count_per_identifier_and_ip',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Stage it' }));
    await screen.findByText('Compared with what the tenant holds now.');

    // Someone else switches the mode meanwhile.
    tenant.value = { enabled: true, max_attempts: 10, mode: 'count_per_identifier' };
    await user.click(within(pending()).getByRole('button', { name: /^Apply/ }));

    expect(await screen.findByText('The tenant changed since you made this draft')).toBeTruthy();
    expect(tenant.writes).toEqual([]);
    const theirs = screen.getByRole('list', { name: 'Tenant changes to Brute-force protection' });
    expect(theirs.textContent).toContain('mode: was "count_per_identifier_and_ip" → becomes "count_per_identifier"');

    await user.click(screen.getByRole('button', { name: 'Re-base onto the current tenant' }));
    const diff = await screen.findByRole('list', { name: 'Changes to Brute-force protection' });
    // Against the tenant now, only our edit is left: their mode is kept, not reverted.
    expect(diff.textContent).toBe('max_attempts: was 10 → becomes 20');

    await user.click(within(pending()).getByRole('button', { name: /^Apply/ }));
    await screen.findByText(/Applied “Brute-force protection”/);
    expect(tenant.value).toEqual({ enabled: true, max_attempts: 20, mode: 'count_per_identifier' });
  });

  it('re-reads the tenant on request and shows a change made meanwhile as a conflict, before any apply', async () => {
    const tenant = new TenantSetting({ max_attempts: 10 });
    const user = renderTray(() => tenant.request('bf', 'Brute-force protection', { max_attempts: 12 }));
    await user.click(screen.getByRole('button', { name: 'Stage it' }));
    await screen.findByText('Compared with what the tenant holds now.');

    tenant.value = { max_attempts: 11 };
    await user.click(screen.getByRole('button', { name: 'Check the tenant again' }));
    expect(await screen.findByText('The tenant changed since you made this draft')).toBeTruthy();
    expect(tenant.writes).toEqual([]);
  });

  it('refuses to undo over a change made after the apply, and says so', async () => {
    const tenant = new TenantSetting({ max_attempts: 10 });
    const user = renderTray(() => tenant.request('bf', 'Brute-force protection', { max_attempts: 12 }));
    await user.click(screen.getByRole('button', { name: 'Stage it' }));
    await user.click(within(pending()).getByRole('button', { name: /^Apply/ }));
    await screen.findByText(/Applied “Brute-force protection”/);

    tenant.value = { max_attempts: 30 };
    await user.click(screen.getByRole('button', { name: /^Undo/ }));

    expect(await screen.findByText('Not undone: it changed after you applied it')).toBeTruthy();
    expect(tenant.value).toEqual({ max_attempts: 30 });
    expect(tenant.writes).toEqual([{ max_attempts: 12 }]);
  });

  it('keeps the draft when the write fails, and Try again applies it', async () => {
    const tenant = new TenantSetting({ max_attempts: 10 });
    const user = renderTray(() => tenant.request('bf', 'Brute-force protection', { max_attempts: 12 }));
    await user.click(screen.getByRole('button', { name: 'Stage it' }));
    tenant.failNextWrite = true;
    await user.click(within(pending()).getByRole('button', { name: /^Apply/ }));

    expect(await screen.findByText('The server could not save it.')).toBeTruthy();
    expect(screen.getByText('Not applied. Your draft is kept; try again or discard it.')).toBeTruthy();
    await user.click(within(pending()).getByRole('button', { name: /^Try again/ }));
    await waitFor(() => expect(tenant.value).toEqual({ max_attempts: 12 }));
  });
});
