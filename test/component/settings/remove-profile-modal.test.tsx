import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Profile } from '../../../common/settings/profile.schema';
import { RemoveProfileModal } from '../../../renderer/features/settings/remove-profile-modal';
import { renderInApp } from '../render';

const acme = Profile.parse({
  id: 'acme',
  name: 'Acme EU',
  kind: 'auth0',
  issuer: 'https://acme.eu.auth0.com/',
  clientId: 'desktop',
});

describe('remove profile confirmation', () => {
  it('names the profile, removes only on the explicit button, and cancels without removing', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    renderInApp(<RemoveProfileModal profile={acme} isRemoving={false} onConfirm={onConfirm} onCancel={onCancel} />);
    expect(await screen.findByRole('dialog', { name: 'Remove “Acme EU”?' })).toBeTruthy();
    expect(screen.getByText(/https:\/\/acme\.eu\.auth0\.com\//)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Remove Acme EU' }));
    expect(onConfirm).toHaveBeenCalledWith(acme);
  });

  it('stays closed without a profile', () => {
    renderInApp(<RemoveProfileModal profile={null} isRemoving={false} onConfirm={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
