import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignInRequest } from '../../../common/ipc/auth.contract';
import type { ProfileSummary } from '../../../common/ipc/profile.contract';
import { appError } from '../../../common/errors/app-error';
import { LoginView } from '../../../renderer/features/login/login-view';
import { installBridge } from '../fake-bridge';
import { renderInApp } from '../render';
import { demoProfile } from './login-fixture';

let sent: SignInRequest[] = [];

beforeEach(() => {
  sent = [];
  installBridge({
    auth: {
      signIn: vi.fn(async (input: SignInRequest) => {
        sent.push(input);
        return { ok: false as const, error: appError('invalid_credentials', 'Wrong username or password.') };
      }),
    },
    profile: { list: vi.fn(async () => ({ ok: true as const, value: [] })) },
  });
});

function showLogin(profile: ProfileSummary) {
  renderInApp(<LoginView profile={profile} onSignedIn={vi.fn()} onMfaRequired={vi.fn()} focusOnMount="username" />);
  return userEvent.setup();
}

/**
 * Opens the Advanced panel and waits until it shows. Mantine keeps the closed panel in the page inside React's
 * <Activity mode="hidden"> (display: none, refs not attached), and reveals it a frame after the click; only then
 * does react-hook-form write the profile's values into the inputs. Role queries skip hidden elements, so this
 * waits for the fields the user actually sees instead of reading the still-empty hidden ones.
 */
async function openAdvanced(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Advanced' }));
  await screen.findByRole('textbox', { name: 'Audience' });
}

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement | HTMLTextAreaElement;

const realmInput = () => screen.getByLabelText('Realm', { selector: 'select' }) as HTMLSelectElement;

describe('the sign-in form', () => {
  it('warns while Caps Lock is on in the password field, and stops when it is off', async () => {
    showLogin(demoProfile());
    const password = screen.getByLabelText('Password');
    fireEvent.keyDown(password, { key: 'A', modifierCapsLock: true });
    expect(screen.getByText('Caps Lock is on')).toBeTruthy();
    const describedBy = (password.getAttribute('aria-describedby') ?? '').split(' ');
    const warning = describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(warning).toContain('Caps Lock is on');
    fireEvent.keyDown(password, { key: 'a', modifierCapsLock: false });
    expect(screen.queryByText('Caps Lock is on')).toBeNull();
  });

  it('preselects the realm this username used last time on this profile', async () => {
    const user = showLogin(demoProfile({ lastRealms: { 'bob@example.com': 'contractors' } }));
    expect(realmInput().value).toBe('employees');
    await user.type(screen.getByLabelText('Username or e-mail'), 'bob@example.com');
    await waitFor(() => expect(realmInput().value).toBe('contractors'));
    expect(screen.getByText('The realm you used last time')).toBeTruthy();
  });

  it('suggests a realm from the e-mail domain', async () => {
    const user = showLogin(demoProfile({ realmsByDomain: { 'partner.example': 'contractors' } }));
    await user.type(screen.getByLabelText('Username or e-mail'), 'carol@partner.example');
    await waitFor(() => expect(realmInput().value).toBe('contractors'));
    expect(screen.getByText('Suggested for partner.example')).toBeTruthy();
  });

  it('keeps the pinned realm whatever the username says', async () => {
    const user = showLogin(
      demoProfile({ pinnedRealm: 'employees', realmsByDomain: { 'partner.example': 'contractors' } }),
    );
    await user.type(screen.getByLabelText('Username or e-mail'), 'carol@partner.example');
    expect(realmInput().value).toBe('employees');
    expect([...realmInput().options].map((option) => option.value)).toEqual(['employees']);
    expect(screen.getByText('Set by your organisation')).toBeTruthy();
  });

  it('sends "Keep me signed in" off when unticked, and on by default', async () => {
    const user = showLogin(demoProfile());
    await user.type(screen.getByLabelText('Username or e-mail'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.keepSignedIn).toBe(true);
    await user.click(screen.getByLabelText('Keep me signed in'));
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]?.keepSignedIn).toBe(false);
  });

  it('hides "Keep me signed in" and says why when the policy forbids keeping sessions', () => {
    showLogin(demoProfile({ keepSessionsAllowed: false }));
    expect(screen.queryByLabelText('Keep me signed in')).toBeNull();
    expect(screen.getByText(/does not allow Gatehouse to keep you signed in/)).toBeTruthy();
  });

  it('folds audience, scope and extra parameters away, prefilled from the profile, and sends changes', async () => {
    const user = showLogin(demoProfile({ audience: 'https://api.gatehouse.test/', extraParams: { ui: 'desk' } }));
    await openAdvanced(user);
    expect(field('Audience').value).toBe('https://api.gatehouse.test/');
    expect(field('Scope').value).toBe('openid profile email offline_access');
    const extra = field('Extra parameters');
    expect(extra.value).toBe('ui=desk');
    await user.clear(field('Scope'));
    await user.type(field('Scope'), 'openid read:reports');
    await user.type(extra, '\nlogin_hint=alice');
    await user.type(screen.getByLabelText('Username or e-mail'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ scope: 'openid read:reports', extraParams: { ui: 'desk', login_hint: 'alice' } });
    expect(sent[0]?.audience).toBeUndefined(); // unchanged from the profile: main applies the profile's own
  });

  it('refuses an extra parameter that would set a credential, before anything is sent', async () => {
    const user = showLogin(demoProfile());
    await openAdvanced(user);
    await user.type(field('Extra parameters'), 'client_secret=x');
    await user.type(screen.getByLabelText('Username or e-mail'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/client_secret: this parameter is set by Gatehouse itself/)).toBeTruthy();
    expect(sent).toHaveLength(0);
  });
});
