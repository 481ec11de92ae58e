// Exact symbolic derivative d/dz, simplified as it is built (./build.ts).
// Rules chosen for float64 precision in the tails, so a derivative evaluates to its true tiny value:
//   tanh' = sech² (not 1 − tanh², which is 0 for |u| > ~19), sigmoid'(u) = sigmoid(u)·sigmoid(−u)
//   (not σ(1 − σ), which cancels for u ≫ 0).
// Conventions at kinks: abs'(u) = sign(u) with sign(0) = 0; d max(a, b) = a' where a ≥ b, else b';
// d min(a, b) = a' where a ≤ b, else b'; sign' = 0.
import type { Expr, FunctionName } from './ast';
import { dependsOnZ } from './ast';
import { add, call, div, mul, neg, num, pow, select, simplify, sub } from './build';

/** d/dz of `e`; the input is simplified first, so subterms of the result are in simplified form too. */
export function differentiate(e: Expr): Expr {
  return derive(simplify(e));
}

function derive(e: Expr): Expr {
  if (!dependsOnZ(e)) return num(0);
  switch (e.kind) {
    case 'number':
      return num(0);
    case 'variable':
      return num(1);
    case 'negate':
      return neg(derive(e.arg));
    case 'binary':
      return binary(e.op, e.left, e.right);
    case 'call':
      return e.args.length === 1 ? chain(e.fn, e.args[0]) : extremum(e.fn, e.args[0], e.args[1]);
    case 'select':
      return select(e.left, e.right, derive(e.ifGe), derive(e.ifLt));
  }
}

function binary(op: '+' | '-' | '*' | '/' | '^', a: Expr, b: Expr): Expr {
  const da = derive(a);
  const db = derive(b);
  switch (op) {
    case '+':
      return add(da, db);
    case '-':
      return sub(da, db);
    case '*':
      return add(mul(da, b), mul(a, db));
    case '/':
      if (!dependsOnZ(b)) return div(da, b);
      return div(sub(mul(da, b), mul(a, db)), pow(b, num(2)));
    case '^':
      if (!dependsOnZ(b)) return mul(mul(b, pow(a, sub(b, num(1)))), da);
      if (!dependsOnZ(a)) {
        const logA = a.kind === 'number' && a.name === 'e' ? num(1) : call('log', a);
        return mul(mul(pow(a, b), logA), db);
      }
      // (a^b)' = a^b · (b' ln a + b a'/a)
      return mul(pow(a, b), add(mul(db, call('log', a)), div(mul(b, da), a)));
  }
}

/** d f(u) = f'(u) · u' for the one-argument functions. */
function chain(fn: FunctionName, u: Expr): Expr {
  const du = derive(u);
  switch (fn) {
    case 'exp':
      return mul(call('exp', u), du);
    case 'log':
      return div(du, u);
    case 'tanh':
      return mul(pow(call('sech', u), num(2)), du);
    case 'sigmoid':
      return mul(mul(call('sigmoid', u), call('sigmoid', neg(u))), du);
    case 'abs':
      return mul(call('sign', u), du);
    case 'sqrt':
      return div(du, mul(num(2), call('sqrt', u)));
    case 'sech':
      return mul(mul(neg(call('sech', u)), call('tanh', u)), du);
    case 'sign':
      return num(0);
    default:
      throw new Error(`differentiate: no rule for ${fn}`);
  }
}

function extremum(fn: FunctionName, a: Expr, b: Expr): Expr {
  const da = derive(a);
  const db = derive(b);
  if (fn === 'max') return select(a, b, da, db);
  if (fn === 'min') return select(b, a, da, db);
  throw new Error(`differentiate: no rule for ${fn}`);
}
