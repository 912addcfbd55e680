import { parse } from 'acorn';
import {
  childrenOf,
  declaredNames,
  field,
  fields,
  identifierName,
  isFunction,
  nonReferenceChildren,
  staticProperty,
  type SyntaxNode,
} from './syntax-tree';
import { contextFields, contextWithoutEquivalent, dependencyOf, requestFields, statsFields } from './rule-idioms';

/** A line the assistant could not translate: where it was in the rule, where its TODO sits in the draft. */
export interface MigrationTodo {
  readonly ruleLine: number;
  readonly draftLine: number;
  readonly reason: string;
  /** The code it is about, as written in the rule (first line, shortened). */
  readonly snippet: string;
}

export interface RuleTranslation {
  readonly ok: true;
  /** The post-login action's source. */
  readonly code: string;
  readonly todos: readonly MigrationTodo[];
  /** `configuration.X` names: each becomes a secret of the action, to create with its value. */
  readonly secrets: readonly string[];
  /** `require('name@version')` modules: the action's dependencies. */
  readonly dependencies: readonly { readonly name: string; readonly version: string }[];
  /** Behaviour that changes although the translation is faithful (said in the UI next to the comparison). */
  readonly notes: readonly string[];
}

export type TranslateOutcome =
  RuleTranslation | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

export const todoMarker = 'TODO(migrate)';

interface Scope {
  /** The nearest function is the rule itself: `return` there ends the handler. */
  readonly inRule: boolean;
  readonly shadowed: ReadonlySet<string>;
}

interface PendingTodo {
  readonly ruleLine: number;
  readonly reason: string;
  readonly snippet: string;
  placed: boolean;
}

/** Statements a TODO comment may precede (not a `for (let …)` header's declaration). */
const statementLike = (node: SyntaxNode, parent: SyntaxNode | undefined) =>
  (node.type.endsWith('Statement') || node.type.endsWith('Declaration')) &&
  node.type !== 'BlockStatement' &&
  !(node.type === 'VariableDeclaration' && parent !== undefined && parent.type.startsWith('For'));

/**
 * Walks one rule's syntax tree and writes the action: each node's text is its source with its children's
 * translations spliced in by range, so untouched code keeps its formatting and comments.
 */
class RuleTranslator {
  readonly todos: PendingTodo[] = [];
  readonly secrets = new Set<string>();
  readonly dependencies = new Map<string, string>();
  readonly notes = new Set<string>();

  constructor(
    private readonly source: string,
    private readonly rule: SyntaxNode,
    private readonly names: { user?: string; context?: string; callback?: string },
  ) {}

  text(node: SyntaxNode): string {
    return this.source.slice(node.start, node.end);
  }

  /** The body of the rule function, translated, without its braces. */
  body(): string {
    const body = field(this.rule, 'body');
    if (!body) return '';
    return this.splice(body, { inRule: true, shadowed: new Set() }, body.start + 1, body.end - 1);
  }

  private todo(node: SyntaxNode, reason: string): string {
    const firstLine = this.text(node).split('\n')[0] ?? '';
    const snippet = firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
    this.todos.push({ ruleLine: node.loc?.start.line ?? 0, reason, snippet, placed: false });
    return this.text(node);
  }

  /** Source from `from` to `to` with each child's translation in place of its text. */
  private splice(node: SyntaxNode, scope: Scope, from = node.start, to = node.end): string {
    const raw = nonReferenceChildren(node);
    let out = '';
    let at = from;
    for (const child of childrenOf(node)) {
      if (child.start < from || child.end > to) continue;
      out += this.source.slice(at, child.start) + (raw.has(child) ? this.text(child) : this.emit(child, node, scope));
      at = child.end;
    }
    return out + this.source.slice(at, to);
  }

  private refersTo(node: SyntaxNode | undefined, name: string | undefined, scope: Scope): boolean {
    return name !== undefined && identifierName(node) === name && !scope.shadowed.has(name);
  }

  private emit(node: SyntaxNode, parent: SyntaxNode | undefined, scope: Scope): string {
    if (!statementLike(node, parent)) return this.translate(node, parent, scope);
    const before = this.todos.length;
    const out = this.translate(node, parent, scope);
    const fresh = this.todos.slice(before).filter((todo) => !todo.placed);
    if (fresh.length === 0) return out;
    const lineStart = this.source.lastIndexOf('\n', node.start - 1) + 1;
    const indent = /^[ \t]*/.exec(this.source.slice(lineStart))?.[0] ?? '';
    const comments = fresh.map((todo) => {
      todo.placed = true;
      return `// ${todoMarker} rule line ${todo.ruleLine}: ${todo.reason}\n${indent}`;
    });
    return comments.join('') + out;
  }

  private translate(node: SyntaxNode, parent: SyntaxNode | undefined, scope: Scope): string {
    if (isFunction(node) && node !== this.rule) {
      const inner = declaredNames(node);
      const shadowed = new Set([...scope.shadowed, ...inner]);
      return this.splice(node, { inRule: false, shadowed });
    }
    switch (node.type) {
      case 'ExpressionStatement':
      case 'ReturnStatement': {
        const expression = field(node, node.type === 'ReturnStatement' ? 'argument' : 'expression');
        const done = expression && this.statement(expression, node, scope);
        return done ?? this.splice(node, scope);
      }
      case 'Property': {
        // `{ user }` is key and value at once: spell it out when the value changes.
        const value = field(node, 'value');
        if (node['shorthand'] !== true || !value) return this.splice(node, scope);
        const emitted = this.emit(value, node, scope);
        return emitted === this.text(value) ? this.text(node) : `${this.text(value)}: ${emitted}`;
      }
      case 'AssignmentExpression':
        return this.assignmentElsewhere(node, scope) ?? this.splice(node, scope);
      case 'MemberExpression':
        return this.member(node, scope) ?? this.splice(node, scope);
      case 'CallExpression':
        return this.call(node, scope) ?? this.splice(node, scope);
      case 'Identifier':
        return this.identifier(node, parent, scope);
      default:
        return this.splice(node, scope);
    }
  }

  /** A whole statement the assistant rewrites: a claim, MFA, a redirect, or the callback. */
  private statement(expression: SyntaxNode, owner: SyntaxNode, scope: Scope): string | undefined {
    if (expression.type === 'AssignmentExpression' && owner.type === 'ExpressionStatement') {
      return this.assignment(expression, owner, scope);
    }
    if (
      expression.type === 'CallExpression' &&
      this.refersTo(field(expression, 'callee'), this.names.callback, scope)
    ) {
      return this.callback(expression, owner, scope);
    }
    return undefined;
  }

  /** `context.<token>` when `node` is exactly that; the token's name. */
  private contextField(node: SyntaxNode | undefined, scope: Scope): string | undefined {
    if (node?.type !== 'MemberExpression' || !this.refersTo(field(node, 'object'), this.names.context, scope)) {
      return undefined;
    }
    return staticProperty(node);
  }

  private assignment(node: SyntaxNode, owner: SyntaxNode, scope: Scope): string | undefined {
    const left = field(node, 'left');
    const right = field(node, 'right');
    if (!left || !right || left.type !== 'MemberExpression') return undefined;
    const token = this.contextField(field(left, 'object'), scope);
    if (token === 'idToken' || token === 'accessToken') {
      if (node['operator'] !== '=') return this.todo(owner, 'a claim changed in place: compute the value, then set it');
      const property = field(left, 'property');
      const name = staticProperty(left);
      if (token === 'accessToken' && name === 'scope') {
        return this.todo(owner, 'use api.accessToken.addScope(…) / removeScope(…) for each scope');
      }
      const key =
        name !== undefined ? `'${name.replaceAll("'", "\\'")}'` : property ? this.emit(property, left, scope) : '';
      return `api.${token}.setCustomClaim(${key}, ${this.emit(right, node, scope)});`;
    }
    const target = this.contextField(left, scope);
    if (target === 'multifactor' && node['operator'] === '=') return this.multifactor(owner, right, scope);
    if (target === 'redirect' && node['operator'] === '=' && right.type === 'ObjectExpression') {
      const url = this.objectValue(right, 'url');
      if (url) return `api.redirect.sendUserTo(${this.emit(url, right, scope)});`;
    }
    return undefined;
  }

  private objectValue(object: SyntaxNode, key: string): SyntaxNode | undefined {
    const property = fields(object, 'properties').find(
      (candidate) =>
        candidate.type === 'Property' &&
        candidate['computed'] !== true &&
        (identifierName(field(candidate, 'key')) === key || field(candidate, 'key')?.['value'] === key),
    );
    return property && field(property, 'value');
  }

  private multifactor(node: SyntaxNode, right: SyntaxNode, scope: Scope): string {
    if (right.type !== 'ObjectExpression') return this.todo(node, 'call api.multifactor.enable(provider) instead');
    const provider = this.objectValue(right, 'provider');
    const remember = this.objectValue(right, 'allowRememberBrowser');
    const known = new Set(['provider', 'allowRememberBrowser']);
    const others = fields(right, 'properties').filter(
      (property) => !known.has(identifierName(field(property, 'key')) ?? String(field(property, 'key')?.['value'])),
    );
    if (others.length > 0) this.todo(node, 'only provider and allowRememberBrowser were carried over');
    const args = [provider ? this.emit(provider, right, scope) : "'any'"];
    if (remember) args.push(`{ allowRememberBrowser: ${this.emit(remember, right, scope)} }`);
    return `api.multifactor.enable(${args.join(', ')});`;
  }

  /** `callback(null, user, context)` ends the handler; `callback(new UnauthorizedError(m))` denies. */
  private callback(call: SyntaxNode, owner: SyntaxNode, scope: Scope): string {
    if (!scope.inRule) {
      return this.todo(owner, 'callback called inside a nested function: await the work in the handler, then return');
    }
    const [first] = fields(call, 'arguments');
    if (
      first === undefined ||
      (first.type === 'Literal' && first['value'] === null) ||
      identifierName(first) === 'undefined'
    ) {
      return 'return;';
    }
    const errorClass = first.type === 'NewExpression' ? identifierName(field(first, 'callee')) : undefined;
    const [message] = first.type === 'NewExpression' ? fields(first, 'arguments') : [];
    if ((errorClass === 'UnauthorizedError' || errorClass === 'Error') && message) {
      if (errorClass === 'UnauthorizedError') {
        this.notes.add(
          'A refusal the rule answered with error "unauthorized" answers "access_denied" from api.access.deny.',
        );
      }
      return `return api.access.deny(${this.emit(message, first, scope)});`;
    }
    return this.todo(owner, 'pass the refusal reason to api.access.deny(reason) and return');
  }

  /** An assignment that is not its own statement (or one `statement` left alone). */
  private assignmentElsewhere(node: SyntaxNode, scope: Scope): string | undefined {
    let root = field(node, 'left');
    while (root?.type === 'MemberExpression') root = field(root, 'object');
    if (this.refersTo(root, this.names.user, scope)) {
      return this.todo(node, 'event.user is read-only: use api.user.setAppMetadata / setUserMetadata');
    }
    if (this.refersTo(root, this.names.context, scope)) {
      return this.todo(node, 'no Actions equivalent for changing context like this');
    }
    return undefined;
  }

  private member(node: SyntaxNode, scope: Scope): string | undefined {
    const object = field(node, 'object');
    const name = staticProperty(node);
    if (this.refersTo(object, 'configuration', scope)) {
      if (name === undefined) {
        return this.todo(node, 'a configuration key chosen at run time: create each secret it can name');
      }
      this.secrets.add(name);
      return /^[A-Za-z_$][\w$]*$/.test(name) ? `event.secrets.${name}` : `event.secrets['${name}']`;
    }
    const group = this.contextField(object, scope);
    if (group === 'request' || group === 'stats') {
      const mapped = name === undefined ? undefined : (group === 'request' ? requestFields : statsFields)[name];
      return mapped ?? this.todo(node, `no known event field for context.${group}.${name ?? '[…]'}`);
    }
    if (!this.refersTo(object, this.names.context, scope)) return undefined;
    if (name !== undefined && contextFields[name] !== undefined) return contextFields[name];
    if (name === 'idToken' || name === 'accessToken') {
      return this.todo(
        node,
        'Actions cannot read claims back: keep the value in a variable and set it with setCustomClaim',
      );
    }
    if (name === 'request') return this.todo(node, 'use event.request (its fields are snake_case: user_agent)');
    const reason = name === undefined ? undefined : contextWithoutEquivalent[name];
    return this.todo(node, reason ?? `no known Actions equivalent for context.${name ?? '[…]'}`);
  }

  private call(node: SyntaxNode, scope: Scope): string | undefined {
    const callee = field(node, 'callee');
    const [specifier] = fields(node, 'arguments');
    if (!this.refersTo(callee, 'require', scope) || specifier?.type !== 'Literal') return undefined;
    const value = specifier['value'];
    if (typeof value !== 'string') return undefined;
    const dependency = dependencyOf(value);
    if (!dependency) return undefined;
    this.dependencies.set(dependency.name, dependency.version);
    return `require('${dependency.name}')`;
  }

  private identifier(node: SyntaxNode, parent: SyntaxNode | undefined, scope: Scope): string {
    const name = identifierName(node);
    if (name === undefined || scope.shadowed.has(name)) return this.text(node);
    if (name === this.names.user) return 'event.user';
    if (name === this.names.context)
      return this.todo(parent ?? node, 'context used as a whole: pass the event fields it needs');
    if (name === this.names.callback)
      return this.todo(parent ?? node, 'callback used as a value: return or deny in the handler');
    if (name === 'global')
      return this.todo(parent ?? node, 'Actions have no global: cache with api.cache.set / event.cache');
    if (name === 'auth0')
      return this.todo(parent ?? node, 'no auth0 client in Actions: call the Management API with an M2M client');
    if (name === 'configuration') return this.todo(parent ?? node, 'configuration used as a whole: use event.secrets');
    if (name === 'UnauthorizedError') return this.todo(parent ?? node, 'deny with api.access.deny(reason)');
    return this.text(node);
  }
}

function draftLines(code: string, todos: readonly PendingTodo[]): MigrationTodo[] {
  const lines = code.split('\n');
  const used = new Set<number>();
  return todos.map((todo) => {
    const comment = `${todoMarker} rule line ${todo.ruleLine}: ${todo.reason}`;
    const index = lines.findIndex((line, at) => !used.has(at) && line.includes(comment));
    used.add(index);
    return { ruleLine: todo.ruleLine, draftLine: index + 1, reason: todo.reason, snippet: todo.snippet };
  });
}

const notAFunction = 'A rule is one function (user, context, callback) { … }.';

/**
 * Drafts a post-login action that does what `script` (a rule) does. It parses the rule with acorn and
 * rewrites the known idioms node by node (never with regular expressions over the text); every line it
 * cannot translate keeps its rule code under a `// TODO(migrate) rule line N: why` comment.
 */
export function translateRule(script: string, ruleName = 'the rule'): TranslateOutcome {
  // A rule is an anonymous function expression, which is not a statement on its own: parse it in parens.
  const source = `(${script}\n)`;
  let program: SyntaxNode;
  try {
    program = parse(source, { ecmaVersion: 'latest', locations: true }) as unknown as SyntaxNode;
  } catch (error) {
    // acorn's columns are 0-based; on line 1 the added "(" shifts them by one more.
    const loc = (error as { loc?: { line: number; column: number } }).loc ?? { line: 1, column: 0 };
    const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : String(error);
    return { ok: false, line: loc.line, column: loc.line === 1 ? Math.max(loc.column, 1) : loc.column + 1, message };
  }
  const [statement, ...rest] = fields(program, 'body');
  const fn = statement && rest.length === 0 ? field(statement, 'expression') : undefined;
  if (!fn || !isFunction(fn) || field(fn, 'body')?.type !== 'BlockStatement') {
    return { ok: false, line: 1, column: 1, message: notAFunction };
  }
  const [user, context, callback] = fields(fn, 'params').map(identifierName);
  const translator = new RuleTranslator(source, fn, {
    ...(user !== undefined && { user }),
    ...(context !== undefined && { context }),
    ...(callback !== undefined && { callback }),
  });
  const body = translator.body();
  const todoCount = translator.todos.length;
  const code = [
    '/**',
    ' * Post-login action drafted by the Rules-to-Actions assistant',
    ` * from the rule “${ruleName}”.`,
    todoCount === 0
      ? ' * Every line was translated; compare the dry runs before you deploy it.'
      : ` * ${todoCount} place(s) need your hand: search for ${todoMarker}.`,
    ' */',
    `exports.onExecutePostLogin = async (event, api) => {${body}};`,
    '',
  ].join('\n');
  return {
    ok: true,
    code,
    todos: draftLines(code, translator.todos).sort((a, b) => a.ruleLine - b.ruleLine),
    secrets: [...translator.secrets].sort(),
    dependencies: [...translator.dependencies].map(([name, version]) => ({ name, version })),
    notes: [...translator.notes],
  };
}
