import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';

/** Every .js/.cjs/.mjs file under a folder of the build (out/main, out/preload), recursively. */
export function builtFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(c|m)?js$/.test(name))
    .map((name) => join(folder, name));
}

interface Node {
  readonly type: string;
  readonly [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

function literal(node: unknown): string | undefined {
  return isNode(node) && node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * The module specifiers a built file loads: static imports and re-exports, dynamic `import('…')` and
 * `require('…')` with a string literal. Parsed with acorn rather than matched with a regular expression, so
 * a specifier inside a string or comment does not count and none is missed.
 */
export function loadedSpecifiers(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const tree = parse(code, { ecmaVersion: 'latest', sourceType: file.endsWith('.cjs') ? 'script' : 'module' });
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    const from =
      value.type === 'ImportDeclaration' ||
      value.type === 'ExportAllDeclaration' ||
      value.type === 'ExportNamedDeclaration' ||
      value.type === 'ImportExpression'
        ? literal(value.source)
        : value.type === 'CallExpression' &&
            isNode(value.callee) &&
            value.callee.type === 'Identifier' &&
            value.callee.name === 'require' &&
            Array.isArray(value.arguments)
          ? literal(value.arguments[0])
          : undefined;
    if (from !== undefined) found.push(from);
    for (const [key, child] of Object.entries(value)) if (key !== 'type') visit(child);
  };
  visit(tree);
  return found;
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or null for relative/absolute paths. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? null);
}
