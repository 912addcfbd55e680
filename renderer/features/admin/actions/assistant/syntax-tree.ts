import type { Node } from 'acorn';

/** An acorn node with its fields reachable by name (the walk below looks at them generically). */
export type SyntaxNode = Node & { readonly [field: string]: unknown };

export const isNode = (value: unknown): value is SyntaxNode =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { type?: unknown }).type === 'string' &&
  typeof (value as { start?: unknown }).start === 'number';

/** A node's field as a node, if it is one. */
export const field = (node: SyntaxNode, name: string): SyntaxNode | undefined => {
  const value = node[name];
  return isNode(value) ? value : undefined;
};

/** A node's field as a list of nodes (holes and non-nodes left out). */
export const fields = (node: SyntaxNode, name: string): SyntaxNode[] => {
  const value = node[name];
  return Array.isArray(value) ? value.filter(isNode) : [];
};

/** The child nodes in source order. A shorthand property holds the same node as key and value: once here. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const found = new Set<SyntaxNode>();
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) for (const item of value) if (isNode(item)) found.add(item);
    if (isNode(value)) found.add(value);
  }
  return [...found].sort((a, b) => a.start - b.start);
}

export const isFunction = (node: SyntaxNode) =>
  node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression';

export const identifierName = (node: SyntaxNode | undefined): string | undefined =>
  node?.type === 'Identifier' && typeof node['name'] === 'string' ? node['name'] : undefined;

/** `a.b` or `a['b']`: the property's name when it is written out; undefined for `a[expr]`. */
export function staticProperty(member: SyntaxNode): string | undefined {
  const property = field(member, 'property');
  if (member['computed'] !== true) return identifierName(property);
  return property?.type === 'Literal' && typeof property['value'] === 'string' ? property['value'] : undefined;
}

/** The names a binding pattern declares (`a`, `{a, b: c}`, `[d, ...e]`, `f = 1`). */
export function patternNames(pattern: SyntaxNode | undefined): string[] {
  if (pattern === undefined) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [identifierName(pattern) ?? ''];
    case 'ObjectPattern':
      return fields(pattern, 'properties').flatMap((property) =>
        property.type === 'RestElement'
          ? patternNames(field(property, 'argument'))
          : patternNames(field(property, 'value')),
      );
    case 'ArrayPattern':
      return fields(pattern, 'elements').flatMap(patternNames);
    case 'AssignmentPattern':
      return patternNames(field(pattern, 'left'));
    case 'RestElement':
      return patternNames(field(pattern, 'argument'));
    default:
      return [];
  }
}

/** The names a function declares for its own body: parameters, `var`/`let`/`const`, inner function names. */
export function declaredNames(fn: SyntaxNode): Set<string> {
  const names = new Set(fields(fn, 'params').flatMap(patternNames));
  const visit = (node: SyntaxNode) => {
    if (node.type === 'VariableDeclarator') for (const name of patternNames(field(node, 'id'))) names.add(name);
    if (node.type === 'FunctionDeclaration') {
      const name = identifierName(field(node, 'id'));
      if (name !== undefined) names.add(name);
    }
    if (isFunction(node)) return;
    childrenOf(node).forEach(visit);
  };
  const body = field(fn, 'body');
  if (body) childrenOf(body).forEach(visit);
  return names;
}

/** The children a parent emits as written: names that are not references (keys, parameters, labels). */
export function nonReferenceChildren(node: SyntaxNode): Set<SyntaxNode> {
  const raw = new Set<SyntaxNode>();
  const add = (child: SyntaxNode | undefined) => child && raw.add(child);
  switch (node.type) {
    case 'MemberExpression':
      if (node['computed'] !== true) add(field(node, 'property'));
      break;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      if (node['computed'] !== true) add(field(node, 'key'));
      break;
    case 'FunctionExpression':
    case 'FunctionDeclaration':
    case 'ArrowFunctionExpression':
      add(field(node, 'id'));
      fields(node, 'params').forEach(add);
      break;
    case 'VariableDeclarator':
      add(field(node, 'id'));
      break;
    case 'CatchClause':
      add(field(node, 'param'));
      break;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      add(field(node, 'label'));
      break;
    case 'ClassDeclaration':
    case 'ClassExpression':
      add(field(node, 'id'));
      break;
  }
  return raw;
}
