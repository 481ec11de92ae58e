// Seeds 000 and 004: the δ recursion with biases, written here per sample and per unit exactly as the seeds
// state it, against the engine's batched matrices and against central finite differences.
//   Δ_j^L = ∂C/∂a_j^L · f'(z_j^L);  Δ_j^l = f'(z_j^l) Σ_k w_{jk}^{l+1} Δ_k^{l+1}
//   ∂C/∂w_{ij}^l = a_i^{l−1} Δ_j^l;  ∂C/∂b_j^l = Δ_j^l;  averaged over the samples (seed 000, eq. 5)
// C = 1/(2N) Σ_x ‖a^L(x) − y(x)‖² (seed 004, eq. 3) is the engine's mse.
import { strict as assert } from 'node:assert';
import { computeGradients, gradientCheck, type ActivationSpec, type TrainConfig } from '../../../src/engine';
import { config, dataset, layer } from '../engine/configs';

type Fn = (z: number) => number;
const kinds: { spec: ActivationSpec; f: Fn; df: Fn }[] = [
  { spec: { kind: 'sigmoid' }, f: (z) => 1 / (1 + Math.exp(-z)), df: (z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2 },
  { spec: { kind: 'tanh' }, f: Math.tanh, df: (z) => 1 / Math.cosh(z) ** 2 },
  { spec: { kind: 'linear' }, f: (z) => z, df: () => 1 }, // seed 004, problem 2: f(z) = z, f' = 1
];

/** Weights in the seed's orientation: w[l][i][j] connects unit i of layer l−1 to unit j of layer l. */
function referenceGradients(net: { w: number[][][]; b: number[][]; f: Fn; df: Fn }, xs: number[][], ys: number[][]) {
  const L = net.w.length;
  const N = xs.length;
  const gw = net.w.map((wl) => wl.map((row) => row.map(() => 0)));
  const gb = net.b.map((bl) => bl.map(() => 0));
  xs.forEach((x, n) => {
    const a: number[][] = [x];
    const z: number[][] = [[]];
    for (let l = 1; l <= L; l++) {
      const w = net.w[l - 1];
      z[l] = net.b[l - 1].map((bj, j) => bj + a[l - 1].reduce((s, ai, i) => s + ai * w[i][j], 0));
      a[l] = z[l].map(net.f);
    }
    const delta: number[][] = [];
    delta[L] = a[L].map((aj, j) => (aj - ys[n][j]) * net.df(z[L][j]));
    for (let l = L - 1; l >= 1; l--) {
      const w = net.w[l];
      delta[l] = z[l].map((zj, j) => net.df(zj) * delta[l + 1].reduce((s, dk, k) => s + w[j][k] * dk, 0));
    }
    for (let l = 1; l <= L; l++) {
      for (let i = 0; i < a[l - 1].length; i++) {
        for (let j = 0; j < delta[l].length; j++) gw[l - 1][i][j] += (a[l - 1][i] * delta[l][j]) / N;
      }
      for (let j = 0; j < delta[l].length; j++) gb[l - 1][j] += delta[l][j] / N;
    }
  });
  return { gw, gb };
}

const xs = [
  [0.3, -1.2, 0.8],
  [-0.7, 0.4, 1.5],
  [1.1, 0.9, -0.2],
  [-0.4, -0.6, -1.0],
];
const ys = [
  [0.2, -0.1],
  [0.5, 0.3],
  [-0.4, 0.6],
  [0.1, 0.0],
];
// 3 → 4 → 3 → 2, seed orientation (fan-in rows), fixed numbers.
const w = [
  [
    [0.5, -0.3, 0.8, 0.1],
    [-0.6, 0.2, 0.4, -0.9],
    [0.3, 0.7, -0.5, 0.6],
  ],
  [
    [0.4, -0.8, 0.2],
    [0.9, 0.1, -0.3],
    [-0.2, 0.5, 0.7],
    [0.6, -0.4, 0.3],
  ],
  [
    [0.7, -0.5],
    [-0.3, 0.8],
    [0.5, 0.2],
  ],
];
const b = [
  [0.1, -0.2, 0.05, 0.3],
  [-0.1, 0.2, 0.15],
  [0.05, -0.05],
];
const transposed = (m: number[][]) => m[0].map((_, j) => m.map((row) => row[j]));

function engineConfig(activation: ActivationSpec): TrainConfig {
  return config({
    layers: w.map((wl, l) =>
      layer(wl[0].length, activation, true, { kind: 'explicit', weights: transposed(wl), bias: b[l] }),
    ),
    data: dataset(xs, ys),
    loss: 'mse',
  });
}

describe('seeds 000/004: the δ recursion with biases on a 3-4-3-2 network', () => {
  for (const { spec, f, df } of kinds) {
    it(`${spec.kind}: the engine's ∂C/∂w and ∂C/∂b equal the per-sample δ recursion`, () => {
      const ref = referenceGradients({ w, b, f, df }, xs, ys);
      const engine = computeGradients(engineConfig(spec));
      engine.layers.forEach((l, k) => {
        // Engine rows are units of layer k (the transpose of the seed's w_{ij}).
        l.weightGrad.forEach((row, j) =>
          row.forEach((v, i) => {
            const r = ref.gw[k][i][j];
            assert.ok(Math.abs(v - r) <= 1e-14 * Math.max(1, Math.abs(r)), `layer ${k + 1} w[${i}][${j}]: ${v} vs ${r}`);
          }),
        );
        l.biasGrad!.forEach((v, j) => {
          const r = ref.gb[k][j];
          assert.ok(Math.abs(v - r) <= 1e-14 * Math.max(1, Math.abs(r)), `layer ${k + 1} b[${j}]: ${v} vs ${r}`);
        });
      });
    });

    it(`${spec.kind}: backprop equals central finite differences (relative error < 1e-7)`, () => {
      const report = gradientCheck(engineConfig(spec));
      for (const l of report.layers) {
        assert.ok(l.maxAbsGrad > 1e-3, `layer ${l.index}: ${l.maxAbsGrad}`);
        assert.ok(l.weightRelError < 1e-7, `layer ${l.index} w: ${l.weightRelError}`);
        assert.ok(l.biasRelError! < 1e-7, `layer ${l.index} b: ${l.biasRelError}`);
      }
    });
  }
});
