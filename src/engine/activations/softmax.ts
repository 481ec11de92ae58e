// Row-wise softmax: p_ij = e^(u_ij − m_i) / Σ_k e^(u_ik − m_i) with m_i the row maximum, so no exp overflows
// and the largest entry of each row contributes e^0 = 1 (the sum is never 0).
import type { Activation } from './activation';

export function softmaxActivation(): Activation {
  return {
    info: {
      name: 'softmax',
      formula: 'φ(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ)',
      derivative: "∂φᵢ/∂zᵢ = pᵢ(1 − pᵢ), ∂φᵢ/∂zⱼ = −pᵢpⱼ (fused with cross-entropy: ∂J/∂z = p − y)",
      // The diagonal p(1 − p) peaks at p = ½, which depends on the other units: no single z (at: null).
      bound: { value: 0.25, at: null, exact: true },
    },
    elementwise: false,
    forward(u, h, rows, cols) {
      for (let r = 0; r < rows; r++) {
        const start = r * cols;
        const end = start + cols;
        let max = -Infinity;
        for (let i = start; i < end; i++) if (u[i] > max) max = u[i];
        // A row of −∞ (or any non-finite max) is left to produce NaN, which the engine reports as non-finite.
        let sum = 0;
        for (let i = start; i < end; i++) {
          const e = Math.exp(u[i] - max);
          h[i] = e;
          sum += e;
        }
        const inv = 1 / sum;
        for (let i = start; i < end; i++) h[i] *= inv;
      }
    },
    derivative(_u, h, out) {
      // Diagonal of the Jacobian, from h = p (used for saturation statistics only).
      for (let i = 0; i < out.length; i++) out[i] = h[i] * (1 - h[i]);
    },
  };
}
