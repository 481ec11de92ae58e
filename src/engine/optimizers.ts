// Parameter updates. Each optimizer first writes the step s into a scratch buffer and then applies
// W ← W − s, so that ‖ΔW‖ = ‖s‖ is available for the update/weight ratio without keeping old weights.
//   sgd:      s = α∇
//   momentum: v ← βv + ∇;  s = αv
//   adam:     m ← β₁m + (1−β₁)∇;  v ← β₂v + (1−β₂)∇²;  s = α m̂ / (√v̂ + ε), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
import type { Layer } from './network';
import type { OptimizerConfig } from './types';

interface Slot {
  params: Float64Array;
  grad: Float64Array;
  step: Float64Array;
  m: Float64Array | null; // momentum velocity, or adam's first moment
  v: Float64Array | null; // adam's second moment
}

export class Optimizer {
  private readonly slots: { weights: Slot; bias: Slot | null }[];
  private t = 0;

  constructor(
    private readonly config: OptimizerConfig,
    layers: Layer[],
  ) {
    const slot = (params: Float64Array, grad: Float64Array): Slot => ({
      params,
      grad,
      step: new Float64Array(params.length),
      m: config.kind === 'sgd' ? null : new Float64Array(params.length),
      v: config.kind === 'adam' ? new Float64Array(params.length) : null,
    });
    this.slots = layers.map((l) => ({ weights: slot(l.w, l.gw), bias: l.config.bias ? slot(l.b, l.gb) : null }));
  }

  /** Applies one update with learning rate lr to every layer. */
  update(lr: number): void {
    this.t++;
    for (const s of this.slots) {
      this.apply(s.weights, lr);
      if (s.bias) this.apply(s.bias, lr);
    }
  }

  /** The step just applied to layer k's weights (k 0-based), i.e. −ΔW_k. */
  weightStep(k: number): Float64Array {
    return this.slots[k].weights.step;
  }

  private apply(s: Slot, lr: number): void {
    const { params, grad, step } = s;
    const n = params.length;
    const c = this.config;
    switch (c.kind) {
      case 'sgd':
        for (let i = 0; i < n; i++) step[i] = lr * grad[i];
        break;
      case 'momentum': {
        const v = s.m as Float64Array;
        for (let i = 0; i < n; i++) {
          v[i] = c.beta * v[i] + grad[i];
          step[i] = lr * v[i];
        }
        break;
      }
      case 'adam': {
        const m = s.m as Float64Array;
        const v = s.v as Float64Array;
        const c1 = 1 - Math.pow(c.beta1, this.t);
        const c2 = 1 - Math.pow(c.beta2, this.t);
        for (let i = 0; i < n; i++) {
          const gi = grad[i];
          m[i] = c.beta1 * m[i] + (1 - c.beta1) * gi;
          v[i] = c.beta2 * v[i] + (1 - c.beta2) * gi * gi;
          step[i] = (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + c.epsilon);
        }
        break;
      }
    }
    for (let i = 0; i < n; i++) params[i] -= step[i];
  }
}
