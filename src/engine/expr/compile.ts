// Compiles a tree once into nested closures (no eval, no Function): evaluation then costs one call per
// node, with the operator chosen at compile time rather than by a switch per value.
// Functions use the tail-precise forms of ./stableMath (sigmoid, sech) so tiny values stay real values.
import type { Expr } from './ast';
import { sech, sigmoid, sign } from './stableMath';

export type Compiled = (z: number) => number;

export function compileExpr(e: Expr): Compiled {
  switch (e.kind) {
    case 'number': {
      const v = e.value;
      return () => v;
    }
    case 'variable':
      return (z) => z;
    case 'negate': {
      const a = compileExpr(e.arg);
      return (z) => -a(z);
    }
    case 'binary':
      return compileBinary(e.op, compileExpr(e.left), e.right);
    case 'call':
      return e.args.length === 1 ? compileUnaryCall(e.fn, compileExpr(e.args[0])) : compileBinaryCall(e.fn, e.args);
    case 'select': {
      const l = compileExpr(e.left);
      const r = compileExpr(e.right);
      const x = compileExpr(e.ifGe);
      const y = compileExpr(e.ifLt);
      return (z) => (l(z) >= r(z) ? x(z) : y(z));
    }
  }
}

function compileBinary(op: '+' | '-' | '*' | '/' | '^', a: Compiled, right: Expr): Compiled {
  const b = compileExpr(right);
  switch (op) {
    case '+':
      return (z) => a(z) + b(z);
    case '-':
      return (z) => a(z) - b(z);
    case '*':
      return (z) => a(z) * b(z);
    case '/':
      return (z) => a(z) / b(z);
    case '^':
      if (right.kind === 'number' && right.value === 2) {
        return (z) => {
          const v = a(z);
          return v * v;
        };
      }
      return (z) => a(z) ** b(z);
  }
}

function compileUnaryCall(fn: string, a: Compiled): Compiled {
  switch (fn) {
    case 'exp':
      return (z) => Math.exp(a(z));
    case 'log':
      return (z) => Math.log(a(z));
    case 'tanh':
      return (z) => Math.tanh(a(z));
    case 'sigmoid':
      return (z) => sigmoid(a(z));
    case 'abs':
      return (z) => Math.abs(a(z));
    case 'sqrt':
      return (z) => Math.sqrt(a(z));
    case 'sech':
      return (z) => sech(a(z));
    case 'sign':
      return (z) => sign(a(z));
    default:
      throw new Error(`compileExpr: unknown function ${fn}`);
  }
}

function compileBinaryCall(fn: string, args: Expr[]): Compiled {
  const a = compileExpr(args[0]);
  const b = compileExpr(args[1]);
  switch (fn) {
    case 'max':
      return (z) => Math.max(a(z), b(z));
    case 'min':
      return (z) => Math.min(a(z), b(z));
    default:
      throw new Error(`compileExpr: unknown function ${fn}`);
  }
}

const cache = new WeakMap<Expr, Compiled>();

/** One value; compiles on first use per tree (for repeated use over arrays call compileExpr once). */
export function evaluate(e: Expr, z: number): number {
  let f = cache.get(e);
  if (f === undefined) {
    f = compileExpr(e);
    cache.set(e, f);
  }
  return f(z);
}
