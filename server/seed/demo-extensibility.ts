import type { Repositories } from '../storage/repositories';

/** The demo rule (demo-tenant.md "Rules"): realm and role names as namespaced claims in both tokens. */
export const DEMO_RULE_NAME = 'Add realm and roles claims';

export const DEMO_RULE_SCRIPT = `function addRealmAndRolesClaims(user, context, callback) {
  const namespace = 'https://gatehouse.test/';
  const roles = (context.authorization && context.authorization.roles) || [];
  context.idToken[namespace + 'realm'] = context.connection;
  context.idToken[namespace + 'roles'] = roles;
  context.accessToken[namespace + 'realm'] = context.connection;
  context.accessToken[namespace + 'roles'] = roles;
  callback(null, user, context);
}`;

/** The demo user's TOTP secret (demo-tenant.md "Users"). DEMO DATA ONLY. */
export const DEMO_MFA_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/**
 * Issue #4's part of the demo tenant: the rule at order 1, and `mfa@example.com` enrolled in TOTP so that
 * the "enrolled" MFA policy asks every login of theirs for a code. Runs inside the seed's transaction.
 */
export function seedDemoExtensibility(repos: Repositories): void {
  repos.rules.create({ name: DEMO_RULE_NAME, script: DEMO_RULE_SCRIPT, order: 1, enabled: true });
  repos.mfaSettings.update({ policy: 'enrolled' });
  const employees = repos.connections.findByName('employees');
  const mfaUser = employees && repos.users.findByIdentifier(employees.id, 'mfa@example.com');
  if (!mfaUser) throw new Error('the demo MFA user is missing');
  repos.authenticators.create({ userId: mfaUser.id, type: 'otp', totpSecret: DEMO_MFA_TOTP_SECRET, active: true });
}
