// The closed-form activations of SPEC-FORMAT.md. Every derivative is computed from u in a form that keeps
// float64 precision in the tails (see ../expr/stableMath.ts); h is used only where that loses nothing.
//
// Conventions at kinks (the seeds' where they state one):
//   relu'(0) = 0 (PyTorch's choice); leaky-relu'(z) = a if z < 0, 1 else (seed 003 (e)), so leaky'(0) = 1;
//   elu'(z) = 1 if z ≥ 0, α·eᶻ else; selu'(z) = λ if z ≥ 0, λα·eᶻ else (seed 003 (f), "EXU"), so both are
//   the right-hand slope at 0.
//
// Each kernel spells out its own loop on purpose: a shared loop calling a per-activation scalar function
// becomes a megamorphic call site and measured ~2× slower per element (1e6 tanh derivatives: 10 ms vs 20 ms).
import type { ActivationInfo, DerivativeBound } from '../types';
import { sech2, sigmoid, sigmoidDerivative, softplus } from '../expr/stableMath';
import type { Activation } from './activation';

function info(name: string, formula: string, derivative: string, bound: DerivativeBound): ActivationInfo {
  return { name, formula, derivative, bound };
}

function exact(value: number, at: number | null): DerivativeBound {
  return { value, at, exact: true };
}

export function sigmoidActivation(): Activation {
  return {
    info: info('sigmoid', 'φ(z) = 1 / (1 + e^(−z))', "φ'(z) = φ(z)(1 − φ(z))", exact(0.25, 0)),
    elementwise: true,
    forward(u, h, rows, cols) {
      const n = rows * cols;
      for (let i = 0; i < n; i++) h[i] = sigmoid(u[i]);
    },
    derivative(u, _h, out) {
      for (let i = 0; i < out.length; i++) out[i] = sigmoidDerivative(u[i]);
    },
  };
}

export function tanhActivation(): Activation {
  return {
    info: info('tanh', 'φ(z) = tanh z', "φ'(z) = sech² z = 1 − tanh² z", exact(1, 0)),
    elementwise: true,
    forward(u, h, rows, cols) {
      const n = rows * cols;
      for (let i = 0; i < n; i++) h[i] = Math.tanh(u[i]);
    },
    derivative(u, _h, out) {
      for (let i = 0; i < out.length; i++) out[i] = sech2(u[i]);
    },
  };
}

export function reluActivation(): Activation {
  return {
    // sup |φ'| = 1, reached at every z > 0 (relu'(0) = 0 by convention), so `at` names z = 1.
    info: info('relu', 'φ(z) = max(0, z)', "φ'(z) = 1 if z > 0, else 0 (φ'(0) = 0)", exact(1, 1)),
    elementwise: true,
    forward(u, h, rows, cols) {
      const n = rows * cols;
      for (let i = 0; i < n; i++) {
        const v = u[i];
        h[i] = v > 0 ? v : 0;
      }
    },
    derivative(u, _h, out) {
      for (let i = 0; i < out.length; i++) out[i] = u[i] > 0 ? 1 : 0;
    },
  };
}

export function leakyReluActivation(a: number, name: string): Activation {
  // |φ'| takes the values 1 (z ≥ 0) and |a| (z < 0).
  const bound = Math.abs(a) > 1 ? exact(Math.abs(a), -1) : exact(1, 0);
  return {
    info: info(name, `φ(z) = ${a}·z if z < 0, else z`, `φ'(z) = ${a} if z < 0, else 1`, bound),
    elementwise: true,
    forward(u, h, rows, cols) {
      const n = rows * cols;
      for (let i = 0; i < n; i++) {
        const v = u[i];
        h[i] = v < 0 ? a * v : v;
      }
    },
    derivative(u, _h, out) {
      for (let i = 0; i < out.length; i++) out[i] = u[i] < 0 ? a : 1;
    },
  };
}

/**
 * Scaled ELU: φ(z) = λz for z ≥ 0, λα(eᶻ − 1) else. `elu` is λ = 1; `selu` with λ 1.05, α 1.67 is seed 003's EXU.
 * sup|φ'| = |λ|·max(1, |α|): reached at z = 0 when |α| ≤ 1, otherwise only approached as z → 0⁻ (at: null).
 */
export function scaledEluActivation(lambda: number, alpha: number, name: string, formula: string, derivative: string): Activation {
  const bound =
    Math.abs(alpha) <= 1 ? exact(Math.abs(lambda), 0) : exact(Math.abs(lambda) * Math.abs(alpha), null);
  const la = lambda * alpha;
  return {
    info: info(name, formula, derivative, bound),
    elementwise: true,
    forward(u, h, rows, cols) {
      const n = rows * cols;
      for (let i = 0; i < n; i++) {
        const v = u[i];
        h[i] = v >= 0 ? lambda * v : la * Math.expm1(v);
      }
    },
    derivative(u, _h, out) {
      for (let i = 0; i < out.length; i++) {
        const v = u[i];
        out[i] = v >= 0 ? lambda : la * Math.exp(v);
      }
    },
  };
}

export function softplusActivation(): Activation {
  return {
    // φ' = σ(z) < 1 for every z; 1 is only approached as z → ∞.
    info: info('softplus', 'φ(z) = ln(1 + e^z)', "φ'(z) = σ(z) = 1 / (1 + e^(−z))", exact(1, null)),
    elementwise: true,
    forward(u, h, rows, cols) {
      const n = rows * cols;
      for (let i = 0; i < n; i++) h[i] = softplus(u[i]);
    },
    derivative(u, _h, out) {
      for (let i = 0; i < out.length; i++) out[i] = sigmoid(u[i]);
    },
  };
}

export function linearActivation(): Activation {
  return {
    info: info('linear', 'φ(z) = z', "φ'(z) = 1", exact(1, 0)),
    elementwise: true,
    forward(u, h, rows, cols) {
      const n = rows * cols;
      if (u !== h) h.set(n === u.length ? u : u.subarray(0, n));
    },
    derivative(_u, _h, out) {
      out.fill(1);
    },
  };
}
