// Prints an expression with the fewest parentheses that parse back to the same tree:
// 'tanh(z) + z * sech(z)^2', '-z^2' (= -(z^2)), '(-z)^2', '2^3^2' (= 2^(3^2)), 'z - (a - b)'.
// Binary operators get spaces except '^'. A `select` (only in derivatives) prints as '(l >= r ? x : y)',
// which is for reading, not for parsing.
import type { Expr } from './ast';

// Binding strength: sums 1, products 2, negation (and negative numbers) 3, powers 4, atoms 5.
function precedence(e: Expr): number {
  switch (e.kind) {
    case 'binary':
      return e.op === '+' || e.op === '-' ? 1 : e.op === '^' ? 4 : 2;
    case 'negate':
      return 3;
    case 'number':
      return e.name === undefined && (e.value < 0 || Object.is(e.value, -0)) ? 3 : 5;
    default:
      return 5;
  }
}

function wrap(e: Expr, parens: boolean): string {
  const text = formatExpr(e);
  return parens ? `(${text})` : text;
}

function formatNumber(value: number): string {
  // String() gives the shortest text that reads back to the same float64 ('0.1', '1e-7', '1e+21').
  return Object.is(value, -0) ? '-0' : String(value);
}

export function formatExpr(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.name ?? formatNumber(e.value);
    case 'variable':
      return 'z';
    case 'negate':
      return `-${wrap(e.arg, precedence(e.arg) <= 3)}`;
    case 'binary': {
      const p = precedence(e);
      if (e.op === '^') return `${wrap(e.left, precedence(e.left) <= 4)}^${wrap(e.right, precedence(e.right) < 3)}`;
      return `${wrap(e.left, precedence(e.left) < p)} ${e.op} ${wrap(e.right, precedence(e.right) <= p)}`;
    }
    case 'call':
      return `${e.fn}(${e.args.map(formatExpr).join(', ')})`;
    case 'select':
      return `(${formatExpr(e.left)} >= ${formatExpr(e.right)} ? ${formatExpr(e.ifGe)} : ${formatExpr(e.ifLt)})`;
  }
}
