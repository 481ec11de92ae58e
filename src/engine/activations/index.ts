// Activations of SPEC-FORMAT.md: createActivation turns a spec into forward/derivative kernels over
// Float64Array blocks; describeActivation gives what hovers, the panel and the CLI show.
import type { ActivationInfo, ActivationSpec } from '../types';
import type { Activation } from './activation';
import {
  leakyReluActivation,
  linearActivation,
  reluActivation,
  scaledEluActivation,
  sigmoidActivation,
  softplusActivation,
  tanhActivation,
} from './builtins';
import { softmaxActivation } from './softmax';
import { exprActivation, exprActivationName } from './exprActivation';

export type { Activation } from './activation';
export { ExpressionError } from './exprActivation';

/** Builds the kernels for one activation. Throws ExpressionError (an Error) for an invalid `expr` source. */
export function createActivation(spec: ActivationSpec): Activation {
  switch (spec.kind) {
    case 'sigmoid':
      return sigmoidActivation();
    case 'tanh':
      return tanhActivation();
    case 'relu':
      return reluActivation();
    case 'leaky-relu':
      return leakyReluActivation(spec.a, activationName(spec));
    case 'elu':
      return scaledEluActivation(
        1,
        spec.alpha,
        activationName(spec),
        `φ(z) = z if z ≥ 0, else α(e^z − 1) (α = ${spec.alpha})`,
        "φ'(z) = 1 if z ≥ 0, else α·e^z",
      );
    case 'selu':
      return scaledEluActivation(
        spec.lambda,
        spec.alpha,
        activationName(spec),
        `φ(z) = λz if z ≥ 0, else λα(e^z − 1) (λ = ${spec.lambda}, α = ${spec.alpha})`,
        "φ'(z) = λ if z ≥ 0, else λα·e^z",
      );
    case 'softplus':
      return softplusActivation();
    case 'linear':
      return linearActivation();
    case 'softmax':
      return softmaxActivation();
    case 'expr':
      return exprActivation(spec.source);
  }
}

/** Name, formulas and derivative bound. Throws like createActivation for an invalid `expr` source. */
export function describeActivation(spec: ActivationSpec): ActivationInfo {
  return createActivation(spec).info;
}

/** Display name: 'tanh', 'leaky-relu(a=0.1)', 'selu(lambda=1.05, alpha=1.67)', 'z * tanh(z)' (expr, canonical form). */
export function activationName(spec: ActivationSpec): string {
  switch (spec.kind) {
    case 'leaky-relu':
      return `leaky-relu(a=${spec.a})`;
    case 'elu':
      return `elu(alpha=${spec.alpha})`;
    case 'selu':
      return `selu(lambda=${spec.lambda}, alpha=${spec.alpha})`;
    case 'expr':
      return exprActivationName(spec.source);
    default:
      return spec.kind;
  }
}
