// One part of the management scenario (../management-scenario.mjs). `ctx` carries the adapter, the
// recorder's `step`, the scenario's names and the ids earlier parts made.
import { itemsOf, NS, status } from './shared.mjs';

/** Roles and permissions, rules and actions, each proven by the next login's ID token. */
export async function authorizationPart(ctx) {
  const { api, step, prefix, apiAudience, login, loginFacts } = ctx;
  const { userId } = ctx.ids;
  // Roles and permissions, assigned to the user; the demo rule puts role names in the ID token.
  const role = await step(
    'roles.create',
    () => api.roles.create({ name: `${prefix}-role`, description: 'Made by the SDK scenario' }),
    (r) => ({ ...status(r), body: r.body }),
  );
  const roleId = role?.body?.id;
  ctx.ids.roleId = roleId;
  await step(
    'roles.addPermissions',
    () =>
      api.roles.addPermissions(roleId, [{ resource_server_identifier: apiAudience, permission_name: 'read:reports' }]),
    status,
  );
  await step(
    'roles.permissions',
    () => api.roles.permissions(roleId),
    (r) => ({
      ...status(r),
      permissions: itemsOf(r, 'permissions').map((p) => `${p.resource_server_identifier} ${p.permission_name}`),
    }),
  );
  await step('users.assignRoles', () => api.users.assignRoles(userId, [roleId]), status);
  await step(
    'users.roles',
    () => api.users.roles(userId),
    (r) => ({
      ...status(r),
      names: itemsOf(r, 'roles').map((item) => item.name),
    }),
  );
  await step(
    'roles.users',
    () => api.roles.users(roleId),
    (r) => ({
      ...status(r),
      emails: itemsOf(r, 'users').map((item) => item.email),
    }),
  );
  await step(
    'roles.list',
    () => api.roles.list({ include_totals: true, per_page: 50 }),
    (r) => ({
      ...status(r),
      total: r.body.total,
      names: itemsOf(r, 'roles').map((item) => item.name),
    }),
  );
  await step('auth.loginWithRole', () => login(), loginFacts);

  // Rules: create, the order conflict, read, a login runs it, disable, list, delete.
  const rule = await step(
    'rules.create',
    () =>
      api.rules.create({
        name: `${prefix} claim rule`,
        script: `function sdkClaim(user, context, callback) {\n  context.idToken['${NS}sdk-rule'] = '${prefix}';\n  callback(null, user, context);\n}`,
        order: 20,
        enabled: true,
      }),
    (r) => ({ ...status(r), body: r.body }),
  );
  const ruleId = rule?.body?.id;
  await step(
    'rules.createSameOrder',
    () =>
      api.rules.create({ name: `${prefix} second rule`, script: 'function (u, c, cb) { cb(null, u, c); }', order: 20 }),
    status,
  );
  await step(
    'rules.get',
    () => api.rules.get(ruleId),
    (r) => ({ ...status(r), name: r.body.name }),
  );
  await step('auth.loginWithRule', () => login(), loginFacts);
  await step(
    'rules.disable',
    () => api.rules.update(ruleId, { enabled: false }),
    (r) => ({
      ...status(r),
      enabled: r.body.enabled,
    }),
  );
  await step(
    'rules.listDisabled',
    () => api.rules.list({ enabled: false, include_totals: true }),
    (r) => ({
      ...status(r),
      names: itemsOf(r, 'rules').map((item) => item.name),
    }),
  );
  await step('auth.loginWithRuleDisabled', () => login(), loginFacts);
  await step('rules.remove', () => api.rules.remove(ruleId), status);
  await step('rules.getRemoved', () => api.rules.get(ruleId), status);

  // Actions: create, deploy, versions, bind to post-login; a login runs it.
  const action = await step(
    'actions.create',
    () =>
      api.actions.create({
        name: `${prefix}-action`,
        supported_triggers: [{ id: 'post-login', version: 'v3' }],
        code: `exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('${NS}sdk-action', event.connection.name);\n};`,
        runtime: 'node18',
      }),
    (r) => ({ ...status(r), name: r.body.name }),
  );
  const actionId = action?.body?.id;
  ctx.ids.actionId = actionId;
  await step(
    'actions.deploy',
    () => api.actions.deploy(actionId),
    (r) => ({
      ...status(r),
      number: r.body.number,
      deployed: r.body.deployed,
    }),
  );
  await step(
    'actions.versions',
    () => api.actions.versions(actionId),
    (r) => ({
      ...status(r),
      numbers: itemsOf(r, 'versions').map((version) => version.number),
    }),
  );
  await step(
    'actions.bind',
    () =>
      api.actions.updateBindings('post-login', [{ ref: { type: 'action_id', value: actionId }, display_name: prefix }]),
    (r) => ({ ...status(r), actions: itemsOf(r, 'bindings').map((binding) => binding.action.name) }),
  );
  await step(
    'actions.bindings',
    () => api.actions.bindings('post-login'),
    (r) => ({
      ...status(r),
      names: itemsOf(r, 'bindings').map((binding) => binding.display_name),
    }),
  );
  await step('auth.loginWithAction', () => login(), loginFacts);
}
