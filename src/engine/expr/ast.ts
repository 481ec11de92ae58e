// The expression language's syntax tree. One variable, z. Plain data (JSON safe).
//
// `select` never comes from the parser: differentiate() produces it for max/min (d max(a, b) = a' where
// a ≥ b, else b'). formatExpr prints it as "(l >= r ? x : y)", which parseExpression does not accept.

/** Functions of the grammar and their number of arguments. sech and sign are what derivatives print
 *  (tanh' = sech², abs' = sign), accepted in sources too so a printed derivative parses again. */
export const FUNCTION_ARITY = {
  exp: 1,
  log: 1,
  tanh: 1,
  sigmoid: 1,
  abs: 1,
  sqrt: 1,
  sech: 1,
  sign: 1,
  max: 2,
  min: 2,
} as const;

export type FunctionName = keyof typeof FUNCTION_ARITY;

/** Named constants; their value is kept in the node and the name is what formatExpr prints. */
export const CONSTANTS = { e: Math.E, pi: Math.PI } as const;

export type ConstantName = keyof typeof CONSTANTS;

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { kind: 'number'; value: number; name?: ConstantName }
  | { kind: 'variable' } // z
  | { kind: 'negate'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; fn: FunctionName; args: Expr[] }
  | { kind: 'select'; left: Expr; right: Expr; ifGe: Expr; ifLt: Expr }; // left >= right ? ifGe : ifLt

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTION_ARITY, name);
}

export function isConstantName(name: string): name is ConstantName {
  return Object.prototype.hasOwnProperty.call(CONSTANTS, name);
}

/** True when the expression mentions z (its derivative may be nonzero). */
export function dependsOnZ(e: Expr): boolean {
  switch (e.kind) {
    case 'number':
      return false;
    case 'variable':
      return true;
    case 'negate':
      return dependsOnZ(e.arg);
    case 'binary':
      return dependsOnZ(e.left) || dependsOnZ(e.right);
    case 'call':
      return e.args.some(dependsOnZ);
    case 'select':
      return dependsOnZ(e.left) || dependsOnZ(e.right) || dependsOnZ(e.ifGe) || dependsOnZ(e.ifLt);
  }
}

/** Structural equality (numbers by value). */
export function sameExpr(a: Expr, b: Expr): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'number':
      return a.value === (b as typeof a).value;
    case 'variable':
      return true;
    case 'negate':
      return sameExpr(a.arg, (b as typeof a).arg);
    case 'binary': {
      const o = b as typeof a;
      return a.op === o.op && sameExpr(a.left, o.left) && sameExpr(a.right, o.right);
    }
    case 'call': {
      const o = b as typeof a;
      return a.fn === o.fn && a.args.length === o.args.length && a.args.every((x, i) => sameExpr(x, o.args[i]));
    }
    case 'select': {
      const o = b as typeof a;
      return sameExpr(a.left, o.left) && sameExpr(a.right, o.right) && sameExpr(a.ifGe, o.ifGe) && sameExpr(a.ifLt, o.ifLt);
    }
  }
}
