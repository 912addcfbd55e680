import type { AxiosInstance } from 'axios';
import { appError, type AppResult } from '../../common/errors/app-error';
import type {
  Check,
  DecodedToken,
  SupportBundle,
  TokenDiff,
  VerificationResult,
  VerifiedKey,
} from '../../common/ipc/inspect.contract';
import { err, ok } from '../../common/result';
import { DiscoveryCache, resolveEndpoints, type ServerEndpoints } from '../auth/server-endpoints';
import type { Profile } from '../settings/profile';
import { checkClaims } from './claim-checks';
import { describeToken } from './explain-claims';
import { algorithmCheck, keySourceCheck } from './header-checks';
import { KeySetCache } from './key-set-cache';
import { keyLocations, type ServerReach } from './key-set-location';
import { checkOpaqueToken, plainWords } from './opaque-check';
import { readableTimesAt } from './readable-time';
import { checkSignature } from './signature-check';
import { buildSupportBundle, type BundleEntry } from './support-bundle';
import { dissectToken, type TokenAnatomy } from './token-anatomy';
import { diffTokens } from './token-diff';

export interface InspectorOptions {
  /** The app's HTTP client for a profile (main/net/profile-http-client.ts), so its proxy, CA bundle and timeout apply. */
  readonly httpFor: (profile: Profile) => Promise<AppResult<AxiosInstance>>;
  /** The profile's endpoints; by default main/auth's `resolveEndpoints` with a discovery cache of our own. */
  readonly endpointsFor?: (profile: Profile) => Promise<AppResult<ServerEndpoints>>;
  /** A confidential client's secret from the keychain; introspection (RFC 7662 §2.1) needs client auth. */
  readonly clientSecret?: (profile: Profile) => Promise<string | null>;
  readonly clock?: () => number;
  readonly keySets?: KeySetCache;
  /** Default allowance for clock differences, in seconds. */
  readonly skewSeconds?: number;
}

export interface VerifyOptions {
  /** The audiences to accept; default the profile's audience and its client id (ID tokens name the client). */
  readonly expectedAudience?: string | readonly string[];
  readonly skewSeconds?: number;
  /** Fills `{realm}` in a Keycloak-style key set address. */
  readonly realm?: string;
}

/** Sixty seconds is the usual leeway between a desktop clock and a server's (RFC 7519 §4.1.4). */
export const defaultSkewSeconds = 60;

/**
 * The token inspector: decode, verify against the configured issuer's JWKS, explain, compare and make a
 * redacted support bundle. Expected failures (a bad signature, an expired token, an unreachable JWKS)
 * come back as failed checks with plain words; only unusable input is an AppError.
 */
export class Inspector {
  readonly #options: InspectorOptions;
  readonly #clock: () => number;
  readonly #keySets: KeySetCache;
  // Per profile connection settings: building a client loads CA bundles, so it is done once, not per token.
  readonly #clients = new Map<string, Promise<AppResult<AxiosInstance>>>();
  readonly #discovery = new Map<string, DiscoveryCache>();

  constructor(options: InspectorOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.#keySets = options.keySets ?? new KeySetCache({ clock: this.#clock });
  }

  /** Decodes without the network: header, claims with plain words, and the expiry countdown. */
  decode(token: string): DecodedToken {
    return describeToken(dissectToken(token), this.#clock());
  }

  /** Verifies the signature with the configured issuer's keys (or introspects an opaque token) and checks every claim. */
  async verify(token: string, profile: Profile, options: VerifyOptions = {}): Promise<AppResult<VerificationResult>> {
    const now = this.#clock();
    const anatomy = dissectToken(token);
    const timeAt = readableTimesAt(now);
    const decoded = describeToken(anatomy, now, timeAt);
    const result = (checks: Check[], more: Partial<VerificationResult> = {}): AppResult<VerificationResult> => {
      const introspection = more.introspection ?? null;
      const proven = checks.some((c) => c.id === 'signature' && c.status === 'pass') || introspection?.active === true;
      const valid = proven && checks.every((check) => check.status !== 'fail');
      return ok({ valid, decoded, checks, key: null, clockWarning: null, checkedAt: now, ...more, introspection });
    };

    if (anatomy.format === 'opaque') {
      const reach = await this.#reach(profile, options.realm);
      const secret = this.#options.clientSecret;
      const outcome = await checkOpaqueToken(token, profile, reach, secret && (() => secret(profile)), now);
      return result(outcome.checks, { introspection: outcome.introspection });
    }
    if (anatomy.format === 'jwe' || anatomy.header === null || anatomy.claims === null) {
      return result([
        { id: 'format', status: 'fail', title: 'Format', message: decoded.notes.at(-1) ?? decoded.summary },
      ]);
    }

    const algorithm = algorithmCheck(anatomy.header);
    const checks: Check[] = [
      { id: 'format', status: 'pass', title: 'Format', message: 'A signed JWT (JWS compact serialization).' },
      algorithm,
      keySourceCheck(anatomy.header),
    ];
    let key: VerifiedKey | null = null;
    // Resolved even for a refused algorithm: the expected audiences include the server's userinfo endpoint.
    const reach = await this.#reach(profile, options.realm);
    if (algorithm.status === 'pass') {
      if (reach.ok) {
        const outcome = await checkSignature(
          token,
          anatomy.header,
          reach.value.keySetUrl,
          reach.value.http,
          this.#keySets,
        );
        checks.push(...outcome.checks);
        key = outcome.key;
      } else {
        checks.push(
          { id: 'key', status: 'fail', title: 'Signing key', message: plainWords(reach.error) },
          {
            id: 'signature',
            status: 'fail',
            title: 'Signature',
            message: 'Not checked: the issuer’s keys are not available.',
          },
        );
      }
    } else {
      checks.push({
        id: 'signature',
        status: 'fail',
        title: 'Signature',
        message: 'Not checked: the algorithm is refused.',
      });
    }
    const claimOutcome = checkClaims(anatomy.claims, {
      issuer: profile.issuer,
      audiences: expectedAudiences(profile, options.expectedAudience, reach.ok ? reach.value.userinfoUrl : null),
      clientId: profile.clientId,
      skewSeconds: options.skewSeconds ?? this.#options.skewSeconds ?? defaultSkewSeconds,
      nowMs: now,
      timeAt,
    });
    checks.push(...claimOutcome.checks);
    return result(checks, { key, clockWarning: claimOutcome.clockWarning });
  }

  /** Compares two JWTs claim by claim (and header member by member). */
  diff(before: string | TokenAnatomy, after: string | TokenAnatomy): AppResult<TokenDiff> {
    const a = typeof before === 'string' ? dissectToken(before) : before;
    const b = typeof after === 'string' ? dissectToken(after) : after;
    if (a.header === null || b.header === null) {
      return err(appError('invalid_input', 'Only JWTs can be compared: an opaque token has no claims to read.'));
    }
    return ok(diffTokens(a, b));
  }

  /** A bundle for support: each token verified, then its signature dropped and `sub` and e-mails hashed. */
  async supportBundle(
    tokens: readonly string[],
    profile: Profile,
    options: VerifyOptions = {},
  ): Promise<AppResult<SupportBundle>> {
    const entries: BundleEntry[] = [];
    for (const token of tokens) {
      const verified = await this.verify(token, profile, options);
      if (!verified.ok) return verified;
      entries.push({ anatomy: dissectToken(token), checks: verified.value.checks });
    }
    return ok(buildSupportBundle(entries, profile, this.#clock()));
  }

  #client(profile: Profile): Promise<AppResult<AxiosInstance>> {
    const key = connectionKey(profile);
    let client = this.#clients.get(key);
    if (client === undefined) {
      client = this.#options.httpFor(profile).then((made) => {
        // A failure (an unreadable CA bundle) is not kept: the next inspection tries again.
        if (!made.ok) this.#clients.delete(key);
        return made;
      });
      this.#clients.set(key, client);
    }
    return client;
  }

  /** The profile's HTTP client and where its issuer publishes keys and introspection. */
  async #reach(profile: Profile, realm: string | undefined): Promise<AppResult<ServerReach>> {
    const http = await this.#client(profile);
    if (!http.ok) return http;
    let endpoints: AppResult<ServerEndpoints>;
    if (this.#options.endpointsFor !== undefined) {
      endpoints = await this.#options.endpointsFor(profile);
    } else {
      const key = connectionKey(profile);
      let discovery = this.#discovery.get(key);
      if (discovery === undefined) {
        discovery = new DiscoveryCache(http.value, { clock: this.#clock });
        this.#discovery.set(key, discovery);
      }
      endpoints = await resolveEndpoints(profile, discovery);
    }
    if (!endpoints.ok) return endpoints;
    const located = keyLocations(profile, endpoints.value, realm);
    return located.ok
      ? ok({ ...located.value, userinfoUrl: endpoints.value.userinfo ?? null, http: http.value })
      : located;
  }
}

/** Everything that decides how a profile's server is reached; a change to any of them means a new client. */
function connectionKey(profile: Profile): string {
  return JSON.stringify([
    profile.id,
    profile.issuer,
    profile.discoveryUrl,
    profile.proxy,
    profile.caBundlePath,
    profile.timeoutMs,
  ]);
}

/**
 * The default audiences: the profile's API and this client (an ID token's `aud`, OIDC Core §2). A sign-in
 * without an API gets a token for the userinfo endpoint alone (Auth0: `<issuer>userinfo`, spec/auth0-wire.md
 * §5.5), so the server's userinfo endpoint counts too.
 */
function expectedAudiences(
  profile: Profile,
  override: VerifyOptions['expectedAudience'],
  userinfoUrl: string | null,
): string[] {
  if (typeof override === 'string') return [override];
  if (override !== undefined) return [...override];
  return [profile.audience, profile.clientId, userinfoUrl].filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
}
