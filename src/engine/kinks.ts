// Where an activation stops being smooth, for the gradient check (./gradients.ts).
//
// An activation is described by "switch" functions s(z): φ is one smooth (C^∞) piece on each region where
// the signs of all its switches stay the same, and may have a kink (or, for sign(), a jump) where one changes
// sign. Two pre-activations with the same signs of every switch lie on the same piece.
//   relu, leaky-relu, elu, selu: s(z) = z. elu with α = 1 is C¹ at 0, but its second derivative jumps there,
//   which still spoils a fourth-order difference stencil (error ∝ h·jump), so it counts as a kink.
//   expr: one switch per abs(a) and sign(a) (s = a) and per max(a, b) and min(a, b) (s = a − b) in φ's tree;
//   the symbolic derivative branches on exactly these (sign(a), `a >= b ? … : …`), so it adds none.
// Singular points (sqrt or log at 0, z^p for non-integer p at 0) are not switches: a stencil that reaches one
// gives a non-finite or wild difference, which the check reports as a disagreement.
import type { ActivationSpec } from './types';
import { compileExpr, parseExpression, type Compiled, type Expr } from './expr';

const identity: Compiled = (z) => z;
const IDENTITY: readonly Compiled[] = [identity];
const NONE: readonly Compiled[] = [];

const switchesBySource = new Map<string, readonly Compiled[]>();
const CACHE_LIMIT = 256;

/** True when the switch list is the single s(z) = z (callers may compare signs of z directly). */
export function isIdentitySwitch(switches: readonly Compiled[]): boolean {
  return switches === IDENTITY;
}

/** The switches of one activation; empty for a smooth one (sigmoid, tanh, softplus, linear, softmax). */
export function kinkSwitches(spec: ActivationSpec): readonly Compiled[] {
  switch (spec.kind) {
    case 'relu':
    case 'elu':
    case 'selu':
      return IDENTITY;
    case 'leaky-relu':
      return spec.a === 1 ? NONE : IDENTITY; // a = 1 is the identity function
    case 'expr':
      return exprSwitches(spec.source);
    default:
      return NONE;
  }
}

function exprSwitches(source: string): readonly Compiled[] {
  const cached = switchesBySource.get(source);
  if (cached) return cached;
  const parsed = parseExpression(source);
  // An invalid source never reaches a network (createActivation throws first); no switches then.
  const found: Expr[] = [];
  if (parsed.ok) collect(parsed.expr, found);
  const switches = found.length === 0 ? NONE : found.map(compileExpr);
  if (switchesBySource.size >= CACHE_LIMIT) switchesBySource.clear();
  switchesBySource.set(source, switches);
  return switches;
}

function collect(e: Expr, out: Expr[]): void {
  switch (e.kind) {
    case 'number':
    case 'variable':
      return;
    case 'negate':
      collect(e.arg, out);
      return;
    case 'binary':
      collect(e.left, out);
      collect(e.right, out);
      return;
    case 'call':
      for (const a of e.args) collect(a, out);
      if (e.fn === 'abs' || e.fn === 'sign') out.push(e.args[0]);
      else if (e.fn === 'max' || e.fn === 'min') out.push({ kind: 'binary', op: '-', left: e.args[0], right: e.args[1] });
      return;
    case 'select':
      for (const a of [e.left, e.right, e.ifGe, e.ifLt]) collect(a, out);
      out.push({ kind: 'binary', op: '-', left: e.left, right: e.right });
      return;
  }
}
