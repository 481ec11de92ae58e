// Central differences with one Richardson step: error O(h⁴) instead of O(h²), so derivatives can be
// checked to 1e-7 relative where float64 rounding of f allows it (see `resolvable`).

/** f'(z) ≈ (4·D(h/2) − D(h)) / 3 with D(h) = (f(z+h) − f(z−h)) / 2h and h = 1e-3·max(1, |z|). */
export function richardsonDerivative(f: (z: number) => number, z: number): number {
  const h = 1e-3 * Math.max(1, Math.abs(z));
  const d = (step: number): number => (f(z + step) - f(z - step)) / (2 * step);
  return (4 * d(h / 2) - d(h)) / 3;
}

/**
 * True when rounding of f (≈ ε·|f| / h relative to |f'|) cannot spoil a 1e-7 comparison: tiny derivatives
 * next to O(1) values (tanh'(15) ≈ 4e-13) are checked against closed forms instead.
 */
export function resolvable(f: (z: number) => number, z: number, derivative: number): boolean {
  const h = 1e-3 * Math.max(1, Math.abs(z));
  const scale = Math.max(Math.abs(f(z - h)), Math.abs(f(z + h)));
  return (Number.EPSILON * scale) / (h * Math.abs(derivative)) < 1e-10;
}

export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(actual), Math.abs(expected));
}
