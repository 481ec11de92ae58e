// Recursive-descent parser for activation expressions in z.
//
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary ('^' unary)?          right-associative, binds tighter than unary minus:
//                                            -z^2 = -(z^2), 2^3^2 = 2^9, z^-1 allowed
//   primary := number | 'z' | 'e' | 'pi' | name '(' [sum (',' sum)*] ')' | '(' sum ')'
//
// A syntax error stops the parse (one error); name and arity errors are collected and the parse goes on,
// so every unknown name is reported at once. The tree keeps the source's structure (no simplification).
import type { ExprError } from '../types';
import { CONSTANTS, FUNCTION_ARITY, isConstantName, isFunctionName, type Expr } from './ast';
import { describeToken, tokenize, type Token } from './lexer';
import { closestName } from './suggest';

class SyntaxFailure {
  constructor(readonly error: ExprError) {}
}

const PLACEHOLDER: Expr = { kind: 'number', value: 0 }; // stands for a node that already has an error

class Parser {
  private pos = 0;
  readonly errors: ExprError[] = [];

  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const e = this.sum();
    const t = this.peek();
    if (t.type !== 'end') this.unexpected(t);
    return e;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos];
    if (t.type !== 'end') this.pos++;
    return t;
  }

  private isSymbol(t: Token, ...texts: string[]): boolean {
    return t.type === 'symbol' && texts.includes(t.text);
  }

  private fail(message: string, at: { offset: number; length: number }): never {
    throw new SyntaxFailure({ message, offset: at.offset, length: at.length });
  }

  private report(message: string, offset: number, length: number): void {
    this.errors.push({ message, offset, length });
  }

  /** A token that cannot follow a complete operand. */
  private unexpected(t: Token): never {
    if (this.isSymbol(t, ')')) this.fail("unmatched ')'", t);
    if (this.isSymbol(t, ',')) this.fail("',' outside a function's argument list", t);
    this.fail(`missing operator before ${describeToken(t)}`, t);
  }

  private sum(): Expr {
    let left = this.product();
    for (let t = this.peek(); this.isSymbol(t, '+', '-'); t = this.peek()) {
      this.next();
      left = { kind: 'binary', op: this.isSymbol(t, '+') ? '+' : '-', left, right: this.product() };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    for (let t = this.peek(); this.isSymbol(t, '*', '/'); t = this.peek()) {
      this.next();
      const after = this.peek();
      if (this.isSymbol(t, '*') && this.isSymbol(after, '*') && after.offset === t.offset + 1) {
        this.fail("'**' is not an operator: write z^2 for powers", { offset: t.offset, length: 2 });
      }
      left = { kind: 'binary', op: this.isSymbol(t, '*') ? '*' : '/', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek();
    if (this.isSymbol(t, '-')) {
      this.next();
      return { kind: 'negate', arg: this.unary() };
    }
    if (this.isSymbol(t, '+')) {
      this.next();
      return this.unary();
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (!this.isSymbol(this.peek(), '^')) return base;
    this.next();
    return { kind: 'binary', op: '^', left: base, right: this.unary() };
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return { kind: 'number', value: t.value };
      case 'name':
        return this.isSymbol(this.peek(), '(') ? this.call(t) : this.name(t);
      case 'symbol':
        if (t.text === '(') {
          const e = this.sum();
          this.close(t);
          return e;
        }
        return this.fail(`missing operand before '${t.text}'`, t);
      case 'end': {
        const previous = this.tokens[this.pos - 1];
        return this.fail(`missing operand after ${describeToken(previous)}`, previous);
      }
    }
  }

  /** Consumes the ')' matching `open`. */
  private close(open: Token): Token {
    const t = this.peek();
    if (this.isSymbol(t, ')')) return this.next();
    if (t.type === 'end') this.fail("missing ')' to close this '('", open);
    return this.unexpected(t);
  }

  private name(t: Token & { type: 'name' }): Expr {
    if (t.text === 'z') return { kind: 'variable' };
    if (isConstantName(t.text)) return { kind: 'number', value: CONSTANTS[t.text], name: t.text };
    if (isFunctionName(t.text)) {
      const example = FUNCTION_ARITY[t.text] === 2 ? `${t.text}(z, 0)` : `${t.text}(z)`;
      this.report(`'${t.text}' is a function: write ${example}`, t.offset, t.length);
    } else {
      const hint = t.text.toLowerCase() === 'z' ? " (names are case-sensitive: write 'z')" : ' (only z is allowed)';
      this.report(`unknown variable '${t.text}'${hint}`, t.offset, t.length);
    }
    return PLACEHOLDER;
  }

  private call(t: Token & { type: 'name' }): Expr {
    if (t.text === 'z' || isConstantName(t.text)) {
      this.fail(`'${t.text}' is not a function: write ${t.text} * (...) to multiply`, t);
    }
    const open = this.next();
    const args: Expr[] = [];
    let end = this.peek();
    if (this.isSymbol(end, ')')) {
      this.next();
    } else {
      for (;;) {
        args.push(this.sum());
        if (!this.isSymbol(this.peek(), ',')) break;
        this.next();
      }
      end = this.close(open);
    }
    if (!isFunctionName(t.text)) {
      const guess = closestName(t.text, Object.keys(FUNCTION_ARITY));
      this.report(`unknown function '${t.text}'${guess ? ` (did you mean '${guess}'?)` : ''}`, t.offset, t.length);
      return PLACEHOLDER;
    }
    const arity = FUNCTION_ARITY[t.text];
    if (args.length !== arity) {
      const wanted = `${arity} argument${arity === 1 ? '' : 's'}`;
      this.report(`${t.text} expects ${wanted}, got ${args.length}`, t.offset, end.offset + end.length - t.offset);
      return PLACEHOLDER;
    }
    return { kind: 'call', fn: t.text, args };
  }
}

export type ParseResult = { ok: true; expr: Expr } | { ok: false; errors: ExprError[] };

/** Parses an activation expression; on failure every error carries an exact offset/length into `source`. */
export function parseExpression(source: string): ParseResult {
  const { tokens, errors } = tokenize(source);
  if (errors.length > 0) return { ok: false, errors };
  if (tokens.length === 1) return { ok: false, errors: [{ message: 'empty expression', offset: 0, length: source.length }] };
  const parser = new Parser(tokens);
  let expr: Expr | undefined;
  try {
    expr = parser.parse();
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) throw e;
    parser.errors.push(e.error);
  }
  if (expr === undefined || parser.errors.length > 0) {
    return { ok: false, errors: [...parser.errors].sort((a, b) => a.offset - b.offset) };
  }
  return { ok: true, expr };
}
