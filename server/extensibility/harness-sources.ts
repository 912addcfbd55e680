/**
 * JavaScript that runs *inside* the isolate around an admin's script. It is a function body whose
 * arguments are strings: `$0` the JSON input, `$1` the script source. It returns one JSON string.
 *
 * Nothing from the host is reachable from here: no references, no callbacks, no require, process,
 * timers, network or file system. `console.*` and the Actions `api` only record into arrays that come
 * back as JSON. The host re-validates everything it gets back, since the script can tamper with any of
 * this (it runs in the same context after the prelude).
 */

/** Shared start: parse the input, keep the intrinsics the harness needs, capture console output. */
const prelude = `
const stringify = JSON.stringify;
const input = JSON.parse($0);
const logs = [];
let logBytes = 0;
let logsCut = false;
const show = (value) => {
  if (typeof value === 'string') return value;
  try { const text = stringify(value); return text === undefined ? String(value) : text; } catch { return String(value); }
};
const record = (level) => (...values) => {
  if (logsCut) return;
  const line = values.map(show).join(' ');
  // Counts each entry's JSON wrapping too, so the cap bounds what is sent back.
  logBytes += line.length + 32;
  if (logBytes > input.limits.maxConsoleBytes) { logsCut = true; logs.push({ level: 'warn', line: '[console output cut]' }); return; }
  logs.push({ level, line });
};
globalThis.console = { log: record('log'), info: record('info'), warn: record('warn'), error: record('error'), debug: record('debug') };
const describe = (error) => {
  if (error !== null && typeof error === 'object') {
    return { name: String(error.name ?? 'Error'), message: String(error.message ?? ''), unauthorized: error.name === 'UnauthorizedError' };
  }
  return { name: 'Error', message: String(error), unauthorized: false };
};
const finish = (result) => {
  try { return stringify({ ...result, logs }); } catch (error) { return stringify({ status: 'error', error: describe(error), logs }); }
};
`;

/**
 * A legacy rule: `function (user, context, callback)` (auth0-wire.md §6.2). It ends when `callback` is
 * first called; a throw or a rejected promise is an error too. Compiled with indirect eval so it sees
 * only globals, not the harness's variables.
 */
export const ruleHarness = `${prelude}
class UnauthorizedError extends Error { constructor(message) { super(message); this.name = 'UnauthorizedError'; } }
globalThis.UnauthorizedError = UnauthorizedError;
globalThis.configuration = input.configuration;
globalThis.global = {};
const context = input.context;
const pick = (ctx) => ({ accessToken: ctx.accessToken, idToken: ctx.idToken, multifactor: ctx.multifactor, redirect: ctx.redirect });
let rule;
try { rule = (0, eval)('(' + $1 + '\\n)'); } catch (error) { return finish({ status: 'error', error: describe(error) }); }
if (typeof rule !== 'function') {
  return finish({ status: 'error', error: { name: 'TypeError', message: 'A rule must be a function (user, context, callback).', unauthorized: false } });
}
return new Promise((resolve) => {
  let settled = false;
  const settle = (result) => { if (!settled) { settled = true; resolve(finish(result)); } };
  const callback = (error, _user, ctx) => {
    if (error) settle({ status: 'error', error: describe(error) });
    else settle({ status: 'ok', context: pick(ctx !== null && typeof ctx === 'object' ? ctx : context) });
  };
  try {
    const returned = rule(input.user, context, callback);
    if (returned !== null && typeof returned === 'object' && typeof returned.then === 'function') {
      returned.then(undefined, (error) => settle({ status: 'error', error: describe(error) }));
    }
  } catch (error) {
    settle({ status: 'error', error: describe(error) });
  }
});
`;

/**
 * A post-login action: `exports.onExecutePostLogin = async (event, api) => {}` (auth0-wire.md §6.4).
 * The `api` methods record commands in order; the host applies them. `fetch` and `require` are not
 * offered (server/README.md).
 */
export const actionHarness = `${prelude}
const commands = [];
const api = {};
const push = (command) => { commands.push(command); return api; };
api.access = { deny: (reason) => push({ op: 'deny', reason: String(reason ?? '') }) };
api.accessToken = {
  setCustomClaim: (name, value) => push({ op: 'accessToken.setCustomClaim', name: String(name), value }),
  addScope: (scope) => push({ op: 'accessToken.addScope', scope: String(scope) }),
  removeScope: (scope) => push({ op: 'accessToken.removeScope', scope: String(scope) }),
};
api.idToken = { setCustomClaim: (name, value) => push({ op: 'idToken.setCustomClaim', name: String(name), value }) };
api.multifactor = {
  enable: (provider, options) => push({ op: 'multifactor.enable', provider: String(provider ?? 'any'), allowRememberBrowser: Boolean(options && options.allowRememberBrowser) }),
};
api.redirect = {
  canRedirect: () => false,
  sendUserTo: (url) => push({ op: 'redirect', url: String(url) }),
};
const module = { exports: {} };
try {
  const load = (0, eval)('(function (exports, module) {\\n' + $1 + '\\n})');
  load(module.exports, module);
} catch (error) {
  return finish({ status: 'error', error: describe(error), commands });
}
const handler = module.exports && module.exports.onExecutePostLogin;
if (typeof handler !== 'function') return finish({ status: 'ok', commands });
return (async () => {
  try {
    await handler(input.event, api);
    return finish({ status: 'ok', commands });
  } catch (error) {
    return finish({ status: 'error', error: describe(error), commands });
  }
})();
`;
