// The activation expression language: `{expr: "z * tanh(z)"}` in a spec. Our own grammar (./parser.ts),
// exact symbolic derivatives (./differentiate.ts), closures for evaluation (./compile.ts). No eval.
export type { Expr, FunctionName, ConstantName, BinaryOp } from './ast';
export { FUNCTION_ARITY } from './ast';
export { parseExpression, type ParseResult } from './parser';
export { differentiate } from './differentiate';
export { compileExpr, evaluate, type Compiled } from './compile';
export { compileArrayExpr, type ArrayKernel } from './compileArray';
export { formatExpr } from './format';
