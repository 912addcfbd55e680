import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../../../server/http/request-log';

describe('loggerOptions', () => {
  it('is off unless asked for', () => {
    expect(loggerOptions(false)).toBe(false);
  });

  it('masks passwords, secrets, tokens and the Authorization header wherever they are logged', async () => {
    const lines: string[] = [];
    // Through Fastify, which builds its pino logger from these options.
    const app = Fastify({
      logger: loggerOptions({ level: 'info', stream: { write: (line: string) => lines.push(line) } }),
    });

    app.log.info(
      {
        req: { headers: { authorization: 'Basic c2VjcmV0', cookie: 'sid=1' } },
        body: {
          password: 'canary-password',
          client_secret: 'canary-secret',
          refresh_token: 'canary-refresh',
          access_token: 'canary-access',
          mfa_token: 'canary-mfa',
          username: 'alice@example.com',
        },
      },
      'something happened',
    );

    const text = lines.join('');
    for (const canary of [
      'c2VjcmV0',
      'sid=1',
      'canary-password',
      'canary-secret',
      'canary-refresh',
      'canary-access',
      'canary-mfa',
    ]) {
      expect(text).not.toContain(canary);
    }
    expect(text).toContain('alice@example.com');
    expect(text).toContain('[redacted]');
    await app.close();
  });
});
