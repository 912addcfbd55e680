import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JWTPayload } from 'jose';
import { errors as joseErrors, jwtVerify } from 'jose';
import type { Clock } from '../config';
import { authErrors } from '../errors/catalogue';
import { noStoreHeaders } from '../errors/error-renderer';
import type { OAuthError } from '../errors/oauth-errors';
import type { IssuerSource } from '../issuer';
import type { SigningKeys } from '../keys/signing-keys';
import type { RateLimitPolicy } from '../management/rate-limit';
import { ManagementRateLimiter } from '../management/rate-limit';
import { hashSecret } from '../security/secret-hash';
import type { UserRepository } from '../storage/user-repository';
import type { UserinfoClaimsRepository } from '../storage/userinfo-claims-repository';
import type { User } from '../tenant/model';
import { userSubject } from '../tenant/model';
import { parseScope } from '../tokens/scope-decision';

export interface UserinfoEndpointDependencies {
  readonly keys: SigningKeys;
  readonly issuer: IssuerSource;
  readonly users: UserRepository;
  /** Custom claims rules and actions added to the ID token issued with each access token. */
  readonly claims: Pick<UserinfoClaimsRepository, 'find'>;
  readonly clock: Clock;
  /** Requests per user; Auth0's by default. */
  readonly rateLimit?: RateLimitPolicy;
}

/**
 * Auth0's /userinfo limit, the same on every public plan: bursts of 10, then 5 a minute, per user id
 * (https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy/rate-limit-configurations).
 */
export const userinfoRateLimit: RateLimitPolicy = { capacity: 10, refillPerSecond: 5 / 60 };

/** Clock skew tolerated on `exp`/`iat`, as node-auth0 allows for ID tokens (auth0-wire.md §8.1). */
const CLOCK_TOLERANCE_SECONDS = 60;
/** Bearer tokens longer than this are not ours (ours are about 1 KB). */
const MAX_TOKEN_LENGTH = 8_192;

/** RFC 6750 §2.1: `Authorization: Bearer <b64token>`; the scheme is case-insensitive. */
function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  const token = match?.[1];
  return token !== undefined && token.length <= MAX_TOKEN_LENGTH ? token : undefined;
}

/** OIDC Core §5.4: the claims each scope releases, from the user record. */
export function userinfoClaims(user: User, scope: readonly string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: userSubject(user) };
  if (scope.includes('profile')) {
    if (user.name !== null) claims['name'] = user.name;
    if (user.nickname !== null) claims['nickname'] = user.nickname;
    if (user.picture !== null) claims['picture'] = user.picture;
    // As in the ID token: Auth0 sends an ISO 8601 string.
    claims['updated_at'] = new Date(user.updatedAt).toISOString();
  }
  if (scope.includes('email') && user.email !== null) {
    claims['email'] = user.email;
    claims['email_verified'] = user.emailVerified;
  }
  return claims;
}

/**
 * `GET /userinfo` (OIDC Core §5.3, auth0-wire.md §5.3), also as POST (§5.3.1 allows both). The bearer
 * token must be one of our access tokens: signed by a published key, our issuer, unexpired, with
 * `<issuer>userinfo` in `aud`, and granting `openid`. Failures follow RFC 6750 §3: 401 `invalid_token`
 * with a `WWW-Authenticate: Bearer` challenge, or 403 `insufficient_scope`; a deleted or blocked user
 * looks like an invalid token.
 *
 * The answer is the user's claims as the scopes allow, plus the custom claims rules and actions added to
 * the ID token issued with this access token (a standard claim wins over a custom one of the same name,
 * as in the token). Once the token is verified, each user has a request budget; every answer from then
 * on carries `X-RateLimit-Limit`, `-Remaining` and `-Reset` (epoch seconds), and an empty budget is
 * `429 too_many_requests` with `Retry-After` (§5.3).
 */
export function registerUserinfoEndpoint(app: FastifyInstance, deps: UserinfoEndpointDependencies): void {
  const limiter = new ManagementRateLimiter(deps.rateLimit ?? userinfoRateLimit);

  const fail = (reply: FastifyReply, error: OAuthError): never => {
    const attributes = `error="${error.error}", error_description="${error.description}"`;
    void reply.header('www-authenticate', `Bearer realm="${deps.issuer.get()}", ${attributes}`);
    throw error;
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) return fail(reply, authErrors.missingBearerToken());

    const issuer = deps.issuer.get();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(
        token,
        async (header) => {
          const key = header.kid === undefined ? undefined : await deps.keys.verificationKey(header.kid);
          if (!key) throw new joseErrors.JWKSNoMatchingKey();
          return key;
        },
        {
          issuer,
          audience: `${issuer}userinfo`,
          algorithms: ['RS256'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          currentDate: new Date(deps.clock()),
          requiredClaims: ['sub', 'exp'],
        },
      ));
    } catch {
      // Whatever jose disliked (signature, expiry, audience, shape) gets the same answer.
      return fail(reply, authErrors.invalidBearerToken());
    }

    const sub = payload.sub ?? '';
    const budget = limiter.take(sub, deps.clock());
    void reply.headers({
      'x-ratelimit-limit': String(budget.limit),
      'x-ratelimit-remaining': String(budget.remaining),
      'x-ratelimit-reset': String(budget.reset),
    });
    if (!budget.allowed) {
      void reply.header('retry-after', String(budget.retryAfter));
      throw authErrors.userinfoRateLimited();
    }

    const scope = parseScope(typeof payload['scope'] === 'string' ? payload['scope'] : undefined);
    if (!scope.includes('openid')) return fail(reply, authErrors.userinfoNeedsOpenid());
    const user = sub.startsWith('auth0|') ? deps.users.findById(sub.slice('auth0|'.length)) : undefined;
    if (!user || user.blocked) return fail(reply, authErrors.invalidBearerToken());

    const custom = deps.claims.find(hashSecret(token)) ?? {};
    return reply.headers(noStoreHeaders).send({ ...custom, ...userinfoClaims(user, scope) });
  };

  app.get('/userinfo', handler);
  app.post('/userinfo', handler);
}
