// `activation:` of a layer entry: a name, a name with parameters, or {expr: "..."}.
import { isScalar } from 'yaml';
import { parseExpression } from '../engine';
import type { ActivationSpec } from '../engine/types';
import { exprErrorRange } from './exprPosition';
import type { Field, Reader } from './reader';

export const ACTIVATION_NAMES = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', 'selu', 'softplus', 'linear', 'softmax'] as const;
const PARAMETRIC = ['leaky-relu', 'elu', 'selu', 'expr'] as const;

/** Defaults of the parametric activations (SPEC-FORMAT.md). */
export const ACTIVATION_DEFAULTS = Object.freeze({
  leakyReluA: 0.01,
  eluAlpha: 1,
  seluLambda: 1.0507,
  seluAlpha: 1.6733,
});

/** Reads the named parameters of a variant (all optional, each a finite number), defaults filled in. */
function readParams(reader: Reader, params: Field | undefined, defaults: Record<string, number>): Record<string, number> | undefined {
  const out = { ...defaults };
  if (!params || reader.isEmpty(params.value)) return out;
  const fields = reader.fieldsOf(params, Object.keys(defaults));
  if (!fields) return undefined;
  let ok = true;
  for (const [name, field] of fields) {
    const v = reader.number(field);
    if (v === undefined) ok = false;
    else out[name] = v;
  }
  return ok ? out : undefined;
}

function readExpr(reader: Reader, params: Field): ActivationSpec | undefined {
  const node = reader.resolve(params.value);
  if (!isScalar(node) || typeof node.value !== 'string') {
    reader.fieldError(params, `expr must be an expression in z as text, e.g. "z * tanh(z)", got ${reader.describe(node)}`);
    return undefined;
  }
  const source = node.value;
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    for (const e of parsed.errors) reader.error(exprErrorRange(reader, node, e.offset, e.length), `expr: ${e.message}`, params.path);
    return undefined;
  }
  return { kind: 'expr', source };
}

export function readActivation(reader: Reader, field: Field): ActivationSpec | undefined {
  const v = reader.variant(field, ACTIVATION_NAMES, PARAMETRIC, 'activation');
  if (!v) return undefined;
  switch (v.name) {
    case 'leaky-relu': {
      const p = readParams(reader, v.params, { a: ACTIVATION_DEFAULTS.leakyReluA });
      return p && { kind: 'leaky-relu', a: p.a };
    }
    case 'elu': {
      const p = readParams(reader, v.params, { alpha: ACTIVATION_DEFAULTS.eluAlpha });
      return p && { kind: 'elu', alpha: p.alpha };
    }
    case 'selu': {
      const p = readParams(reader, v.params, { lambda: ACTIVATION_DEFAULTS.seluLambda, alpha: ACTIVATION_DEFAULTS.seluAlpha });
      return p && { kind: 'selu', lambda: p.lambda, alpha: p.alpha };
    }
    case 'expr':
      return readExpr(reader, v.params!);
    default:
      return { kind: v.name as 'sigmoid' | 'tanh' | 'relu' | 'softplus' | 'linear' | 'softmax' };
  }
}

/** A short display name: 'tanh', 'leaky-relu', 'expr'. */
export function activationName(a: ActivationSpec): string {
  return a.kind === 'expr' ? `expr "${a.source}"` : a.kind;
}
