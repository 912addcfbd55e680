// One part of the management scenario (../management-scenario.mjs). `ctx` carries the adapter, the
// recorder's `step`, the scenario's names and the ids earlier parts made.
import { status } from './shared.mjs';

/** Logins, refresh, userinfo; blocking; brute force and user-blocks; the attack-protection settings. */
export async function accessPart(ctx) {
  const { api, step, email, login, loginFacts } = ctx;
  const { userId } = ctx.ids;
  // Authentication API: password-realm, refresh, userinfo (the SDK checks the ID token itself).
  const first = await step('auth.login', () => login(), loginFacts);
  const refreshed = await step(
    'auth.refresh',
    () => api.auth.refresh(first?.body?.refresh_token),
    (r) => ({
      ...status(r),
      rotated: typeof r.body.refresh_token === 'string' && r.body.refresh_token !== first?.body?.refresh_token,
    }),
  );
  await step(
    'auth.userInfo',
    () => api.auth.userInfo(first?.body?.access_token),
    (r) => ({
      ...status(r),
      email: r.body.email,
    }),
  );

  // Blocking revokes refresh tokens and refuses logins; unblocking lets the user back in.
  await step(
    'users.block',
    () => api.users.update(userId, { blocked: true }),
    (r) => ({
      ...status(r),
      blocked: r.body.blocked,
    }),
  );
  const latestRefresh = refreshed?.body?.refresh_token ?? first?.body?.refresh_token;
  await step('auth.refreshWhileBlocked', () => api.auth.refresh(latestRefresh), status);
  await step('auth.loginWhileBlocked', () => login(), status);
  await step(
    'users.unblock',
    () => api.users.update(userId, { blocked: false }),
    (r) => ({
      ...status(r),
      blocked: r.body.blocked,
    }),
  );
  const again = await step('auth.loginAfterUnblock', () => login(), loginFacts);
  await step('auth.revoke', () => api.auth.revoke(again?.body?.refresh_token), status);

  // Brute force: ten wrong passwords block (identifier, IP); user-blocks shows and clears it.
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    await step(`auth.wrongPassword${attempt}`, () => login('Wrong-Passw0rd!'), status);
  }
  await step('auth.loginWhileBruteForceBlocked', () => login(), status);
  await step(
    'userBlocks.get',
    () => api.userBlocks.get(userId),
    (r) => ({ ...status(r), body: r.body }),
  );
  await step(
    'userBlocks.byIdentifier',
    () => api.userBlocks.byIdentifier(email),
    (r) => ({
      ...status(r),
      body: r.body,
    }),
  );
  await step('userBlocks.removeByIdentifier', () => api.userBlocks.removeByIdentifier(email), status);
  await step('auth.loginAfterClearingBlock', () => login(), status);

  // Attack protection: read all three, change brute force (then prove it took effect), bot detection.
  await step(
    'attackProtection.bruteForce',
    () => api.attackProtection.bruteForce(),
    (r) => ({
      ...status(r),
      body: r.body,
    }),
  );
  await step(
    'attackProtection.updateBruteForce',
    () => api.attackProtection.updateBruteForce({ max_attempts: 3 }),
    (r) => ({ ...status(r), body: r.body }),
  );
  await step(
    'attackProtection.suspiciousIp',
    () => api.attackProtection.suspiciousIp(),
    (r) => ({
      ...status(r),
      enabled: r.body.enabled,
    }),
  );
  await step(
    'attackProtection.updateSuspiciousIp',
    () => api.attackProtection.updateSuspiciousIp({ allowlist: ['192.0.2.10'] }),
    (r) => ({ ...status(r), allowlist: r.body.allowlist }),
  );
  await step(
    'attackProtection.breachedPassword',
    () => api.attackProtection.breachedPassword(),
    (r) => ({
      ...status(r),
      enabled: r.body.enabled,
    }),
  );
  await step('attackProtection.botDetection', () => api.attackProtection.botDetection(), status);
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await step(`auth.wrongPasswordAtThree${attempt}`, () => login('Wrong-Passw0rd!'), status);
  }
  await step('auth.loginAfterThreeFailures', () => login(), status);
  await step('userBlocks.remove', () => api.userBlocks.remove(userId), status);
  await step('auth.loginAfterRemovingBlock', () => login(), status);
}
