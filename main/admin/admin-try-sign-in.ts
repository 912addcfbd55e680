import type { ScriptRef } from '../../common/admin/dry-run.schema';
import type { AppResult } from '../../common/errors/app-error';
import type { TriedClaim, TrySignInInput, TrySignInOutcome } from '../../common/ipc/admin.contract';
import { ok } from '../../common/result';
import type { PasswordGrantInput, SignInGrants, TokenGrants } from '../auth/token-client';
import type { TokenSet } from '../auth/token-set';
import { decodeClaims } from '../session/session-summary';
import type { ManagementClient } from './management-client';

/** The profile's token client (never the session manager): a test sign-in must not become a session. */
export type TrySignInGrants = TokenGrants & Partial<Pick<SignInGrants, 'signIn'>>;

/** Protocol claims every token carries; the pane lists them, but no script sets them. */
const scope = 'openid profile email offline_access';

/**
 * An admin's test sign-in against a realm. The tokens live only inside this call: their claims are decoded,
 * the refresh token is revoked before anything is answered, and nothing is written anywhere (no keychain,
 * no session, no log line with the password). Which rule or action set each claim comes from the dry run
 * of the post-login pipeline for the same user, client and realm.
 */
export async function trySignIn(
  input: Omit<TrySignInInput, 'via'>,
  grants: TrySignInGrants,
  management: ManagementClient,
  clientId: string,
): Promise<AppResult<TrySignInOutcome>> {
  const request: PasswordGrantInput = {
    realm: input.realm,
    username: input.username,
    password: input.password,
    scope,
  };
  const signedIn = await signInOnce(grants, request);
  if (!signedIn.ok) return ok({ status: 'refused', error: signedIn.error });
  const tokens = signedIn.value;
  const refreshTokenFate = await revokeAtOnce(grants, tokens, input.realm);

  const idClaims = decodeClaims(tokens.idToken) ?? {};
  const accessClaims = decodeClaims(tokens.accessToken) ?? {};
  const userId = String(idClaims['sub'] ?? accessClaims['sub'] ?? '');
  const sources = await claimSources(management, { userId, clientId, realm: input.realm });
  const claims: TriedClaim[] = [
    ...Object.entries(idClaims).map(([name, value]) => claim('id', name, value, sources.byClaim)),
    ...Object.entries(accessClaims).map(([name, value]) => claim('access', name, value, sources.byClaim)),
  ];
  return ok({
    status: 'signed_in',
    userId,
    scope: (tokens.scope ?? '').split(' ').filter((part) => part !== ''),
    claims,
    refreshTokenFate,
    ...(sources.problem === undefined ? {} : { provenanceProblem: sources.problem }),
  });
}

async function signInOnce(grants: TrySignInGrants, request: PasswordGrantInput): Promise<AppResult<TokenSet>> {
  if (grants.signIn === undefined) return grants.passwordGrant(request);
  const outcome = await grants.signIn(request);
  if (!outcome.ok) return outcome;
  // MFA required: the test stops there; the mfa_token is dropped with this call.
  return outcome.value.kind === 'tokens' ? ok(outcome.value.tokens) : { ok: false, error: outcome.value.error };
}

async function revokeAtOnce(
  grants: TrySignInGrants,
  tokens: TokenSet,
  realm: string,
): Promise<'none' | 'revoked' | 'revoke_failed'> {
  if (tokens.refreshToken === undefined) return 'none';
  const revoked = await grants.revoke(tokens.refreshToken, realm);
  return revoked.ok ? 'revoked' : 'revoke_failed';
}

type SourceKey = `${'id' | 'access'}:${string}`;

async function claimSources(
  management: ManagementClient,
  login: { userId: string; clientId: string; realm: string },
): Promise<{ byClaim: Map<SourceKey, ScriptRef>; problem?: string }> {
  const byClaim = new Map<SourceKey, ScriptRef>();
  if (login.userId === '') return { byClaim, problem: 'The tokens name no user, so no dry run could be made.' };
  const report = await management.dryRun.tryRule({
    target: { kind: 'pipeline' },
    userId: login.userId,
    clientId: login.clientId,
    connection: login.realm,
    scope: scope.split(' '),
  });
  if (!report.ok) {
    return { byClaim, problem: `Which rule or action set each claim is unknown: ${report.error.message}` };
  }
  for (const source of report.value.provenance) byClaim.set(`${source.token}:${source.claim}`, source.script);
  return { byClaim };
}

function claim(
  token: 'id' | 'access',
  name: string,
  value: unknown,
  sources: ReadonlyMap<SourceKey, ScriptRef>,
): TriedClaim {
  const setBy = sources.get(`${token}:${name}`);
  return { token, name, value: value as TriedClaim['value'], ...(setBy === undefined ? {} : { setBy }) };
}
