// The dense kernels against naive triple loops, on sizes that exercise the unrolled remainders and panels.
import { strict as assert } from 'node:assert';
import { columnSums, gemmNN, gemmTN, norm2, transpose } from '../../../src/engine/linalg';
import { createRng } from '../../../src/engine';

function random(n: number, seed: number): Float64Array {
  const r = createRng(seed);
  return Float64Array.from({ length: n }, () => r.normal());
}

function close(a: Float64Array, b: Float64Array): void {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= 1e-12 * Math.max(1, Math.abs(b[i])), `entry ${i}`);
}

describe('linalg kernels', () => {
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [3, 5, 7],
    [6, 9, 2],
    [5, 70, 600], // reduction longer than a panel for n = 600 (panel 52 rows)
    [9, 3, 33000], // a row longer than a panel
  ];

  for (const [m, k, n] of shapes) {
    it(`gemmNN and gemmTN equal naive loops for ${m}×${k}×${n}`, () => {
      const a = random(m * k, 1);
      const b = random(k * n, 2);
      const bias = random(n, 3);
      const c = new Float64Array(m * n).fill(NaN);
      gemmNN(a, b, c, m, k, n, bias);
      const ref = new Float64Array(m * n);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++) {
          let s = bias[j];
          for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
          ref[i * n + j] = s;
        }
      close(c, ref);

      // Aᵀ B with A = (m×k) and B = C-shaped (m×n): result k×n.
      const t = new Float64Array(k * n).fill(NaN);
      gemmTN(a, c, t, m, k, n);
      const refT = new Float64Array(k * n);
      for (let p = 0; p < k; p++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let i = 0; i < m; i++) s += a[i * k + p] * c[i * n + j];
          refT[p * n + j] = s;
        }
      close(t, refT);
    });
  }

  it('transpose, column sums', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const t = new Float64Array(6);
    transpose(x, t, 2, 3);
    assert.deepEqual(Array.from(t), [1, 4, 2, 5, 3, 6]);
    const s = new Float64Array(3);
    columnSums(x, s, 2, 3);
    assert.deepEqual(Array.from(s), [5, 7, 9]);
  });

  it('norm2 neither underflows nor overflows', () => {
    const near = (v: number, want: number) => assert.ok(Math.abs(v - want) <= 1e-15 * want, `${v} vs ${want}`);
    near(norm2(Float64Array.from([3e-300, 4e-300]), 2), 5e-300); // squares would underflow to 0
    assert.equal(norm2(Float64Array.from([5.83e-304]), 1), 5.83e-304);
    near(norm2(Float64Array.from([3e200, 4e200]), 2), 5e200); // squares would overflow
    assert.equal(norm2(new Float64Array(4), 4), 0);
  });
});
