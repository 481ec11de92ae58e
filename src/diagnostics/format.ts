// How findings write numbers and layer ranges. Shared with the CLI's tables so both read the same.
import type { LayerEntry } from '../spec/types';

/**
 * At most three significant digits, trailing zeros dropped. Plain notation for 1e-3 ≤ |x| < 1e4 ('0.125',
 * '12.5', '1'), scientific otherwise ('5.83e-304', '4.54e-5', '1.23e6'), so a float64 subnormal prints as its
 * value, never as 0.
 */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e4) {
    const plain = Number(x.toPrecision(3));
    // toPrecision can round 9999.5 up to 1.00e4; keep that in scientific form.
    if (Math.abs(plain) < 1e4) return String(plain);
  }
  // Mantissa without trailing zeros, exponent without '+': 3.00e-9 → '3e-9', 1.50e+6 → '1.5e6'.
  const [mantissa, exponent] = x.toExponential(2).split('e');
  return `${mantissa.replace(/\.?0+$/, '')}e${exponent.replace('+', '')}`;
}

/** A share in [0, 1] as a whole percentage ('62%'); tiny nonzero shares as '<1%'. */
export function formatPercent(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/**
 * 'layer 3'; a group inside a repeated entry that starts at layer 1: 'layers 1–72 of 100'; one that starts
 * later: 'layers 5–20 of 3–102' (the entry's own span), or 'layers 3–102' when the group is the whole entry.
 * Ranges use an en dash.
 */
export function layerRangeText(first: number, last: number, entry: LayerEntry): string {
  if (first === last) return `layer ${first}`;
  const range = `layers ${first}–${last}`;
  if (entry.repeat <= 1) return range;
  if (entry.firstLayer === 1) return `${range} of ${entry.repeat}`;
  if (first === entry.firstLayer && last === entry.lastLayer) return range;
  return `${range} of ${entry.firstLayer}–${entry.lastLayer}`;
}
