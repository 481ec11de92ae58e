// Losses of SPEC-FORMAT.md over a batch of m rows (n outputs each), in the form J = factor(m) · S where S is
// a plain sum over the batch, so that the full-data loss can be accumulated over chunks of rows.
//   mse:                  J = 1/(2m) Σᵢ ‖ŷᵢ − yᵢ‖²               ∂J/∂ŷ = (ŷ − y)/m
//   sse:                  E = Σᵢ ‖ŷᵢ − yᵢ‖²                      ∂E/∂ŷ = 2(ŷ − y)
//   cross-entropy:        J = −1/m Σᵢ Σⱼ yᵢⱼ log pᵢⱼ              softmax output: ∂J/∂u = (p − y)/m (fused)
//   binary-cross-entropy: J = 1/m Σᵢ Σⱼ [softplus(uᵢⱼ) − yᵢⱼ uᵢⱼ]  sigmoid output: ∂J/∂u = (p − y)/m (fused)
// With another output activation, cross-entropy uses −y log h and binary-cross-entropy
// −[y log h + (1 − y) log(1 − h)] on h, and the gradient goes through φ' like any other loss.
import type { ActivationKind, LossKind } from './types';

export interface LossPlan {
  kind: LossKind;
  /** True when ∂J/∂u_L = (h − y)/m directly (softmax + cross-entropy, sigmoid + binary-cross-entropy). */
  fused: boolean;
}

export function planLoss(kind: LossKind, output: ActivationKind): LossPlan {
  const fused =
    (kind === 'cross-entropy' && output === 'softmax') || (kind === 'binary-cross-entropy' && output === 'sigmoid');
  return { kind, fused };
}

/** The factor in J = factor · S for a batch of m rows. */
export function lossFactor(kind: LossKind, m: number): number {
  switch (kind) {
    case 'mse':
      return 1 / (2 * m);
    case 'sse':
      return 1;
    case 'cross-entropy':
    case 'binary-cross-entropy':
      return 1 / m;
  }
}

/** softplus(u) = log(1 + eᵘ) without overflow or loss of precision in either tail. */
function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

/** S for the first m rows (u = pre-activations, h = outputs, y = targets; all m × n). */
export function lossSum(plan: LossPlan, u: Float64Array, h: Float64Array, y: Float64Array, m: number, n: number): number {
  const len = m * n;
  let s = 0;
  switch (plan.kind) {
    case 'mse':
    case 'sse':
      for (let i = 0; i < len; i++) {
        const d = h[i] - y[i];
        s += d * d;
      }
      return s;
    case 'cross-entropy':
      if (plan.fused) {
        // log p_ij = u_ij − logsumexp(u_i), with the row maximum subtracted.
        for (let r = 0; r < m; r++) {
          const row = r * n;
          let max = -Infinity;
          for (let j = 0; j < n; j++) if (u[row + j] > max) max = u[row + j];
          let sum = 0;
          for (let j = 0; j < n; j++) sum += Math.exp(u[row + j] - max);
          const lse = max + Math.log(sum);
          for (let j = 0; j < n; j++) {
            const t = y[row + j];
            if (t !== 0) s -= t * (u[row + j] - lse);
          }
        }
      } else {
        for (let i = 0; i < len; i++) if (y[i] !== 0) s -= y[i] * Math.log(h[i]);
      }
      return s;
    case 'binary-cross-entropy':
      if (plan.fused) {
        for (let i = 0; i < len; i++) s += softplus(u[i]) - y[i] * u[i];
      } else {
        for (let i = 0; i < len; i++) {
          const t = y[i];
          if (t !== 0) s -= t * Math.log(h[i]);
          if (t !== 1) s -= (1 - t) * Math.log1p(-h[i]);
        }
      }
      return s;
  }
}

/**
 * Writes into g the gradient of J for the first m rows: ∂J/∂u_L when plan.fused, else ∂J/∂h_L
 * (the caller then applies φ'(u_L)).
 */
export function lossGradient(plan: LossPlan, h: Float64Array, y: Float64Array, g: Float64Array, m: number, n: number): void {
  const len = m * n;
  switch (plan.kind) {
    case 'mse':
      for (let i = 0; i < len; i++) g[i] = (h[i] - y[i]) / m;
      return;
    case 'sse':
      for (let i = 0; i < len; i++) g[i] = 2 * (h[i] - y[i]);
      return;
    case 'cross-entropy':
    case 'binary-cross-entropy':
      if (plan.fused) {
        for (let i = 0; i < len; i++) g[i] = (h[i] - y[i]) / m;
      } else if (plan.kind === 'cross-entropy') {
        for (let i = 0; i < len; i++) g[i] = y[i] === 0 ? 0 : -y[i] / h[i] / m;
      } else {
        for (let i = 0; i < len; i++) g[i] = (h[i] - y[i]) / (h[i] * (1 - h[i])) / m;
      }
      return;
  }
}
