import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveProfileInput } from '../../../common/ipc/settings.contract';
import { Profile } from '../../../common/settings/profile.schema';
import { ProfileForm } from '../../../renderer/features/settings/profile-form';
import { draftFromProfile, emptyDraft, managedNote } from '../../../renderer/features/settings/profile-draft';
import { installBridge } from '../fake-bridge';
import { renderInApp } from '../render';

let sent: SaveProfileInput[] = [];

beforeEach(() => {
  sent = [];
  installBridge({
    settings: {
      saveProfile: vi.fn(async (input: SaveProfileInput) => {
        sent.push(input);
        return { ok: true as const, value: Profile.parse(input.profile) };
      }),
    },
  });
});

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;

/** The words the screen reader hears for a field: its description and any error under it. */
const describedText = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('the server profile form', () => {
  it('judges a URL as it is typed: a bad issuer is named before Save, and the complaint goes once fixed', async () => {
    const user = userEvent.setup();
    renderInApp(<ProfileForm initial={emptyDraft()} isNew locked={[]} onSaved={vi.fn()} onCancel={vi.fn()} />);
    const issuer = field('Tenant URL (issuer)');
    await user.type(issuer, 'ftp://acme');
    await waitFor(() => expect(issuer.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(issuer)).toMatch(/must be an http\(s\) URL/);
    await user.clear(issuer);
    await user.type(issuer, 'https://acme.eu.auth0.com');
    await waitFor(() => expect(issuer.getAttribute('aria-invalid')).toBeNull());
    expect(describedText(issuer)).not.toMatch(/must be an http\(s\) URL/);
    expect(sent).toEqual([]);
  });

  it('shows a field the policy locks as disabled, with the reason beside it, and keeps its value on Save', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const acme = Profile.parse({
      id: 'acme',
      name: 'Acme EU',
      kind: 'auth0',
      issuer: 'https://acme.eu.auth0.com/',
      clientId: 'desktop',
    });
    renderInApp(
      <ProfileForm
        initial={draftFromProfile(acme)}
        isNew={false}
        locked={['issuer']}
        onSaved={onSaved}
        onCancel={vi.fn()}
      />,
    );
    const issuer = field('Tenant URL (issuer)');
    expect(issuer.disabled).toBe(true);
    expect(describedText(issuer)).toContain(managedNote);
    expect(field('Client ID').disabled).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent[0]?.profile.issuer).toBe('https://acme.eu.auth0.com/');
  });

  it('refuses to send an invalid form, then sends the mapped input once it is valid', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    renderInApp(<ProfileForm initial={emptyDraft()} isNew locked={[]} onSaved={onSaved} onCancel={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(field('Client ID').getAttribute('aria-invalid')).toBe('true'));
    expect(sent).toEqual([]);

    await user.type(field('Name'), 'Acme EU');
    expect(field('Profile id').value).toBe('acme-eu');
    await user.type(field('Tenant URL (issuer)'), ' https://acme.eu.auth0.com ');
    await user.type(field('Client ID'), 'desktop');
    await user.type(screen.getByLabelText('Realms', { selector: 'input' }), 'employees{Enter}partners{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(sent).toEqual([
      {
        profile: {
          id: 'acme-eu',
          name: 'Acme EU',
          kind: 'auth0',
          issuer: 'https://acme.eu.auth0.com',
          clientId: 'desktop',
          clientAuth: 'none',
          realms: ['employees', 'partners'],
          defaultRealm: 'employees',
          realmMapping: { mode: 'none' },
          scope: 'openid profile email offline_access',
          timeoutMs: 15_000,
          extraParams: {},
          extraHeaders: {},
        },
      },
    ]);
    expect(onSaved.mock.calls[0]?.[0]).toMatchObject({ id: 'acme-eu', issuer: 'https://acme.eu.auth0.com/' });
  });
});
