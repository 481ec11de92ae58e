// Scalar functions written to keep float64 precision in the tails. Shared by the built-in activations and
// the expression language, so `{expr: "tanh(z)"}` and `tanh` compute the same numbers.
//
// Convention: overflow gives the correct limit (0, 1, or the linear asymptote), never NaN. Tiny results
// are real values (e.g. sech²(350) ≈ 1e-304 is returned, not rounded to 0 through 1 − tanh²).

/** σ(u) = 1 / (1 + e^(−u)), evaluated without overflowing exp for either sign. */
export function sigmoid(u: number): number {
  if (u >= 0) return 1 / (1 + Math.exp(-u));
  const e = Math.exp(u);
  return e / (1 + e);
}

/** σ'(u) = σ(u)σ(−u) = e^(−|u|) / (1 + e^(−|u|))², exact in both tails (not σ(1 − σ), which cancels for u ≫ 0). */
export function sigmoidDerivative(u: number): number {
  const e = Math.exp(-Math.abs(u));
  const d = 1 + e;
  return e / (d * d);
}

/** sech u = 2e^(−|u|) / (1 + e^(−2|u|)); underflows smoothly to 0 for |u| > ~745. */
export function sech(u: number): number {
  const e = Math.exp(-Math.abs(u));
  return (2 * e) / (1 + e * e);
}

/** sech² u = 4e^(−2|u|) / (1 + e^(−2|u|))² = 4 / (e^u + e^(−u))², the tanh derivative (not 1 − tanh², which is 0 for |u| > ~19). */
export function sech2(u: number): number {
  const e = Math.exp(-2 * Math.abs(u));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/** softplus u = ln(1 + e^u) = max(u, 0) + ln(1 + e^(−|u|)); ≈ u for large u, ≈ e^u (not 0 − rounding) for u ≪ 0. */
export function softplus(u: number): number {
  return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
}

/** sign with sign(0) = 0 (the derivative convention for abs at 0). NaN stays NaN. */
export function sign(u: number): number {
  return u > 0 ? 1 : u < 0 ? -1 : u === 0 ? 0 : u;
}
