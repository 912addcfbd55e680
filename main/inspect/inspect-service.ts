import type { z } from 'zod';
import { appError, type AppResult } from '../../common/errors/app-error';
import type {
  DecodedToken,
  DecodeInput,
  DiffInput,
  DiffTokenRef,
  SessionTokenRef,
  SupportBundle,
  SupportBundleInput,
  TokenDiff,
  TokenRef,
  VerificationResult,
  VerifyInput,
} from '../../common/ipc/inspect.contract';
import { err, ok } from '../../common/result';
import { parseAccountId, type AccountRef } from '../session/account-id';
import type { Profile } from '../settings/profile';
import type { Inspector, VerifyOptions } from './inspector';
import { withLogLines } from './support-bundle';
import type { TokenAnatomy } from './token-anatomy';

/** Looks up the current session's access or ID token in main's memory; null when there is none. */
export type SessionTokenLookup = (ref: SessionTokenRef) => string | null | Promise<string | null>;

/** The decoded header and claims of an account's access token before its last refresh; null before any. */
export type PreviousTokenLookup = (accountId?: string) => Pick<TokenAnatomy, 'header' | 'claims'> | null;

export interface InspectServiceOptions {
  readonly inspector: Inspector;
  /**
   * The profile to verify against: the one named, else the one the session's account belongs to, else
   * the active profile. Null when there is no such profile.
   */
  readonly profileFor: (profileId?: string) => Profile | null;
  readonly sessionToken: SessionTokenLookup;
  readonly previousToken?: PreviousTokenLookup;
  /** The active account, whose profile a session token without an `accountId` is checked against. */
  readonly activeAccountId?: () => string | null;
  /** The app's last log lines (the log file's tail); absent where there is no log file (CLI, tests). */
  readonly logTail?: (count: number) => readonly string[];
}

/**
 * The `inspect:*` channels' service: turns a contract input (a pasted token or a pointer to the session's
 * token) into an Inspector call. Session tokens are looked up here in main and never sent to the window.
 */
export class InspectService {
  readonly #options: InspectServiceOptions;

  constructor(options: InspectServiceOptions) {
    this.#options = options;
  }

  async decode(input: z.output<typeof DecodeInput>): Promise<AppResult<DecodedToken>> {
    const token = await this.#resolve(input.token);
    return token.ok ? ok(this.#options.inspector.decode(token.value)) : token;
  }

  async verify(input: VerifyInput): Promise<AppResult<VerificationResult>> {
    const token = await this.#resolve(input.token);
    if (!token.ok) return token;
    const account = this.#accountOf(input.token);
    const profile = this.#profile(input.profileId, account);
    if (!profile.ok) return profile;
    return this.#options.inspector.verify(token.value, profile.value, {
      ...verifyOptionsFor(input.token, account, profile.value, input.expectedAudience),
      ...(input.skewSeconds === undefined ? {} : { skewSeconds: input.skewSeconds }),
    });
  }

  async diff(input: z.output<typeof DiffInput>): Promise<AppResult<TokenDiff>> {
    const before = await this.#resolveForDiff(input.before);
    if (!before.ok) return before;
    const after = await this.#resolveForDiff(input.after);
    return after.ok ? this.#options.inspector.diff(before.value, after.value) : after;
  }

  async #resolveForDiff(ref: DiffTokenRef): Promise<AppResult<string | TokenAnatomy>> {
    if (typeof ref === 'string' || ref.source === 'session') return this.#resolve(ref);
    const previous = this.#options.previousToken?.(ref.accountId) ?? null;
    if (previous === null) {
      return err(
        appError(
          'not_found',
          'Your access token has not been refreshed yet in this session, so there is no earlier one.',
          {
            nextStep: 'Compare again after the next refresh (the API console refreshes on a 401).',
          },
        ),
      );
    }
    return ok({ format: 'jws', header: previous.header, claims: previous.claims, signatureByteLength: 0, notes: [] });
  }

  async supportBundle(input: z.output<typeof SupportBundleInput>): Promise<AppResult<SupportBundle>> {
    const tokens: string[] = [];
    for (const ref of input.tokens) {
      const token = await this.#resolve(ref);
      if (!token.ok) return token;
      tokens.push(token.value);
    }
    const profile = this.#profile(input.profileId, this.#accountOf(input.tokens[0]));
    if (!profile.ok) return profile;
    const bundle = await this.#options.inspector.supportBundle(tokens, profile.value);
    const { logTail } = this.#options;
    if (!bundle.ok || input.logLines === undefined || logTail === undefined) return bundle;
    return ok(withLogLines(bundle.value, logTail(input.logLines)));
  }

  async #resolve(ref: TokenRef | undefined): Promise<AppResult<string>> {
    if (typeof ref === 'string') return ok(ref);
    if (ref === undefined) return err(appError('invalid_input', 'Paste a token or choose one from your session.'));
    const token = await this.#options.sessionToken(ref);
    if (token !== null) return ok(token);
    const what = ref.which === 'id' ? 'an ID token' : 'an access token';
    return err(
      appError('not_signed_in', `There is no signed-in session with ${what} to inspect.`, {
        nextStep:
          ref.which === 'id' ? 'Sign in with the openid scope, or paste a token.' : 'Sign in, or paste a token.',
      }),
    );
  }

  /** The account a session token belongs to: the one named, else the active one. Null for a pasted token. */
  #accountOf(ref: TokenRef | undefined): AccountRef | null {
    if (typeof ref !== 'object') return null;
    const accountId = ref.accountId ?? this.#options.activeAccountId?.() ?? null;
    return accountId === null ? null : parseAccountId(accountId);
  }

  #profile(profileId: string | undefined, account: AccountRef | null): AppResult<Profile> {
    const profile = this.#options.profileFor(profileId ?? account?.profileId);
    return profile === null
      ? err(
          appError('invalid_input', 'There is no server profile to verify against.', {
            nextStep: 'Choose or add a server profile first.',
          }),
        )
      : ok(profile);
  }
}

/** An ID token is for this app (OIDC Core §2: `aud` contains the client id); the session's realm fills `{realm}`. */
function verifyOptionsFor(
  ref: TokenRef,
  account: AccountRef | null,
  profile: Profile,
  expectedAudience: string | undefined,
): VerifyOptions {
  const audience = expectedAudience ?? (typeof ref === 'object' && ref.which === 'id' ? profile.clientId : undefined);
  return {
    ...(audience === undefined ? {} : { expectedAudience: audience }),
    ...(account?.realm == null ? {} : { realm: account.realm }),
  };
}
