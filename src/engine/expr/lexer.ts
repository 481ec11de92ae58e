// Tokens of the expression language. Offsets and lengths are JavaScript string indices (UTF-16 code
// units) into the source exactly as given, so the spec reader can map them to a line and column.
import type { ExprError } from '../types';

export type Token =
  | { type: 'number'; text: string; value: number; offset: number; length: number }
  | { type: 'name'; text: string; offset: number; length: number }
  | { type: 'symbol'; text: '+' | '-' | '*' | '/' | '^' | '(' | ')' | ','; offset: number; length: number }
  | { type: 'end'; offset: number; length: 0 };

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const WHITESPACE = /\s+/y;
const SYMBOLS = '+-*/^(),';

/** Characters people paste from papers, with what the grammar expects instead. */
const LOOKALIKES: Record<string, string> = { '−': '-', '×': '*', '·': '*', '÷': '/', '–': '-', '²': '^2' };

function matchAt(re: RegExp, source: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(source);
  return m ? m[0] : undefined;
}

/** All tokens, ending with one `end` token; or every bad character as an error. */
export function tokenize(source: string): { tokens: Token[]; errors: ExprError[] } {
  const tokens: Token[] = [];
  const errors: ExprError[] = [];
  let at = 0;
  while (at < source.length) {
    const space = matchAt(WHITESPACE, source, at);
    if (space) {
      at += space.length;
      continue;
    }
    const digits = matchAt(NUMBER, source, at);
    if (digits) {
      const value = Number(digits);
      if (!Number.isFinite(value)) {
        errors.push({ message: `number '${digits}' is too large for float64`, offset: at, length: digits.length });
      }
      tokens.push({ type: 'number', text: digits, value, offset: at, length: digits.length });
      at += digits.length;
      continue;
    }
    const name = matchAt(NAME, source, at);
    if (name) {
      tokens.push({ type: 'name', text: name, offset: at, length: name.length });
      at += name.length;
      continue;
    }
    const ch = source[at];
    if (SYMBOLS.includes(ch)) {
      tokens.push({ type: 'symbol', text: ch as '+', offset: at, length: 1 });
      at += 1;
      continue;
    }
    const char = String.fromCodePoint(source.codePointAt(at) ?? 0);
    const hint = LOOKALIKES[char] !== undefined ? ` (use '${LOOKALIKES[char]}')` : '';
    errors.push({ message: `unexpected character '${char}'${hint}`, offset: at, length: char.length });
    at += char.length;
  }
  tokens.push({ type: 'end', offset: source.length, length: 0 });
  return { tokens, errors };
}

/** How a token reads in a message: 'z', '2.5', ')', or 'the end'. */
export function describeToken(t: Token): string {
  return t.type === 'end' ? 'the end' : `'${t.text}'`;
}
