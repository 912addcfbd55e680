import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import {
  translateRule,
  type RuleTranslation,
  type TranslateOutcome,
} from '../../../../../../renderer/features/admin/actions/assistant/translate-rule';
import { DEMO_RULE_SCRIPT } from '../../../../../../server/seed/demo-extensibility';

const rule = (body: string) => `function (user, context, callback) {\n${body}\n}`;

function translated(outcome: TranslateOutcome): RuleTranslation {
  if (!outcome.ok) throw new Error(`not translated: ${outcome.message}`);
  // Every draft must at least be JavaScript an action runtime can load.
  expect(() => parse(outcome.code, { ecmaVersion: 'latest', sourceType: 'script' })).not.toThrow();
  return outcome;
}

/** The handler's body lines, trimmed, without the blank ones. */
const bodyOf = (code: string) =>
  code
    .slice(code.indexOf('async (event, api) => {') + 'async (event, api) => {'.length, code.lastIndexOf('};'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

describe('translateRule: the patterns it translates', () => {
  it('wraps the rule body in exports.onExecutePostLogin', () => {
    const out = translated(translateRule(rule('  callback(null, user, context);'), 'Noop'));
    expect(out.code).toContain('exports.onExecutePostLogin = async (event, api) => {');
    expect(out.code).toContain('from the rule “Noop”');
    expect(bodyOf(out.code)).toEqual(['return;']);
    expect(out.todos).toEqual([]);
  });

  it('ID and access token claims become setCustomClaim calls, for dotted, quoted and computed names', () => {
    const out = translated(
      translateRule(
        rule(
          [
            "  context.idToken['https://ns/claim'] = 'x';",
            "  context.accessToken['https://ns/' + 'other'] = user.email;",
            '  context.idToken.plain = 1;',
          ].join('\n'),
        ),
      ),
    );
    expect(bodyOf(out.code)).toEqual([
      "api.idToken.setCustomClaim('https://ns/claim', 'x');",
      "api.accessToken.setCustomClaim('https://ns/' + 'other', event.user.email);",
      "api.idToken.setCustomClaim('plain', 1);",
    ]);
  });

  it('context.multifactor becomes api.multifactor.enable, keeping allowRememberBrowser', () => {
    const out = translated(
      translateRule(
        rule(
          [
            "  context.multifactor = { provider: 'any' };",
            "  if (user.app_metadata.strict) context.multifactor = { provider: 'guardian', allowRememberBrowser: false };",
          ].join('\n'),
        ),
      ),
    );
    expect(bodyOf(out.code)).toEqual([
      "api.multifactor.enable('any');",
      "if (event.user.app_metadata.strict) api.multifactor.enable('guardian', { allowRememberBrowser: false });",
    ]);
  });

  it('callback(new UnauthorizedError(msg)) and callback(new Error(msg)) deny, with the error-code change noted', () => {
    const out = translated(
      translateRule(
        rule(
          [
            "  if (!user.email_verified) return callback(new UnauthorizedError('Verify your e-mail first.'));",
            "  if (user.blocked) { callback(new Error('blocked')); }",
            '  return callback(null, user, context);',
          ].join('\n'),
        ),
      ),
    );
    expect(bodyOf(out.code)).toEqual([
      "if (!event.user.email_verified) return api.access.deny('Verify your e-mail first.');",
      "if (event.user.blocked) { return api.access.deny('blocked'); }",
      'return;',
    ]);
    expect(out.notes.join(' ')).toMatch(/unauthorized.*access_denied/);
  });

  it('configuration.KEY becomes event.secrets.KEY and lists each secret once', () => {
    const out = translated(
      translateRule(
        rule(
          [
            '  const key = configuration.API_KEY;',
            "  const url = configuration['SERVICE_URL'] + configuration.API_KEY;",
          ].join('\n'),
        ),
      ),
    );
    expect(bodyOf(out.code)).toEqual([
      'const key = event.secrets.API_KEY;',
      'const url = event.secrets.SERVICE_URL + event.secrets.API_KEY;',
    ]);
    expect(out.secrets).toEqual(['API_KEY', 'SERVICE_URL']);
  });

  it('user fields, including app_metadata and shorthand properties, read from event.user', () => {
    const out = translated(
      translateRule(
        rule(
          [
            '  const plan = user.app_metadata.plan || "free";',
            '  const who = { id: user.user_id, email: user.email, user };',
          ].join('\n'),
        ),
      ),
    );
    expect(bodyOf(out.code)).toEqual([
      'const plan = event.user.app_metadata.plan || "free";',
      'const who = { id: event.user.user_id, email: event.user.email, user: event.user };',
    ]);
  });

  it('context client, connection, request and stats fields map to their event fields', () => {
    const out = translated(
      translateRule(
        rule(
          [
            '  const a = [context.clientID, context.clientName, context.connection, context.request.ip];',
            '  const b = [context.request.userAgent, context.stats.loginsCount, context.protocol, context.authorization.roles];',
          ].join('\n'),
        ),
      ),
    );
    expect(bodyOf(out.code)).toEqual([
      'const a = [event.client.client_id, event.client.name, event.connection.name, event.request.ip];',
      'const b = [event.request.user_agent, event.stats.logins_count, event.transaction.protocol, event.authorization.roles];',
    ]);
    expect(out.todos).toEqual([]);
  });

  it('uses the names the rule gave its parameters', () => {
    const out = translated(
      translateRule("function (u, ctx, done) {\n  ctx.idToken['https://ns/e'] = u.email;\n  done(null, u, ctx);\n}"),
    );
    expect(bodyOf(out.code)).toEqual(["api.idToken.setCustomClaim('https://ns/e', event.user.email);", 'return;']);
  });

  it('require("name@version") becomes a dependency, built-in modules do not', () => {
    const out = translated(
      translateRule(rule("  const _ = require('lodash@4.17.21');\n  const crypto = require('crypto');")),
    );
    expect(bodyOf(out.code)).toEqual(["const _ = require('lodash');", "const crypto = require('crypto');"]);
    expect(out.dependencies).toEqual([{ name: 'lodash', version: '4.17.21' }]);
  });

  it('leaves a nested function’s own `user` parameter alone', () => {
    const out = translated(
      translateRule(
        rule('  const names = [user].map(function (user) { return user.name; });\n  callback(null, user, context);'),
      ),
    );
    expect(bodyOf(out.code)).toEqual([
      'const names = [event.user].map(function (user) { return user.name; });',
      'return;',
    ]);
  });
});

describe('translateRule: what it cannot translate is marked', () => {
  it('marks each untranslatable line with a TODO(migrate) comment above it, and lists rule and draft lines', () => {
    const script = rule(
      [
        "  context.idToken['https://ns/a'] = 1;", // line 2
        "  context.accessToken.scope = ['read:all'];", // line 3
        '  user.app_metadata.seen = true;', // line 4
        '  global.cache = {};', // line 5
        '  request.get(url, function (err, res) {', // line 6
        '    callback(null, user, context);', // line 7
        '  });',
      ].join('\n'),
    );
    const out = translated(translateRule(script, 'Mixed'));
    expect(out.todos.map((todo) => todo.ruleLine)).toEqual([3, 4, 5, 7]);
    const lines = out.code.split('\n');
    for (const todo of out.todos) {
      expect(lines[todo.draftLine - 1]).toContain(`TODO(migrate) rule line ${todo.ruleLine}: ${todo.reason}`);
      // The untranslated code itself follows its comment.
      expect(lines[todo.draftLine]).toContain(todo.snippet.trim());
    }
    expect(out.todos[0]?.reason).toMatch(/addScope/);
    expect(out.todos[1]?.reason).toMatch(/read-only.*setAppMetadata/);
    expect(out.todos[2]?.reason).toMatch(/no global/);
    expect(out.todos[3]?.reason).toMatch(/nested function/);
    expect(out.code).toContain('4 place(s) need your hand');
    // The translatable line still is.
    expect(out.code).toContain("api.idToken.setCustomClaim('https://ns/a', 1);");
  });

  it('marks unknown context fields, claims read back, auth0 and a callback with a non-literal error', () => {
    const out = translated(
      translateRule(
        rule(
          [
            '  const s = context.sso.with_auth0;',
            "  const c = context.idToken['https://ns/a'];",
            '  auth0.users.updateAppMetadata(user.user_id, {});',
            '  callback(err);',
          ].join('\n'),
        ),
      ),
    );
    expect(out.todos.map((todo) => todo.ruleLine)).toEqual([2, 3, 4, 5]);
    expect(out.todos.map((todo) => todo.reason).join('\n')).toMatch(
      /sso[\s\S]*read claims back[\s\S]*auth0[\s\S]*deny/,
    );
  });

  it('answers a syntax error with its line and column instead of a draft', () => {
    const outcome = translateRule('function (user, context, callback) {\n  const = 1;\n}');
    expect(outcome).toMatchObject({ ok: false, line: 2, column: 9 });
  });

  it('refuses a script that is not one function', () => {
    expect(translateRule('[user, context]')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/one function/),
    });
  });
});

describe('translateRule: the demo tenant’s rule', () => {
  it('translates “Add realm and roles claims” completely', () => {
    const out = translated(translateRule(DEMO_RULE_SCRIPT, 'Add realm and roles claims'));
    expect(out.todos).toEqual([]);
    expect(out.secrets).toEqual([]);
    expect(bodyOf(out.code)).toEqual([
      "const namespace = 'https://gatehouse.test/';",
      'const roles = (event.authorization && event.authorization.roles) || [];',
      "api.idToken.setCustomClaim(namespace + 'realm', event.connection.name);",
      "api.idToken.setCustomClaim(namespace + 'roles', roles);",
      "api.accessToken.setCustomClaim(namespace + 'realm', event.connection.name);",
      "api.accessToken.setCustomClaim(namespace + 'roles', roles);",
      'return;',
    ]);
  });
});
