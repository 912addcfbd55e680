import { describe, expect, it } from 'vitest';
import { IdleLock } from '../../../../main/session/idle-lock';

describe('idle lock', () => {
  it('locks once when idle time reaches the policy limit, and again only after new activity', () => {
    let idle = 0;
    let locks = 0;
    const idleLock = new IdleLock({ idleSeconds: () => idle, limitSeconds: 300, lock: () => (locks += 1) });
    idle = 299;
    idleLock.check();
    expect(locks).toBe(0);
    idle = 300;
    idleLock.check();
    idle = 900;
    idleLock.check();
    expect(locks).toBe(1);
    idle = 3; // the user came back
    idleLock.check();
    idle = 301;
    idleLock.check();
    expect(locks).toBe(2);
  });
});
