import { describe, expect, it } from 'vitest';
import { syntaxProblems } from '../../../../../renderer/features/admin/shared/code-syntax';

const goodRule = `function (user, context, callback) {
  context.idToken['https://example.com/role'] = 'admin';
  return callback(null, user, context);
}`;

const goodAction = `const crypto = require('crypto');
exports.onExecutePostLogin = async (event, api) => {
  const found = await Promise.resolve(event.user.email);
  api.idToken.setCustomClaim('https://example.com/email', found);
};`;

describe('syntaxProblems', () => {
  it('accepts a rule written as an anonymous function, as the server compiles it', () => {
    expect(syntaxProblems(goodRule, 'rule')).toEqual([]);
  });

  it('accepts an action module with require, async arrows and modern syntax', () => {
    expect(syntaxProblems(goodAction, 'action')).toEqual([]);
    expect(syntaxProblems('exports.x = event?.user ?? null;\nexports.y = 1n;', 'action')).toEqual([]);
  });

  it('places the error at the line and column of the admin text, not the wrapped text', () => {
    const broken = 'function (user, context, callback) {\n  const x = ;\n  callback(null, user, context);\n}';
    const [problem, ...rest] = syntaxProblems(broken, 'rule');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 2, column: 13, message: 'Unexpected token' });
    expect(broken.slice(problem?.from, problem?.to)).toBe(';');
  });

  it('reports an action error on the right line despite the module wrapper', () => {
    const [problem] = syntaxProblems('exports.onExecutePostLogin = async (event, api) => {\n  api.deny(\n};', 'action');
    expect(problem?.line).toBe(3);
  });

  it('reports a missing closing brace at the end of the text, not past it', () => {
    const source = 'function (user, context, callback) {\n  callback(null, user, context);\n';
    const [problem] = syntaxProblems(source, 'rule');
    expect(problem).toBeDefined();
    expect(problem?.from).toBeLessThanOrEqual(source.length);
    expect(problem?.to).toBeLessThanOrEqual(source.length);
  });

  it('refuses two statements as a rule: the server evaluates one expression', () => {
    expect(syntaxProblems('function (u, c, cb) { cb(); }\nfunction other() {}', 'rule')).toHaveLength(1);
  });

  it('says nothing about an empty text: the form says a script is needed', () => {
    expect(syntaxProblems('  \n', 'rule')).toEqual([]);
  });
});
