import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** The modules a file imports at run time: `import type` and type-only bindings do not count, nor `import()`. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier)) continue;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((element) => element.isTypeOnly)));
      if (onlyTypes) continue;
    } else if (statement.isTypeOnly) continue;
    found.push(specifier.text);
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
    (candidate) => existsSync(candidate) && !candidate.endsWith('.css') && /\.tsx?$/.test(candidate),
  );
}

/** Every package the first screen loads: renderer/main.tsx and its static imports, transitively. */
function firstScreen(): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(file)) {
      if (!specifier.startsWith('.')) {
        if (!packages.has(specifier)) packages.set(specifier, relative(root, file));
        continue;
      }
      const target = resolveLocal(file, specifier);
      if (target !== undefined) visit(target);
    }
  };
  visit(join(root, 'renderer/main.tsx'));
  return { files, packages };
}

// Issue #11 "Weight": the sign-in screen must stay under 150 KB gzip. zod and Mantine's combobox were half
// the excess; they belong to lazy chunks (the sign-in schema loads on the form's first validation).
describe('the first screen (renderer/main.tsx and its static imports)', () => {
  const { files, packages } = firstScreen();

  it('reaches the sign-in form', () => {
    expect(files.has(join(root, 'renderer/features/login/login-view.tsx'))).toBe(true);
  });

  it('loads no zod, neither directly nor through the zod resolver', () => {
    const zodImports = [...packages].filter(
      ([name]) => name === 'zod' || name.startsWith('zod/') || name.endsWith('/zod'),
    );
    expect(zodImports).toEqual([]);
  });

  it('loads none of the contract or error schema modules', () => {
    const schemaModules = [...files]
      .map((file) => relative(root, file))
      .filter((file) => file.startsWith('common/') && /(\.contract|\.schema|\/app-error)\.ts$/.test(file));
    expect(schemaModules).toEqual([]);
  });
});
