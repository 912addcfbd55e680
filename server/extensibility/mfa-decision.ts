import type { MfaSettings } from '../storage/mfa-settings-repository';
import type { Connection } from '../tenant/model';
import type { LoginProtocol } from './login-facts';
import type { MultifactorDemand } from './pipeline-types';

/** Why a login must complete MFA, for the `mfar` event; null when it need not. */
export type MfaReason =
  | { readonly source: 'script'; readonly script: MultifactorDemand['script'] }
  | { readonly source: 'connection' | 'policy_always' | 'policy_enrolled' };

/** Auth0 connection option `mfa.active` (auth0-wire.md §7.2). */
function connectionRequiresMfa(connection: Connection): boolean {
  const mfa = connection.options['mfa'];
  return typeof mfa === 'object' && mfa !== null && (mfa as { active?: unknown }).active === true;
}

/**
 * Decides whether a login stops at `mfa_required` (auth0-wire.md §4): a rule or action asked for it; or,
 * on the password exchange only, the connection's `options.mfa.active`, the tenant policy `always`, or
 * the policy `enrolled` for a user with an active authenticator. A refresh asks again only when a script
 * says so, as Auth0 does (§5.1 "MFA can be demanded here too").
 */
export function decideMfa(input: {
  readonly protocol: LoginProtocol;
  readonly settings: MfaSettings;
  readonly connection: Connection;
  readonly enrolled: boolean;
  readonly demand: MultifactorDemand | null;
}): MfaReason | null {
  if (input.demand) return { source: 'script', script: input.demand.script };
  if (input.protocol !== 'oauth2-password') return null;
  if (connectionRequiresMfa(input.connection)) return { source: 'connection' };
  if (input.settings.policy === 'always') return { source: 'policy_always' };
  if (input.settings.policy === 'enrolled' && input.enrolled) return { source: 'policy_enrolled' };
  return null;
}

/** One line for logs and the pending login. */
export function describeMfaReason(reason: MfaReason): string {
  switch (reason.source) {
    case 'script':
      return `${reason.script.kind} ${reason.script.name}`;
    case 'connection':
      return 'connection options.mfa.active';
    case 'policy_always':
      return 'tenant MFA policy: always';
    case 'policy_enrolled':
      return 'tenant MFA policy: users with an active authenticator';
  }
}
