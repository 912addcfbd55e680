import { appError, type AppResult } from '../../common/errors/app-error';
import type { SignInRequest } from '../../common/ipc/auth.contract';
import type { SessionSummary } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import { isManagementAudience } from '../auth/management-audience';
import type { SignInOutcome } from '../auth/token-client';
import type { TokenSet } from '../auth/token-set';
import { formatAccountId, type AccountRef } from './account-id';
import { MfaFlow } from './mfa-flow';
import { optional } from './optional-field';
import type { SessionEvents } from './session-events';
import { skewNotice } from './session-notices';
import type { SessionPolicy } from './session-policy';
import type { SessionProfiles } from './session-profiles';
import type { SessionRegistry } from './session-registry';
import type { Placement } from './live-session';
import { newHistory, type SessionRenewal } from './session-renewal';
import type { SessionStorageKeeper } from './session-storage-keeper';

export interface SessionSignInDeps {
  readonly profiles: SessionProfiles;
  readonly policy: SessionPolicy;
  readonly keeper: SessionStorageKeeper;
  readonly registry: SessionRegistry;
  readonly renewal: SessionRenewal;
  readonly events: SessionEvents;
  readonly clock: () => number;
}

/**
 * The password sign-in, from the checks made before a password is sent to the session it establishes.
 * A sign-in that needs a second factor stays pending in `mfa`; completing it establishes the session the
 * same way, which is why the pending flows live here.
 */
export class SessionSignIn {
  readonly mfa: MfaFlow;
  /** "Keep me signed in", per account, from the password step to the session it establishes (maybe after MFA). */
  readonly #keep = new Map<string, boolean>();

  constructor(private readonly deps: SessionSignInDeps) {
    this.mfa = new MfaFlow((ref, tokens) => this.#establish(ref, tokens), deps.clock);
  }

  async signIn(input: SignInRequest): Promise<AppResult<SessionSummary>> {
    const { policy, keeper } = this.deps;
    const connection = this.deps.profiles.get(input.profileId);
    if (connection === undefined) {
      return err(appError('invalid_input', `There is no server profile named “${input.profileId}”.`));
    }
    const { profile, grants } = connection;
    if (input.realm !== null && policy.allowedRealms && !policy.allowedRealms.includes(input.realm)) {
      return err(appError('invalid_realm', `Your organisation does not allow sign-in to “${input.realm}”.`));
    }
    const audience = input.audience ?? profile.audience;
    // Admin power comes only from the admin pane's step-up (features.md item 7), never an everyday session.
    if (profile.kind === 'auth0' && audience !== undefined && isManagementAudience(audience, profile.issuer)) {
      return err(
        appError('invalid_input', 'The everyday sign-in does not ask for the Management API.', {
          nextStep: 'Remove that audience from the profile. The admin pane asks for admin access when you open it.',
        }),
      );
    }
    const refusal = await keeper.refusalBeforeSignIn();
    if (refusal !== null) return err(refusal);

    const request = {
      realm: input.realm,
      username: input.username,
      password: input.password,
      ...optional('audience', audience),
      scope: scopeFor(input.scope ?? profile.scope, input.keepSignedIn ?? true),
      ...optional('extraParams', input.extraParams),
    };
    // Simple token clients (fakes, generic servers) offer only the password grant, which cannot ask for MFA.
    const outcome: AppResult<SignInOutcome> =
      grants.signIn !== undefined
        ? await grants.signIn(request)
        : await grants
            .passwordGrant(request)
            .then((tokens) => (tokens.ok ? ok({ kind: 'tokens' as const, tokens: tokens.value }) : tokens));
    if (!outcome.ok) return outcome;
    const ref: AccountRef = { profileId: profile.id, realm: input.realm, username: input.username };
    this.#keep.set(formatAccountId(ref), input.keepSignedIn ?? true);
    if (outcome.value.kind === 'mfa_required') {
      // The mfa_token stays in main; the window asks for the factors through the mfa:* channels.
      if (grants.mfa !== undefined) this.mfa.open(ref, outcome.value.pending, grants.mfa);
      return err(outcome.value.error);
    }
    return ok(await this.#establish(ref, outcome.value.tokens));
  }

  /** Makes fresh tokens a session: keep the refresh token, replace (and revoke) an older one, activate, tell. */
  async #establish(ref: AccountRef, tokens: TokenSet): Promise<SessionSummary> {
    const { registry, keeper } = this.deps;
    const accountId = formatAccountId(ref);
    const previous = registry.get(accountId);
    const keep = this.#keep.get(accountId) ?? true;
    this.#keep.delete(accountId);
    const placement: Placement =
      tokens.refreshToken === undefined
        ? { storage: 'memory', memoryReason: keep ? null : 'user-choice' }
        : await keeper.place(accountId, tokens.refreshToken, keep);
    const history = newHistory(this.deps.clock(), 'sign-in');
    const session = this.deps.renewal.adopt(accountId, ref, tokens, tokens.refreshToken, placement, history);
    // Signing in again replaces the account's old session; its refresh token is revoked, not orphaned.
    if (previous?.refreshToken !== undefined && previous.refreshToken !== session.refreshToken) {
      await this.deps.profiles.get(ref.profileId)?.grants.revoke(previous.refreshToken, ref.realm);
    }
    registry.activate(accountId);
    const summary = registry.summary(session);
    const notices = [keeper.notice(session.memoryReason), skewNotice(tokens)].filter((text) => text !== undefined);
    this.deps.events.changed({
      session: summary,
      reason: 'signed_in',
      ...optional('notice', notices.join(' ') || undefined),
    });
    return summary;
  }
}

/** "Keep me signed in" is `offline_access`: asked for when ticked, left out when not. */
export function scopeFor(scope: string, keepSignedIn: boolean): string {
  const others = scope.split(/\s+/).filter((item) => item !== '' && item !== 'offline_access');
  return (keepSignedIn ? [...others, 'offline_access'] : others).join(' ');
}
