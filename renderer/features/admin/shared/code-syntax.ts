import { parse } from 'acorn';

/** Which kind of script the source is: it decides how the server wraps it before compiling. */
export type CodeKind = 'rule' | 'action';

/** One syntax error, at an offset into the admin's own source (not the wrapped text). */
export interface SyntaxProblem {
  readonly from: number;
  readonly to: number;
  /** 1-based line and column, for the words under the editor. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * The same wrapping the server's harnesses use (server/extensibility/harness-sources.ts), so the editor
 * reports exactly what the server would refuse to compile: a rule is one function *expression*, an action a
 * CommonJS module body.
 */
const wrappers: Record<CodeKind, { before: string; after: string }> = {
  rule: { before: '(', after: '\n)' },
  action: { before: '(function (exports, module) {\n', after: '\n})' },
};

interface AcornSyntaxError {
  pos: number;
  raisedAt?: number;
  message: string;
}

function isAcornError(error: unknown): error is AcornSyntaxError {
  return error instanceof SyntaxError && typeof (error as Partial<AcornSyntaxError>).pos === 'number';
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** acorn ends its messages with "(line:col)" of the wrapped text; the editor gives its own position. */
function plainMessage(message: string): string {
  return message.replace(/\s*\(\d+:\d+\)$/, '');
}

/**
 * The first syntax error in `source`, or none. acorn stops at the first error, as the server's compiler
 * does; later errors show once this one is fixed.
 */
export function syntaxProblems(source: string, kind: CodeKind): SyntaxProblem[] {
  if (source.trim() === '') return [];
  const { before, after } = wrappers[kind];
  try {
    parse(before + source + after, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowHashBang: true,
    });
    return [];
  } catch (error) {
    if (!isAcornError(error)) throw error;
    // An error in the closing wrapper (a missing brace, say) is reported at the end of the admin's text.
    const clamp = (offset: number) => Math.min(Math.max(offset - before.length, 0), source.length);
    const from = clamp(error.pos);
    const to = Math.max(clamp(error.raisedAt ?? error.pos), Math.min(from + 1, source.length));
    return [{ from, to, ...lineAndColumn(source, from), message: plainMessage(error.message) }];
  }
}
