// Dense kernels over row-major Float64Array matrices. All inner loops run along contiguous rows (i-k-j
// order) and unroll the reduction index by four, so each pass over an output row does four multiply-adds per
// load/store. The reduction is cut into panels of about PANEL doubles (256 KiB) of the streamed matrix, so a
// panel stays in the L2 cache while every row uses it (a 784×512 weight matrix is 3.2 MB). Panels are
// whole multiples of four, so the summation order is the same as without panels. Nothing here allocates.

const PANEL = 32768;

/** C (m×n) = A (m×k) · B (k×n), plus `bias` (length n) added to every row when given. */
export function gemmNN(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  k: number,
  n: number,
  bias: Float64Array | null,
): void {
  for (let i = 0; i < m; i++) {
    const cRow = i * n;
    if (bias) for (let j = 0; j < n; j++) c[cRow + j] = bias[j];
    else c.fill(0, cRow, cRow + n);
  }
  const kc = Math.max(4, (Math.floor(PANEL / n) >> 2) << 2);
  for (let p0 = 0; p0 < k; p0 += kc) {
    const p1 = Math.min(k, p0 + kc);
    for (let i = 0; i < m; i++) {
      const cRow = i * n;
      const aRow = i * k;
      let p = p0;
      for (; p + 3 < p1; p += 4) {
        const a0 = a[aRow + p];
        const a1 = a[aRow + p + 1];
        const a2 = a[aRow + p + 2];
        const a3 = a[aRow + p + 3];
        const b0 = p * n;
        const b1 = b0 + n;
        const b2 = b1 + n;
        const b3 = b2 + n;
        for (let j = 0; j < n; j++) {
          c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
        }
      }
      for (; p < p1; p++) {
        const a0 = a[aRow + p];
        const b0 = p * n;
        for (let j = 0; j < n; j++) c[cRow + j] += a0 * b[b0 + j];
      }
    }
  }
}

/** C (n×k) = Aᵀ · B with A (m×n) and B (m×k): the weight gradient Gᵀ H. Overwrites C. */
export function gemmTN(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
): void {
  c.fill(0, 0, n * k);
  // Panels of C's rows (jc rows of length k), each accumulated over all samples while it is cache-resident.
  const jc = Math.max(1, Math.floor(PANEL / k));
  for (let j0 = 0; j0 < n; j0 += jc) {
    const j1 = Math.min(n, j0 + jc);
    let i = 0;
    for (; i + 3 < m; i += 4) {
      const a0 = i * n;
      const a1 = a0 + n;
      const a2 = a1 + n;
      const a3 = a2 + n;
      const b0 = i * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      for (let j = j0; j < j1; j++) {
        const g0 = a[a0 + j];
        const g1 = a[a1 + j];
        const g2 = a[a2 + j];
        const g3 = a[a3 + j];
        const cRow = j * k;
        for (let p = 0; p < k; p++) {
          c[cRow + p] += g0 * b[b0 + p] + g1 * b[b1 + p] + g2 * b[b2 + p] + g3 * b[b3 + p];
        }
      }
    }
    for (; i < m; i++) {
      const a0 = i * n;
      const b0 = i * k;
      for (let j = j0; j < j1; j++) {
        const g0 = a[a0 + j];
        const cRow = j * k;
        for (let p = 0; p < k; p++) c[cRow + p] += g0 * b[b0 + p];
      }
    }
  }
}

/** out (cols×rows) = inᵀ for a rows×cols matrix. */
export function transpose(src: Float64Array, out: Float64Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) out[j * rows + i] = src[row + j];
  }
}

/** Column sums of a rows×cols matrix into out (length cols): 1ᵀ G. */
export function columnSums(src: Float64Array, out: Float64Array, rows: number, cols: number): void {
  out.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) out[j] += src[row + j];
  }
}

/** Σ x·0 over the first n entries: 0 when all are finite, NaN otherwise (cannot overflow, unlike Σ x). */
export function nonFiniteProbe(x: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] * 0;
  return s;
}

/** Index of the first NaN/±Infinity among the first n entries, or −1. */
export function firstNonFinite(x: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i])) return i;
  return -1;
}

/**
 * Euclidean (Frobenius) norm of the first n entries, scaled by the largest magnitude so that tiny values
 * (the seeds' gradients reach 1e-304) do not underflow when squared, nor huge ones overflow.
 */
export function norm2(x: Float64Array, n: number): number {
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(x[i]);
    if (v > scale) scale = v;
  }
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}
