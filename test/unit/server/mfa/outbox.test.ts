import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maskEmail, maskPhone } from '../../../../server/mfa/mfa-wire';
import { FileOutbox } from '../../../../server/mfa/outbox';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('FileOutbox', () => {
  it('appends one owner-only JSON line per message and reads them back newest first, by recipient', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gatehouse-outbox-'));
    folders.push(dir);
    let now = 1_000;
    const outbox = new FileOutbox(dir, () => now++);
    await outbox.send({ channel: 'email', to: 'a@example.com', subject: 's', text: 'code 111111', userId: 'auth0|a' });
    await outbox.send({ channel: 'sms', to: '+15550100123', subject: 's', text: 'code 222222', userId: 'auth0|b' });
    await outbox.send({ channel: 'email', to: 'a@example.com', subject: 's', text: 'code 333333', userId: 'auth0|a' });

    expect(outbox.read().map((entry) => entry.text)).toEqual(['code 333333', 'code 222222', 'code 111111']);
    expect(outbox.read({ to: 'a@example.com', limit: 1 })).toEqual([
      expect.objectContaining({ text: 'code 333333', date: 1_002, channel: 'email', id: expect.any(String) }),
    ]);
    expect((await stat(outbox.path)).mode & 0o777).toBe(0o600);
  });

  it('reads nothing from a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gatehouse-outbox-'));
    folders.push(dir);
    expect(new FileOutbox(dir, Date.now).read()).toEqual([]);
  });
});

describe('masking', () => {
  it('shows enough of an address or number to recognise it', () => {
    expect(maskEmail('support@example.com')).toBe('s***@example.com');
    expect(maskEmail('broken')).toBe('***');
    expect(maskPhone('+15550100123')).toBe('XXXXXXXX0123');
  });
});
