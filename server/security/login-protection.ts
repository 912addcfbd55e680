import { authErrors } from '../errors/catalogue';
import type { RequestAudit } from '../logs/request-audit';
import type { AttackProtectionSettingsStore } from '../storage/attack-protection-repository';
import type { FailureKey, LoginFailureCounters } from '../storage/brute-force-repository';
import { normalizeIdentifier } from '../storage/brute-force-repository';
import type { IpThrottleStore } from '../storage/ip-throttle-repository';
import type { Connection } from '../tenant/model';
import type { BruteForceSettings, SuspiciousIpSettings } from './attack-protection-settings';
import { IpAllowlist } from './ip-allowlist';

/** One password attempt, as attack protection sees it. */
export interface ProtectedAttempt {
  readonly connection: Connection;
  /** What the user typed as email or username; counted whether or not a user has it. */
  readonly identifier: string;
  /** The end user's address (auth0-forwarded-for only for trusted, secret-authenticated clients). */
  readonly ip: string;
  readonly audit?: RequestAudit;
}

/**
 * Brute-force protection and suspicious-IP throttling around a password check (auth0-wire.md §3,
 * design/security.md "Brute force, the Auth0 way"). The caller asks `check` before touching the
 * password, then reports the outcome.
 */
export interface LoginProtection {
  /** Throws `429 too_many_attempts` when the attempt must be refused even with the right password. */
  check(attempt: ProtectedAttempt): void;
  /** Counts a wrong password or unknown identifier; may start a block (`limit_wc`) or throttle (`limit_mu`). */
  recordFailure(attempt: ProtectedAttempt): void;
  /** A right password clears the (identifier, IP) counter: only consecutive failures count. */
  recordSuccess(attempt: ProtectedAttempt): void;
}

/** Stale counters and full buckets are swept every this many failures. */
const SWEEP_EVERY_FAILURES = 500;

/** Caches the allowlist matcher per settings object (the store hands out the same object until a change). */
class AllowlistCache {
  private source: readonly string[] | undefined;
  private matcher = new IpAllowlist([]);

  get(entries: readonly string[]): IpAllowlist {
    if (entries !== this.source) {
      this.source = entries;
      this.matcher = new IpAllowlist(entries);
    }
    return this.matcher;
  }
}

/** The tenant's attack protection over the SQLite counters. */
export class AttackProtection implements LoginProtection {
  private readonly bruteForceAllowlist = new AllowlistCache();
  private readonly suspiciousIpAllowlist = new AllowlistCache();
  private failuresSinceSweep = 0;

  constructor(
    private readonly settings: AttackProtectionSettingsStore,
    private readonly counters: LoginFailureCounters,
    private readonly throttle: IpThrottleStore,
  ) {}

  check(attempt: ProtectedAttempt): void {
    const ipSettings = this.suspiciousIpApplies(attempt);
    if (ipSettings?.shields.includes('block') && this.throttle.isThrottled(attempt.ip, ipSettings.preLogin)) {
      attempt.audit?.write('limit_mu', { details: { error: { message: 'suspicious IP throttled' } } });
      throw authErrors.suspiciousIpThrottled();
    }
    const bruteForce = this.bruteForceApplies(attempt);
    if (
      bruteForce?.shields.includes('block') &&
      this.counters.blockedSince(this.key(attempt, bruteForce)) !== undefined
    ) {
      attempt.audit?.write('limit_wc', { details: { error: { message: 'identifier blocked' } } });
      throw authErrors.bruteForceBlocked();
    }
  }

  recordFailure(attempt: ProtectedAttempt): void {
    const bruteForce = this.bruteForceApplies(attempt);
    if (bruteForce) {
      // Without the `block` shield the failures are still counted, but never reach a block.
      const threshold = bruteForce.shields.includes('block') ? bruteForce.maxAttempts : Number.POSITIVE_INFINITY;
      const { failures, blockedNow } = this.counters.recordFailure(this.key(attempt, bruteForce), threshold);
      if (blockedNow) attempt.audit?.write('limit_wc', { details: { failures, max_attempts: bruteForce.maxAttempts } });
    }
    const ipSettings = this.suspiciousIpApplies(attempt);
    if (ipSettings) {
      const { throttledNow } = this.throttle.recordFailure(attempt.ip, ipSettings.preLogin);
      if (throttledNow && ipSettings.shields.includes('block')) {
        attempt.audit?.write('limit_mu', { details: { max_attempts: ipSettings.preLogin.maxAttempts } });
      }
    }
    this.failuresSinceSweep += 1;
    if (this.failuresSinceSweep >= SWEEP_EVERY_FAILURES) this.sweep();
  }

  recordSuccess(attempt: ProtectedAttempt): void {
    const bruteForce = this.bruteForceApplies(attempt);
    if (bruteForce) this.counters.reset(this.key(attempt, bruteForce));
  }

  private sweep(): void {
    this.failuresSinceSweep = 0;
    this.counters.purgeStale();
    this.throttle.purgeFull(this.settings.suspiciousIp().preLogin);
  }

  /** The settings when brute-force protection covers this attempt (tenant on, connection on, IP not allowed). */
  private bruteForceApplies(attempt: ProtectedAttempt): BruteForceSettings | undefined {
    const settings = this.settings.bruteForce();
    // Auth0 database connections have `brute_force_protection` on unless turned off.
    if (!settings.enabled || attempt.connection.options['brute_force_protection'] === false) return undefined;
    return this.bruteForceAllowlist.get(settings.allowlist).has(attempt.ip) ? undefined : settings;
  }

  private suspiciousIpApplies(attempt: ProtectedAttempt): SuspiciousIpSettings | undefined {
    const settings = this.settings.suspiciousIp();
    if (!settings.enabled) return undefined;
    return this.suspiciousIpAllowlist.get(settings.allowlist).has(attempt.ip) ? undefined : settings;
  }

  private key(attempt: ProtectedAttempt, settings: BruteForceSettings): FailureKey {
    return {
      connection: attempt.connection.name,
      identifier: normalizeIdentifier(attempt.identifier),
      ip: settings.mode === 'count_per_identifier' ? '' : attempt.ip,
    };
  }
}
