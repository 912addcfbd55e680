import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import type { PasswordGrantInput, TokenGrants } from '../../main/auth/token-client';
import type { TokenSet } from '../../main/auth/token-set';

/**
 * A token endpoint for unit tests of the code around it: it rotates refresh tokens, refuses unknown ones
 * with `session_expired`, and counts calls. Integration tests use the real server instead.
 */
export class FakeTokenGrants implements TokenGrants {
  readonly calls = { password: 0, refresh: 0, revoke: 0 };
  readonly revoked: string[] = [];
  rotate = true;
  /** Access-token lifetime of issued tokens, counted from `now()`. */
  lifetimeMs = 3_600_000;
  now: () => number = () => 0;
  /** Makes the next refresh fail with a transport error (the server is unreachable for a moment). */
  failNextRefreshWith: 'network' | null = null;
  /** Attached to every issued token set, as the real client does when the server's Date header is far off. */
  clockSkew: AppError | undefined = undefined;
  /** Resolves each refresh only when the test says so, to hold many callers in flight. */
  refreshGate: Promise<void> = Promise.resolve();
  #counter = 0;
  readonly #valid = new Set<string>();

  /** What the last password grant asked for (scope, audience, extra parameters), to check what was sent. */
  lastPasswordInput: PasswordGrantInput | undefined;

  async passwordGrant(input: PasswordGrantInput): Promise<AppResult<TokenSet>> {
    this.calls.password += 1;
    this.lastPasswordInput = input;
    if (input.password !== 'right') {
      return err(appError('invalid_credentials', 'The username or password is wrong.'));
    }
    return ok(this.#issue());
  }

  async refresh(refreshToken: string): Promise<AppResult<TokenSet>> {
    this.calls.refresh += 1;
    await this.refreshGate;
    if (this.failNextRefreshWith !== null) {
      this.failNextRefreshWith = null;
      return err(appError('network', 'Could not reach the server.'));
    }
    if (!this.#valid.has(refreshToken))
      return err(appError('session_expired', 'Your saved sign-in is no longer valid.'));
    if (!this.rotate) return ok({ ...this.#issue(), refreshToken: undefined });
    this.#valid.delete(refreshToken);
    return ok(this.#issue());
  }

  async revoke(refreshToken: string): Promise<AppResult<void>> {
    this.calls.revoke += 1;
    this.revoked.push(refreshToken);
    this.#valid.delete(refreshToken);
    return ok(undefined);
  }

  /** Makes a refresh token the server will accept, as if issued earlier. */
  accept(refreshToken: string): void {
    this.#valid.add(refreshToken);
  }

  #issue(): TokenSet {
    this.#counter += 1;
    const refreshToken = `rt-${this.#counter}`;
    this.#valid.add(refreshToken);
    return {
      accessToken: `at-${this.#counter}`,
      tokenType: 'Bearer',
      expiresAt: this.now() + this.lifetimeMs,
      refreshToken,
      idToken: `id-${this.#counter}`,
      ...(this.clockSkew === undefined ? {} : { clockSkew: this.clockSkew }),
      scope: 'openid',
    };
  }
}
