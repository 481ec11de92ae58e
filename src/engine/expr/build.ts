// Constructors that simplify as they build (used by differentiate): constant folding, 0·x = 0, 1·x = x,
// x + 0 = x, x − (−y) = x + y, x^1 = x, x^0 = 1, −(−x) = x, numbers first in products (2 * z, not z * 2).
// Folding keeps a result only when it is finite, so 1/0 stays visible as written.
// 0·x = 0 is applied even where x could be infinite: derivatives are simplified as real-valued formulas.
import type { BinaryOp, Expr, FunctionName } from './ast';
import { sameExpr } from './ast';

export const Z: Expr = { kind: 'variable' };

export function num(value: number): Expr {
  return { kind: 'number', value };
}

function numberValue(e: Expr): number | undefined {
  return e.kind === 'number' ? e.value : undefined;
}

/** The value of a number that is not a named constant (those keep their name: 2 * pi stays 2 * pi). */
function unnamedNumber(e: Expr): number | undefined {
  return e.kind === 'number' && e.name === undefined ? e.value : undefined;
}

function folded(value: number): Expr | undefined {
  return Number.isFinite(value) ? num(value) : undefined;
}

function node(op: BinaryOp, left: Expr, right: Expr): Expr {
  return { kind: 'binary', op, left, right };
}

/** c and x when e is c · x with c a plain number. */
function scaled(e: Expr): { c: number; x: Expr } | undefined {
  if (e.kind !== 'binary' || e.op !== '*') return undefined;
  const c = unnamedNumber(e.left);
  return c === undefined ? undefined : { c, x: e.right };
}

export function neg(a: Expr): Expr {
  const v = unnamedNumber(a);
  if (v !== undefined) return num(-v);
  if (a.kind === 'negate') return a.arg;
  const product = scaled(a); // −(c · x) = (−c) · x
  if (product) return mul(num(-product.c), product.x);
  return { kind: 'negate', arg: a };
}

export function add(a: Expr, b: Expr): Expr {
  const x = numberValue(a);
  const y = numberValue(b);
  if (x === 0) return b;
  if (y === 0) return a;
  if (x !== undefined && y !== undefined) return folded(x + y) ?? node('+', a, b);
  if (b.kind === 'negate') return sub(a, b.arg);
  if (y !== undefined && y < 0) return sub(a, num(-y));
  return node('+', a, b);
}

export function sub(a: Expr, b: Expr): Expr {
  const x = numberValue(a);
  const y = numberValue(b);
  if (y === 0) return a;
  if (x === 0) return neg(b);
  if (x !== undefined && y !== undefined) return folded(x - y) ?? node('-', a, b);
  if (b.kind === 'negate') return add(a, b.arg);
  if (y !== undefined && y < 0) return add(a, num(-y));
  return node('-', a, b);
}

export function mul(a: Expr, b: Expr): Expr {
  const x = numberValue(a);
  const y = numberValue(b);
  if (x === 0 || y === 0) return num(0);
  if (x === 1) return b;
  if (y === 1) return a;
  if (x !== undefined && y !== undefined) return folded(x * y) ?? node('*', a, b);
  if (x === -1) return neg(b);
  if (y === -1) return neg(a);
  if (y !== undefined) return mul(b, a); // numbers first
  if (a.kind === 'negate' && b.kind === 'negate') return mul(a.arg, b.arg);
  if (b.kind === 'negate') return mul(neg(a), b.arg); // the sign goes to the left factor: -a * b
  const inner = x !== undefined ? scaled(b) : undefined; // c · (d · x) = (c·d) · x
  const c = inner && folded((x as number) * inner.c);
  if (inner && c) return mul(c, inner.x);
  return node('*', a, b);
}

export function div(a: Expr, b: Expr): Expr {
  const x = numberValue(a);
  const y = numberValue(b);
  if (x === 0) return num(0);
  if (y === 1) return a;
  if (x !== undefined && y !== undefined) return folded(x / y) ?? node('/', a, b);
  if (y === -1) return neg(a);
  if (a.kind === 'negate') return neg(div(a.arg, b));
  const inner = y !== undefined ? scaled(a) : undefined; // (c · x) / d = (c/d) · x
  const c = inner && folded(inner.c / (y as number));
  if (inner && c) return mul(c, inner.x);
  return node('/', a, b);
}

export function pow(a: Expr, b: Expr): Expr {
  const x = numberValue(a);
  const y = numberValue(b);
  if (y === 0) return num(1);
  if (y === 1) return a;
  if (x === 1) return num(1);
  return (x !== undefined && y !== undefined && folded(x ** y)) || node('^', a, b);
}

export function call(fn: FunctionName, ...args: Expr[]): Expr {
  return { kind: 'call', fn, args };
}

/** left >= right ? ifGe : ifLt, collapsed when both branches are the same or the test is constant. */
export function select(left: Expr, right: Expr, ifGe: Expr, ifLt: Expr): Expr {
  if (sameExpr(ifGe, ifLt)) return ifGe;
  const l = numberValue(left);
  const r = numberValue(right);
  if (l !== undefined && r !== undefined) return l >= r ? ifGe : ifLt;
  return { kind: 'select', left, right, ifGe, ifLt };
}

/** Rebuilds a parsed tree through the simplifying constructors (-2 parsed as −(2) becomes the number −2). */
export function simplify(e: Expr): Expr {
  switch (e.kind) {
    case 'number':
    case 'variable':
      return e;
    case 'negate':
      return neg(simplify(e.arg));
    case 'binary': {
      const build = { '+': add, '-': sub, '*': mul, '/': div, '^': pow }[e.op];
      return build(simplify(e.left), simplify(e.right));
    }
    case 'call':
      return call(e.fn, ...e.args.map(simplify));
    case 'select':
      return select(simplify(e.left), simplify(e.right), simplify(e.ifGe), simplify(e.ifLt));
  }
}
