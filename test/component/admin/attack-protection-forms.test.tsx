import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BruteForcePatch, BruteForceProtection } from '../../../common/admin/log.schema';
import type { GatehouseApi } from '../../../common/ipc/contract';
import type { AdminSession } from '../../../renderer/features/admin/admin-session';
import { AdminSessionContext } from '../../../renderer/features/admin/admin-session';
import { BruteForceSettingsForm } from '../../../renderer/features/admin/attack/brute-force-form';
import { SuspiciousIpSettingsForm } from '../../../renderer/features/admin/attack/suspicious-ip-form';
import { PendingChangesTray } from '../../../renderer/features/admin/staging/pending-changes-tray';
import { StagingProvider } from '../../../renderer/features/admin/staging/staging-provider';
import type { Json } from '../../../renderer/features/admin/staging/staged-change';
import { renderInApp } from '../render';

const session: AdminSession = {
  access: {
    via: 'session',
    profileId: 'work',
    issuer: 'https://tenant.example/',
    audience: 'https://tenant.example/api/v2/',
    accountId: 'acc',
    scopes: ['read:attack_protection', 'update:attack_protection'],
  },
  can: () => true,
  noteFailure: () => undefined,
};

const bruteForce: Json = {
  enabled: true,
  max_attempts: 10,
  mode: 'count_per_identifier_and_ip',
  shields: ['user_notification', 'block'],
  allowlist: ['10.0.0.0/8'],
};

const suspiciousIp = {
  enabled: true,
  shields: ['admin_notification', 'block'],
  allowlist: [],
  stage: {
    'pre-login': { max_attempts: 100, rate: 864_000 },
    'pre-user-registration': { max_attempts: 50, rate: 1_728_000 },
  },
};

/** The two admin channels the brute-force change reads and writes, over one in-memory setting. */
let tenantBruteForce: BruteForceProtection;
const patches: BruteForcePatch[] = [];
beforeEach(() => {
  tenantBruteForce = {
    enabled: true,
    max_attempts: 10,
    mode: 'count_per_identifier_and_ip',
    shields: ['user_notification', 'block'],
    allowlist: ['10.0.0.0/8'],
  };
  patches.length = 0;
  const admin = {
    getBruteForce: () => Promise.resolve({ ok: true, value: tenantBruteForce }),
    updateBruteForce: ({ patch }: { patch: BruteForcePatch }) => {
      patches.push(patch);
      tenantBruteForce = { ...tenantBruteForce, ...patch };
      return Promise.resolve({ ok: true, value: tenantBruteForce });
    },
    getSuspiciousIp: () => Promise.resolve({ ok: true, value: suspiciousIp }),
  };
  Object.defineProperty(window, 'gatehouse', { configurable: true, value: { admin } as unknown as GatehouseApi });
});
afterEach(() => Reflect.deleteProperty(window, 'gatehouse'));

function renderForms() {
  renderInApp(
    <AdminSessionContext value={session}>
      <StagingProvider onFailure={() => undefined}>
        <PendingChangesTray />
        <BruteForceSettingsForm live={bruteForce} />
        <SuspiciousIpSettingsForm live={suspiciousIp} />
      </StagingProvider>
    </AdminSessionContext>,
  );
  return userEvent.setup();
}

const bruteForceForm = () => screen.getByRole('form', { name: 'Brute-force protection' });

// user-event types key by key through Mantine's inputs: slow on a loaded machine, so more than the 5 s default.
describe('the attack-protection forms', { timeout: 20_000 }, () => {
  it('stages a raised threshold as a field diff (shields’ order left alone), and Apply sends the whole setting', async () => {
    const user = renderForms();
    const threshold = within(bruteForceForm()).getByRole('textbox', { name: /Wrong passwords allowed/ });
    await user.clear(threshold);
    await user.type(threshold, '12');
    await user.click(within(bruteForceForm()).getByRole('button', { name: 'Stage changes' }));

    expect(screen.getByRole('heading', { name: 'Pending changes (1)' })).toBeTruthy();
    const diff = screen.getByRole('list', { name: 'Changes to Brute-force protection' });
    expect(diff.textContent).toBe('max_attempts: was 10 → becomes 12');
    expect(patches).toEqual([]);

    await user.click(
      within(screen.getByRole('list', { name: 'Pending changes' })).getByRole('button', { name: /^Apply/ }),
    );
    await screen.findByText(/Applied “Brute-force protection”/);
    expect(patches).toEqual([
      {
        enabled: true,
        max_attempts: 12,
        mode: 'count_per_identifier_and_ip',
        shields: ['user_notification', 'block'],
        allowlist: ['10.0.0.0/8'],
      },
    ]);
  });

  it('names each bad allow-list line in plain words as it is typed, and stages nothing', async () => {
    const user = renderForms();
    const allowlist = within(bruteForceForm()).getByRole('textbox', { name: /Never count these addresses/ });
    await user.type(allowlist, '\n203.0.113.300\n2001:db8::/129\n10.0.0.0/8');

    const problems = screen.getByRole('list', { name: 'Problems in Never count these addresses' });
    expect(problems.textContent).toContain(
      'Line 2: “203.0.113.300” is not an IPv4 address: it needs four numbers from 0 to 255, like 203.0.113.7.',
    );
    expect(problems.textContent).toContain(
      'Line 3: “2001:db8::/129” has a range size “/129” that does not fit: an IPv6 range ends in /0 to /128.',
    );
    expect(problems.textContent).toContain('Line 4: “10.0.0.0/8” is listed twice.');

    await user.click(within(bruteForceForm()).getByRole('button', { name: 'Stage changes' }));
    expect(screen.getByRole('heading', { name: 'Pending changes (0)' })).toBeTruthy();
  });

  it('says the rate in words and stages a changed sign-up limit under its stage path', async () => {
    const user = renderForms();
    const form = screen.getByRole('form', { name: 'Suspicious-IP throttling' });
    expect(within(form).getByText('One more attempt every 14.4 minutes (100 a day).')).toBeTruthy();
    const signUps = within(form).getByRole('textbox', { name: /Sign-ups allowed/ });
    await user.clear(signUps);
    await user.type(signUps, '80');
    await user.click(within(form).getByRole('button', { name: 'Stage changes' }));

    const diff = screen.getByRole('list', { name: 'Changes to Suspicious-IP throttling' });
    expect(diff.textContent).toBe('stage["pre-user-registration"].max_attempts: was 50 → becomes 80');
  });
});
