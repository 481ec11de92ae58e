// Picking which samples of a long series to draw. Every function returns ascending indices into the
// series, always including the first (0) and the last (n − 1) sample, and never more than `max` of them.

/** `max` indices spread evenly over 0..n−1 (all of them when n ≤ max). */
export function evenIndices(n: number, max: number): number[] {
  if (n <= 0) return [];
  const limit = Math.max(2, Math.floor(max));
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < limit; i++) {
    const index = Math.round((i * (n - 1)) / (limit - 1));
    if (out.length === 0 || index > out[out.length - 1]) out.push(index);
  }
  return out;
}

/** Rank used to find a bucket's extremes: a non-finite value (NaN, ±Infinity) counts as the largest, so a
 *  blow-up is never decimated away. */
function rank(value: number): number {
  return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

/**
 * Min–max decimation for a curve: the first and last samples, then for each of ⌊(max − 2)/2⌋ equal buckets of
 * the samples in between, the bucket's smallest and largest value (in iteration order). Spikes and plateaus
 * survive, which plain striding would drop.
 */
export function minMaxIndices(values: ArrayLike<number>, max: number): number[] {
  const n = values.length;
  const limit = Math.max(2, Math.floor(max));
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor((limit - 2) / 2));
  const inner = n - 2; // samples 1..n−2
  const out = [0];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets); // exclusive
    if (end <= start) continue;
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (rank(values[i]) < rank(values[lo])) lo = i;
      if (rank(values[i]) > rank(values[hi])) hi = i;
    }
    if (lo === hi) out.push(lo);
    else out.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  out.push(n - 1);
  return out;
}
