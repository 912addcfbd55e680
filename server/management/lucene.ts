import { mgmtErrors } from './errors';

/**
 * The subset of Lucene query syntax that Auth0's user search (`q`, search_engine v3) and log search
 * (`q` / `search`) accept (auth0-wire.md §7.4, §7.6):
 *
 * - terms: `field:value`, `field:"quoted value"`, bare or quoted free text, a trailing `*` for a prefix;
 * - ranges: `field:[from TO to]` (inclusive) and `field:{from TO to}` (exclusive), `*` for open ends;
 * - `AND`, `OR`, `NOT` (or a leading `-`), parentheses, and `field:(a OR b)` groups;
 * - terms next to each other are joined with AND.
 */
export type LuceneNode =
  | { readonly kind: 'and' | 'or'; readonly items: readonly LuceneNode[] }
  | { readonly kind: 'not'; readonly item: LuceneNode }
  | {
      readonly kind: 'term';
      readonly field: string | undefined;
      readonly value: string;
      /** A trailing unquoted `*`: match values starting with `value`. */
      readonly prefix: boolean;
    }
  | {
      readonly kind: 'range';
      readonly field: string;
      readonly from: string | undefined;
      readonly to: string | undefined;
      readonly inclusive: boolean;
    };

type Token =
  | { readonly kind: '(' | ')' | 'AND' | 'OR' | 'NOT' }
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'value'; readonly text: string; readonly quoted: boolean }
  | {
      readonly kind: 'range';
      readonly from: string | undefined;
      readonly to: string | undefined;
      readonly inclusive: boolean;
    };

const MAX_QUERY_LENGTH = 1000;
const MAX_DEPTH = 10;
const MAX_TERMS = 50;

function fail(reason: string): never {
  throw mgmtErrors.invalidQuery(`'${reason}' on property q`);
}

function readQuoted(input: string, start: number): { text: string; end: number } {
  let text = '';
  for (let i = start + 1; i < input.length; i += 1) {
    const char = input[i];
    if (char === '\\' && i + 1 < input.length) {
      text += input[i + 1];
      i += 1;
    } else if (char === '"') {
      return { text, end: i + 1 };
    } else {
      text += char;
    }
  }
  return fail('unterminated quoted string');
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i] ?? '';
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char });
      i += 1;
    } else if (char === '"') {
      const quoted = readQuoted(input, i);
      tokens.push({ kind: 'value', text: quoted.text, quoted: true });
      i = quoted.end;
    } else if (char === '[' || char === '{') {
      const close = input.indexOf(char === '[' ? ']' : '}', i);
      if (close < 0) fail('unterminated range');
      const parts = input
        .slice(i + 1, close)
        .trim()
        .split(/\s+TO\s+/);
      if (parts.length !== 2) fail('a range needs the form [from TO to]');
      const bound = (part: string | undefined) =>
        part === undefined || part === '*' ? undefined : part.replace(/^"|"$/g, '');
      tokens.push({ kind: 'range', from: bound(parts[0]), to: bound(parts[1]), inclusive: char === '[' });
      i = close + 1;
    } else if (char === '-' && /[^\s-]/.test(input[i + 1] ?? ' ')) {
      tokens.push({ kind: 'NOT' });
      i += 1;
    } else {
      // Right after `field:` the value may itself hold colons (times, `auth0|…` ids do not, URLs do).
      const afterField = tokens[tokens.length - 1]?.kind === 'field';
      let end = i;
      while (end < input.length && !/[\s()"]/.test(input[end] ?? ' ')) {
        if (input[end] === ':' && !afterField) break;
        end += 1;
      }
      const word = input.slice(i, end);
      if (input[end] === ':' && word !== '') {
        tokens.push({ kind: 'field', name: word });
        i = end + 1;
      } else if (word === 'AND' || word === 'OR' || word === 'NOT') {
        tokens.push({ kind: word });
        i = end;
      } else if (word === '&&' || word === '||') {
        tokens.push({ kind: word === '&&' ? 'AND' : 'OR' });
        i = end;
      } else {
        if (word === '') fail(`unexpected character ${JSON.stringify(char)}`);
        tokens.push({ kind: 'value', text: word, quoted: false });
        i = end;
      }
    }
  }
  return tokens;
}

/** A recursive-descent parser over the tokens; `defaultField` is set inside `field:( … )`. */
class Parser {
  private position = 0;
  private terms = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): LuceneNode {
    const node = this.or(undefined, 0);
    if (this.position < this.tokens.length) fail('unexpected token');
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private or(defaultField: string | undefined, depth: number): LuceneNode {
    const items = [this.and(defaultField, depth)];
    while (this.peek()?.kind === 'OR') {
      this.position += 1;
      items.push(this.and(defaultField, depth));
    }
    return items.length === 1 && items[0] !== undefined ? items[0] : { kind: 'or', items };
  }

  private and(defaultField: string | undefined, depth: number): LuceneNode {
    const items = [this.unary(defaultField, depth)];
    for (;;) {
      const next = this.peek();
      if (next === undefined || next.kind === 'OR' || next.kind === ')') break;
      if (next.kind === 'AND') this.position += 1;
      items.push(this.unary(defaultField, depth));
    }
    return items.length === 1 && items[0] !== undefined ? items[0] : { kind: 'and', items };
  }

  private unary(defaultField: string | undefined, depth: number): LuceneNode {
    if (this.peek()?.kind === 'NOT') {
      this.position += 1;
      return { kind: 'not', item: this.unary(defaultField, depth) };
    }
    return this.primary(defaultField, depth);
  }

  private primary(defaultField: string | undefined, depth: number): LuceneNode {
    if (depth > MAX_DEPTH) fail('the query is nested too deeply');
    const token = this.tokens[this.position++];
    if (token === undefined) return fail('the query ends too early');
    if (token.kind === '(') return this.group(defaultField, depth);
    if (token.kind === 'field') {
      if (defaultField !== undefined) fail('a field cannot be named inside a field group');
      const next = this.tokens[this.position++];
      if (next?.kind === '(') return this.group(token.name, depth);
      return this.leaf(token.name, next);
    }
    return this.leaf(defaultField, token);
  }

  private group(defaultField: string | undefined, depth: number): LuceneNode {
    const inner = this.or(defaultField, depth + 1);
    if (this.tokens[this.position++]?.kind !== ')') fail('a parenthesis is not closed');
    return inner;
  }

  private leaf(field: string | undefined, token: Token | undefined): LuceneNode {
    this.terms += 1;
    if (this.terms > MAX_TERMS) fail(`the query has more than ${MAX_TERMS} terms`);
    if (token?.kind === 'range') {
      if (field === undefined) fail('a range needs a field');
      return { kind: 'range', field, from: token.from, to: token.to, inclusive: token.inclusive };
    }
    if (token?.kind !== 'value') return fail('a term is missing its value');
    const prefix = !token.quoted && token.text.length > 1 && token.text.endsWith('*');
    const value = prefix ? token.text.slice(0, -1) : token.text;
    if (!token.quoted && value.includes('*')) fail('wildcards are only supported at the end of a term');
    return { kind: 'term', field, value, prefix };
  }
}

/** Parses `q`; an empty query is undefined (match everything). Bad syntax is `400 invalid_query_string`. */
export function parseLucene(query: string | undefined): LuceneNode | undefined {
  if (query === undefined || query.trim() === '') return undefined;
  if (query.length > MAX_QUERY_LENGTH) fail(`the query is longer than ${MAX_QUERY_LENGTH} characters`);
  return new Parser(tokenize(query)).parse();
}
