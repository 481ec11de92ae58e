// sup |f(z)| over a closed range, for derivative bounds of `expr` activations: dense sampling, then a
// golden-section search on the bracket around the best sample. NaN samples (e.g. log of a negative) are
// skipped; an infinite sample is the answer (the bound is +∞ there).
import type { DerivativeBound } from '../types';

export const EXPR_BOUND_RANGE: [number, number] = [-10, 10];

const SAMPLES = 20001; // step 0.001 over [-10, 10]
const GOLDEN = (Math.sqrt(5) - 1) / 2;

export function numericalSupAbs(f: (z: number) => number, range: [number, number] = EXPR_BOUND_RANGE): DerivativeBound {
  const [lo, hi] = range;
  const step = (hi - lo) / (SAMPLES - 1);
  let best = -1;
  let bestZ = lo;
  for (let i = 0; i < SAMPLES; i++) {
    const z = i === SAMPLES - 1 ? hi : lo + i * step;
    const v = Math.abs(f(z));
    if (v > best) {
      best = v;
      bestZ = z;
    }
  }
  const result = (value: number, at: number | null): DerivativeBound => ({ value, at, exact: false, range: [lo, hi] });
  if (best < 0) return result(NaN, null); // NaN everywhere on the range
  if (best === Infinity) return result(Infinity, bestZ);

  // Maximise |f| on [bestZ − step, bestZ + step] ∩ range (assumed unimodal at this scale).
  let a = Math.max(lo, bestZ - step);
  let b = Math.min(hi, bestZ + step);
  const g = (z: number): number => {
    const v = Math.abs(f(z));
    return Number.isNaN(v) ? -1 : v;
  };
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let fc = g(c);
  let fd = g(d);
  while (b - a > 1e-12 * Math.max(1, Math.abs(bestZ))) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - GOLDEN * (b - a);
      fc = g(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + GOLDEN * (b - a);
      fd = g(d);
    }
  }
  for (const [z, v] of [
    [c, fc],
    [d, fd],
  ]) {
    if (v > best) {
      best = v;
      bestZ = z;
    }
  }
  return result(best, bestZ);
}
