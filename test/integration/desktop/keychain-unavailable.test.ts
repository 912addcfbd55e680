import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginArgs, runGatehouse } from '../../support/cli';
import { startTestServer } from '../../support/server/start-test-server';

// The CLI in a D-Bus session with no keyring at all (scripts/with-keyring with GATEHOUSE_KEYRING=none):
// the session must carry on in memory and say so, never fall back to a file; a "refuse" policy must stop it.
let server: Awaited<ReturnType<typeof startTestServer>>;
let scratch: string;
beforeAll(async () => {
  server = await startTestServer();
  scratch = await mkdtemp(join(tmpdir(), 'gatehouse-nokeyring-'));
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

const gatehouseWithoutKeyring = (args: string[], input: string | undefined, env: NodeJS.ProcessEnv = {}) =>
  runGatehouse(args, { input, env, configDir: join(scratch, 'config'), withoutKeyring: true });

const login = () => loginArgs(server.url);

describe('without a keychain', { timeout: 90_000 }, () => {
  it('signs in for this run only, says so, and writes no token anywhere', async () => {
    const result = await gatehouseWithoutKeyring([...login(), '--json'], 'Alice-Demo-Passw0rd!');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ storage: 'memory', username: 'alice@example.com' });
    expect(result.stderr).toContain('could not be kept: the system keychain is not available.');
    // …and says how to get one on a headless Linux box.
    expect(result.stderr).toContain('gnome-keyring-daemon --unlock');
    expect(result.stderr).toContain('dbus-run-session');

    // Nothing could be kept, so the next run is not signed in: it must say so, not pretend.
    const whoami = await gatehouseWithoutKeyring(['whoami'], undefined);
    expect(whoami.code).toBe(3);
    // (stderr also carries the private D-Bus daemon's own start-up chatter)
    expect(whoami.stderr).toMatch(/^gatehouse: not signed in/m);
  });

  it('with no D-Bus session at all (the bus address points at nothing), says how to get a keychain', async () => {
    const result = await runGatehouse([...login(), '--json'], {
      input: 'Alice-Demo-Passw0rd!',
      configDir: join(scratch, 'config-nobus'),
      env: { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(scratch, 'no-such-bus')}` },
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ storage: 'memory' });
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^gatehouse: the refresh token could not be kept: .*a desktop session.*dbus-run-session/);
  });

  it('refuses to sign in when the managed policy requires the keychain', async () => {
    const policy = join(scratch, 'policy.json');
    await writeFile(policy, JSON.stringify({ version: 1, keychainUnavailable: 'refuse' }));
    const result = await gatehouseWithoutKeyring(login(), 'Alice-Demo-Passw0rd!', { GATEHOUSE_POLICY_FILE: policy });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Your organisation requires the system keychain');
    expect(result.stderr).toContain('gnome-keyring-daemon --unlock');
  });

  it('stops with a clear message when the policy file is malformed (fails closed)', async () => {
    const policy = join(scratch, 'broken-policy.json');
    await writeFile(policy, '{ "version": 1, ');
    const result = await gatehouseWithoutKeyring(['whoami'], undefined, { GATEHOUSE_POLICY_FILE: policy });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The managed policy ${policy} is not valid JSON`);
  });
});
