// `{expr: "..."}` activations: parsed by the project's grammar (../expr), differentiated symbolically,
// compiled to closures once. The derivative bound is numerical over a stated range.
import type { ExprError } from '../types';
import type { Activation } from './activation';

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

export function exprActivation(source: string): Activation {
  throw new ExpressionError(source, [{ message: 'expressions are not supported yet', offset: 0, length: source.length }]);
}

export function exprActivationName(source: string): string {
  return source.trim();
}
