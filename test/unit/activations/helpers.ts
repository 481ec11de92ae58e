import { createActivation, type Activation } from '../../../src/engine/activations';
import type { ActivationSpec } from '../../../src/engine/types';

/** φ and φ' of an elementwise activation as scalar functions (1 × 1 blocks). */
export function scalar(spec: ActivationSpec | Activation): { f: (z: number) => number; df: (z: number) => number } {
  const a = 'forward' in spec ? spec : createActivation(spec);
  const u = new Float64Array(1);
  const h = new Float64Array(1);
  const out = new Float64Array(1);
  return {
    f: (z) => {
      u[0] = z;
      a.forward(u, h, 1, 1);
      return h[0];
    },
    df: (z) => {
      u[0] = z;
      a.forward(u, h, 1, 1);
      a.derivative(u, h, out);
      return out[0];
    },
  };
}

export const ELEMENTWISE: { spec: ActivationSpec; kinkAtZero: boolean }[] = [
  { spec: { kind: 'sigmoid' }, kinkAtZero: false },
  { spec: { kind: 'tanh' }, kinkAtZero: false },
  { spec: { kind: 'relu' }, kinkAtZero: true },
  { spec: { kind: 'leaky-relu', a: 0.1 }, kinkAtZero: true },
  { spec: { kind: 'elu', alpha: 1 }, kinkAtZero: false }, // C¹ at 0 when alpha = 1
  { spec: { kind: 'elu', alpha: 0.5 }, kinkAtZero: true },
  { spec: { kind: 'selu', lambda: 1.05, alpha: 1.67 }, kinkAtZero: true },
  { spec: { kind: 'selu', lambda: 1.0507, alpha: 1.6733 }, kinkAtZero: true },
  { spec: { kind: 'softplus' }, kinkAtZero: false },
  { spec: { kind: 'linear' }, kinkAtZero: false },
  { spec: { kind: 'expr', source: 'z * tanh(z)' }, kinkAtZero: false },
];

/** −40 … 40 in uneven steps, plus points near 0 and in the tails. */
export function samplePoints(): number[] {
  const points: number[] = [];
  for (let z = -40; z <= 40; z += 0.37) points.push(z);
  points.push(-1e-3, 1e-3, 0.05, -0.05, 0.5, -0.5, 1, -1, 2.5, -2.5, 19.5, -19.5, 25, -25);
  return points;
}
