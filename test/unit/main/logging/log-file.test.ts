import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLog } from '../../../../main/logging/log-file';
import { createLogger } from '../../../../main/logging/logger';

// Canaries shaped like the real secrets: an Auth0 refresh token, a JWT, and a password field.
const refreshCanary = 'v1.CANARYrefreshTOKENcanaryREFRESHtoken0123456789';
const jwtCanary = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlY2FuYXJ5';
const passwordCanary = 'Canary-Password-7!';

describe('the log file', () => {
  it('writes structured lines to main.log in the given folder, with every secret redacted', () => {
    const folder = mkdtempSync(join(tmpdir(), 'gatehouse-log-'));
    const file = createFileLog(folder);
    const logger = createLogger('session', file.sink);
    logger.info(`refreshed with ${refreshCanary}`, { password: passwordCanary, detail: `Bearer ${jwtCanary}` });
    file.sink(`a line that skipped the logger: ${jwtCanary}`);

    expect(file.path).toBe(join(folder, 'main.log'));
    const written = readFileSync(file.path, 'utf8');
    for (const canary of [refreshCanary, jwtCanary, passwordCanary]) expect(written).not.toContain(canary);
    const first = JSON.parse(written.split('\n')[0] ?? '{}') as Record<string, unknown>;
    expect(first).toMatchObject({
      level: 'info',
      scope: 'session',
      message: 'refreshed with [refresh-token]',
      password: '[redacted]',
      detail: 'Bearer [jwt]',
    });
    expect(written).toContain('a line that skipped the logger: [jwt]');
  });

  it('rotates past the size limit into one main.old.log, and tail reads across both', () => {
    const folder = mkdtempSync(join(tmpdir(), 'gatehouse-log-'));
    const file = createFileLog(folder, 2_000);
    for (let line = 1; line <= 60; line += 1) file.sink(`line ${line} ${'x'.repeat(80)}`);
    expect(existsSync(join(folder, 'main.old.log'))).toBe(true);
    expect(readFileSync(file.path, 'utf8').length).toBeLessThanOrEqual(2_000 + 100);
    const tail = file.tail(30);
    expect(tail).toHaveLength(30);
    expect(tail.at(-1)).toMatch(/^line 60 /);
    expect(tail[0]).toMatch(/^line 31 /);
  });
});
