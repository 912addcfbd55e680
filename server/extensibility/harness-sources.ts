/**
 * JavaScript that runs *inside* the isolate around an admin's script. Each harness is a function
 * expression `(source) => run`: it is compiled once per isolate, called once per warm context with the
 * script's source, and the `run(inputJson)` it returns is called once per login and returns one JSON
 * string (or a promise of one).
 *
 * The admin's source is evaluated lazily, inside the first `run`, so its compile errors, top-level
 * side effects and console output belong to a login, under that login's time limit.
 *
 * Nothing from the host is reachable from here: no references, no callbacks, no require, process,
 * timers, network or file system. `console.*` and the Actions `api` only record into arrays that come
 * back as JSON. The host re-validates everything it gets back, since the script can tamper with any of
 * this: it shares the context with the harness, for this run and for later runs of the same script
 * version (server/README.md "Warm sandbox contexts"). Different scripts never share a context.
 */

/**
 * Shared start: keep the intrinsics the harness needs before any script runs, and capture console
 * output into the current run's array. `begin(json)` starts a run: it parses the input and resets the
 * console capture.
 */
const prelude = `
const stringify = JSON.stringify;
const parse = JSON.parse;
const Promise = globalThis.Promise;
let logs = [];
let logBytes = 0;
let logsCut = false;
let maxConsoleBytes = 0;
const show = (value) => {
  if (typeof value === 'string') return value;
  try { const text = stringify(value); return text === undefined ? String(value) : text; } catch { return String(value); }
};
const record = (level) => (...values) => {
  if (logsCut) return;
  const line = values.map(show).join(' ');
  // Counts each entry's JSON wrapping too, so the cap bounds what is sent back.
  logBytes += line.length + 32;
  if (logBytes > maxConsoleBytes) { logsCut = true; logs.push({ level: 'warn', line: '[console output cut]' }); return; }
  logs.push({ level, line });
};
globalThis.console = { log: record('log'), info: record('info'), warn: record('warn'), error: record('error'), debug: record('debug') };
const describe = (error) => {
  if (error !== null && typeof error === 'object') {
    return { name: String(error.name ?? 'Error'), message: String(error.message ?? ''), unauthorized: error.name === 'UnauthorizedError' };
  }
  return { name: 'Error', message: String(error), unauthorized: false };
};
const begin = (json) => {
  const input = parse(json);
  logs = [];
  logBytes = 0;
  logsCut = false;
  maxConsoleBytes = input.limits.maxConsoleBytes;
  return input;
};
const finish = (result) => {
  try { return stringify({ ...result, logs }); } catch (error) { return stringify({ status: 'error', error: describe(error), logs }); }
};
`;

/**
 * A legacy rule: `function (user, context, callback)` (auth0-wire.md §6.2). A run ends when `callback`
 * is first called; a throw or a rejected promise is an error too. Compiled with indirect eval so it sees
 * only globals, not the harness's variables. `global` is created once per context, so it persists
 * across the rule's runs as on Auth0 (https://auth0.com/docs/customize/rules/cache-resources).
 */
export const ruleHarness = `(function (source) {
${prelude}
class UnauthorizedError extends Error { constructor(message) { super(message); this.name = 'UnauthorizedError'; } }
globalThis.UnauthorizedError = UnauthorizedError;
globalThis.global = {};
const pick = (ctx) => ({ accessToken: ctx.accessToken, idToken: ctx.idToken, multifactor: ctx.multifactor, redirect: ctx.redirect });
let loaded = false;
let loadFailed = false;
let loadError;
let rule;
return function run(json) {
  const input = begin(json);
  globalThis.configuration = input.configuration;
  if (!loaded) {
    loaded = true;
    try { rule = (0, eval)('(' + source + '\\n)'); } catch (error) { loadFailed = true; loadError = error; }
  }
  if (loadFailed) return finish({ status: 'error', error: describe(loadError) });
  if (typeof rule !== 'function') {
    return finish({ status: 'error', error: { name: 'TypeError', message: 'A rule must be a function (user, context, callback).', unauthorized: false } });
  }
  const context = input.context;
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
};
})`;

/**
 * A post-login action: `exports.onExecutePostLogin = async (event, api) => {}` (auth0-wire.md §6.4).
 * The module body runs once per context (as Auth0 keeps a module loaded between executions); each run
 * gets a fresh `api` whose methods record commands in order, and the host applies them. `fetch` and
 * `require` are not offered (server/README.md).
 */
export const actionHarness = `(function (source) {
${prelude}
const makeApi = () => {
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
  return { api, commands };
};
const module = { exports: {} };
let loaded = false;
let loadFailed = false;
let loadError;
return function run(json) {
  const input = begin(json);
  const { api, commands } = makeApi();
  if (!loaded) {
    loaded = true;
    try {
      const load = (0, eval)('(function (exports, module) {\\n' + source + '\\n})');
      load(module.exports, module);
    } catch (error) {
      loadFailed = true;
      loadError = error;
    }
  }
  if (loadFailed) return finish({ status: 'error', error: describe(loadError), commands });
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
};
})`;

/** Which harness a script runs in. */
export type HarnessKind = 'rule' | 'action';

/** The harness source of each kind. */
export const harnessSources: Readonly<Record<HarnessKind, string>> = { rule: ruleHarness, action: actionHarness };
