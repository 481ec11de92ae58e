// `{expr: "..."}` activations: parsed by the project's grammar (../expr), differentiated symbolically,
// compiled once to array kernels (../expr/compileArray.ts). The derivative bound is numerical: sup |φ'| over EXPR_BOUND_RANGE ([-10, 10]).
import type { ActivationInfo, ExprError } from '../types';
import { compileArrayExpr, compileExpr, differentiate, formatExpr, parseExpression, type ArrayKernel } from '../expr';
import type { Activation } from './activation';
import { numericalSupAbs } from './numericBound';

/** An invalid expression; `errors` carry offsets into the source string. */
export class ExpressionError extends Error {
  constructor(
    readonly source: string,
    readonly errors: ExprError[],
  ) {
    super(`invalid expression '${source}': ${errors.map((e) => `${e.message} (offset ${e.offset})`).join('; ')}`);
    this.name = 'ExpressionError';
  }
}

interface CompiledExpr {
  info: ActivationInfo;
  f: ArrayKernel;
  df: ArrayKernel;
}

// A `repeat: 100` layer creates the same activation 100 times: parse, differentiate and bound it once.
const compiledBySource = new Map<string, CompiledExpr>();
const CACHE_LIMIT = 256;

function compileSource(source: string): CompiledExpr {
  const cached = compiledBySource.get(source);
  if (cached) return cached;
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new ExpressionError(source, parsed.errors);
  const derivative = differentiate(parsed.expr);
  const text = formatExpr(parsed.expr);
  const info: ActivationInfo = {
    name: text,
    formula: `φ(z) = ${text}`,
    derivative: `φ'(z) = ${formatExpr(derivative)}`,
    bound: numericalSupAbs(compileExpr(derivative)),
  };
  if (compiledBySource.size >= CACHE_LIMIT) compiledBySource.clear();
  const entry = { info, f: compileArrayExpr(parsed.expr), df: compileArrayExpr(derivative) };
  compiledBySource.set(source, entry);
  return entry;
}

export function exprActivation(source: string): Activation {
  const { info, f, df } = compileSource(source);
  return {
    info,
    elementwise: true,
    forward(u, h, rows, cols) {
      f(u, h, rows * cols);
    },
    derivative(u, _h, out) {
      df(u, out, out.length);
    },
  };
}

/** The canonical text of a valid expression ('z*tanh( z )' → 'z * tanh(z)'); the trimmed source otherwise. */
export function exprActivationName(source: string): string {
  const parsed = parseExpression(source);
  return parsed.ok ? formatExpr(parsed.expr) : source.trim();
}
