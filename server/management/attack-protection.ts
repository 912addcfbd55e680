import {
  BreachedPasswordPatchWire,
  BruteForcePatchWire,
  patchBreachedPassword,
  patchBruteForce,
  patchSuspiciousIp,
  SuspiciousIpPatchWire,
  toBreachedPasswordWire,
  toBruteForceWire,
  toSuspiciousIpWire,
} from '../security/attack-protection-settings';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import type { ManagementRoute } from './route';
import { parseBody } from './validation';

/**
 * `/attack-protection/*` (auth0-wire.md §3.2, §3.3, §7.7): GET and PATCH of the tenant's brute-force,
 * suspicious-IP and breached-password settings, in Auth0's shapes (issue #3's store and wire schemas).
 * Bot detection and CAPTCHA are Auth0 add-ons this server does not have: it answers them as Auth0 answers
 * a tenant without them, which is what the Deploy CLI's `attackProtection` export expects.
 */
export function attackProtectionRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const store = deps.repos.attackProtection;
  const read = ['read:attack_protection'];
  const update = ['update:attack_protection'];
  return [
    {
      method: 'GET',
      url: '/attack-protection/brute-force-protection',
      scopes: read,
      handler: () => toBruteForceWire(store.bruteForce()),
    },
    {
      method: 'PATCH',
      url: '/attack-protection/brute-force-protection',
      scopes: update,
      description: 'Update brute-force protection settings',
      handler(call) {
        const patch = parseBody(BruteForcePatchWire, call.body ?? {});
        return call.commit(() => toBruteForceWire(store.setBruteForce(patchBruteForce(store.bruteForce(), patch))));
      },
    },
    {
      method: 'GET',
      url: '/attack-protection/suspicious-ip-throttling',
      scopes: read,
      handler: () => toSuspiciousIpWire(store.suspiciousIp()),
    },
    {
      method: 'PATCH',
      url: '/attack-protection/suspicious-ip-throttling',
      scopes: update,
      description: 'Update suspicious IP throttling settings',
      handler(call) {
        const patch = parseBody(SuspiciousIpPatchWire, call.body ?? {});
        return call.commit(() =>
          toSuspiciousIpWire(store.setSuspiciousIp(patchSuspiciousIp(store.suspiciousIp(), patch))),
        );
      },
    },
    {
      method: 'GET',
      url: '/attack-protection/breached-password-detection',
      scopes: read,
      handler: () => toBreachedPasswordWire(store.breachedPassword()),
    },
    {
      method: 'PATCH',
      url: '/attack-protection/breached-password-detection',
      scopes: update,
      description: 'Update breached password detection settings',
      handler(call) {
        const patch = parseBody(BreachedPasswordPatchWire, call.body ?? {});
        return call.commit(() =>
          toBreachedPasswordWire(store.setBreachedPassword(patchBreachedPassword(store.breachedPassword(), patch))),
        );
      },
    },
    ...notEnabledRoutes('/attack-protection/bot-detection', 'Bot Detection', 'bot detection', read, update),
    ...notEnabledRoutes('/attack-protection/captcha', 'CAPTCHA', 'CAPTCHA', read, update),
  ];
}

/** GET and PATCH of an add-on the tenant lacks: the scope check as usual, then Auth0's 403. */
function notEnabledRoutes(
  url: string,
  api: string,
  what: string,
  read: readonly string[],
  update: readonly string[],
): ManagementRoute[] {
  const refuse = (): never => {
    throw mgmtErrors.featureNotEnabled(api);
  };
  return [
    { method: 'GET', url, scopes: read, handler: refuse },
    { method: 'PATCH', url, scopes: update, description: `Update ${what} settings`, handler: refuse },
  ];
}
