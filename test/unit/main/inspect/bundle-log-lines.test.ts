import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportBundleInput } from '../../../../common/ipc/inspect.contract';
import { InspectService } from '../../../../main/inspect/inspect-service';
import { createFileLog } from '../../../../main/logging/log-file';
import { inspectorAt, makeKey, profileFor, sign, startKeyServer, type KeyServer } from './key-server';

// A support bundle can carry the app's last log lines: from the real log file, redacted, never a token.
const now = Date.UTC(2031, 4, 1, 12, 0, 0);
const refreshCanary = 'v1.CANARYrefreshTOKENcanaryREFRESHtoken0123456789';
let server: KeyServer;
let token: string;

beforeAll(async () => {
  const key = await makeKey('RS256', 'bundle-key');
  server = await startKeyServer([key]);
  token = await sign(key, { iss: server.issuer, sub: 'auth0|alice', aud: 'a', iat: now / 1000, exp: now / 1000 + 60 });
});
afterAll(() => server.close());

function serviceOverLog() {
  const log = createFileLog(mkdtempSync(join(tmpdir(), 'gatehouse-bundle-log-')));
  for (let line = 1; line <= 30; line += 1) log.sink(`{"message":"line ${line}"}`);
  // The log keeps e-mail addresses (they help support); a bundle leaving the machine masks them.
  log.sink(`{"message":"signed in alice@example.com","detail":"${refreshCanary}"}`);
  const service = new InspectService({
    inspector: inspectorAt(now),
    profileFor: () => profileFor(server.issuer),
    sessionToken: () => null,
    logTail: (count) => log.tail(count),
  });
  return service;
}

describe('support bundle log lines', () => {
  it('attaches the last N lines of the log file, redacted, when asked', async () => {
    const bundle = await serviceOverLog().supportBundle(SupportBundleInput.parse({ tokens: [token], logLines: 3 }));
    if (!bundle.ok) throw new Error(bundle.error.message);
    expect(bundle.value.logLines).toEqual([
      '{"message":"line 29"}',
      '{"message":"line 30"}',
      '{"message":"signed in [email]","detail":"[refresh-token]"}',
    ]);
    expect(JSON.stringify(bundle.value)).not.toContain(refreshCanary);
  });

  it('attaches none unless asked', async () => {
    const bundle = await serviceOverLog().supportBundle(SupportBundleInput.parse({ tokens: [token] }));
    expect(bundle.ok && bundle.value.logLines).toBeUndefined();
  });
});
