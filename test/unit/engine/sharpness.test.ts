// λ_max at the initial weights (power iteration from the gradient on finite-difference Hessian-vector
// products) against exact and dense finite-difference Hessians, and when runs compute it.
import { strict as assert } from 'node:assert';
import { analyze, computeGradients, createRng, initialSharpness, sharpness, train, type InitSpec, type TrainConfig } from '../../../src/engine';
import { config, dataset, layer } from './configs';
import { symmetricEigenvalues } from './symmetricEigen';

const linear = { kind: 'linear' } as const;
const tanh = { kind: 'tanh' } as const;
const topEigenvalue = (h: number[][]): number => Math.max(...symmetricEigenvalues(h));

// Seed 001 part 2: J = ½(8 w₁² + 0.08 w₂²) (examples/slow-descent.nn.yaml).
const slowDescent = (learningRate: number): TrainConfig =>
  config({
    layers: [layer(1, linear, false, { kind: 'explicit', weights: [[1, 1]] })],
    data: dataset([[4, 0], [0, 0.4]], [[0], [0]]),
    learningRate,
    iterations: 300,
  });

describe('engine: sharpness (λ_max at the initial weights)', () => {
  it('slow-descent: λ_max = 8 to 1e-6, so GD is stable below 2/λ = 0.25', () => {
    const s = sharpness(slowDescent(0.1));
    assert.ok(Math.abs(s.lambdaMax - 8) < 1e-6, `λ = ${s.lambdaMax}`);
    assert.ok(s.converged);
    const summary = initialSharpness(slowDescent(0.1), true);
    assert.ok(summary && Math.abs(summary.stableBelow - 0.25) < 1e-7, JSON.stringify(summary));
    // At the minimum w = 0 the gradient is 0: the seeded random start vector takes over.
    const atMinimum = { ...slowDescent(0.1), layers: [layer(1, linear, false, { kind: 'explicit', weights: [[0, 0]] })] };
    assert.ok(Math.abs(sharpness(atMinimum).lambdaMax - 8) < 1e-6, String(sharpness(atMinimum).lambdaMax));
  });

  it('a random linear model with bias under mse: λ_max of the exact Hessian XᵀX/m (X with a column of ones)', () => {
    const rng = createRng(7, 99);
    const m = 12;
    const n = 5;
    const xs = Array.from({ length: m }, () => Array.from({ length: n }, () => rng.normal()));
    const ys = xs.map(() => [rng.normal()]);
    const weights = [Array.from({ length: n }, () => rng.normal())];
    const cfg = config({ layers: [layer(1, linear, true, { kind: 'explicit', weights, bias: [0.3] })], data: dataset(xs, ys) });
    const xa = xs.map((row) => [...row, 1]);
    const exact = Array.from({ length: n + 1 }, (_, i) =>
      Array.from({ length: n + 1 }, (_, j) => xa.reduce((s, row) => s + row[i] * row[j], 0) / m),
    );
    const want = topEigenvalue(exact);
    const tight = sharpness(cfg, { iterations: 500, tolerance: 1e-13 });
    assert.ok(Math.abs(tight.lambdaMax - want) < 1e-6 * want, `${tight.lambdaMax} vs ${want}`);
    const loose = sharpness(cfg);
    assert.ok(Math.abs(loose.lambdaMax - want) < 1e-2 * want, `${loose.lambdaMax} vs ${want} (default options)`);
  });

  it('a 2-3-1 tanh net: λ_max of a dense Hessian from second differences of J', () => {
    const xs = [[0.9, -1.3], [-0.8, 0.6], [1.2, 0.3], [-0.5, -1.1], [0.2, 1.4]];
    const ys = xs.map(([a, b]) => [0.5 * Math.sin(a + b)]);
    const w1 = [[0.7, -0.4], [0.2, 0.9], [-1.1, 0.5]];
    const b1 = [0.1, -0.2, 0.3];
    const w2 = [[0.8, -0.6, 1.2]];
    const b2 = [0.05];
    const build = (p: number[]): TrainConfig => {
      const init1: InitSpec = { kind: 'explicit', weights: [p.slice(0, 2), p.slice(2, 4), p.slice(4, 6)], bias: p.slice(6, 9) };
      const init2: InitSpec = { kind: 'explicit', weights: [p.slice(9, 12)], bias: p.slice(12, 13) };
      return config({ layers: [layer(3, tanh, true, init1), layer(1, linear, true, init2)], data: dataset(xs, ys) });
    };
    const p0 = [...w1.flat(), ...b1, ...w2.flat(), ...b2];
    const J = (p: number[]): number => computeGradients(build(p)).loss;
    const h = 1e-3;
    const at = (i: number, si: number, j: number, sj: number): number => {
      const p = p0.slice();
      p[i] += si * h;
      p[j] += sj * h;
      return J(p);
    };
    const n = p0.length;
    const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h);
        hessian[i][j] = v;
        hessian[j][i] = v;
      }
    }
    const want = topEigenvalue(hessian);
    const got = sharpness(build(p0), { iterations: 300, tolerance: 1e-12 });
    assert.ok(Math.abs(got.lambdaMax - want) < 1e-4 * Math.abs(want), `${got.lambdaMax} vs ${want}`);
  });

  it('a dominant negative eigenvalue: λ_max is the largest algebraic eigenvalue, not the largest |λ|', () => {
    // One tanh unit, w = 1.5, b = 0.5, fitted to targets of the other sign: eigenvalues ≈ 0.092 and −0.258.
    const data = dataset([[1], [-0.5], [0.2]], [[-1], [0.9], [-0.3]]);
    const build = (p: number[]): TrainConfig =>
      config({ layers: [layer(1, tanh, true, { kind: 'explicit', weights: [[p[0]]], bias: [p[1]] })], data });
    const p0 = [1.5, 0.5];
    const h = 1e-3;
    const d2 = (i: number, j: number): number => {
      const q = (si: number, sj: number): number => {
        const p = p0.slice();
        p[i] += si * h;
        p[j] += sj * h;
        return computeGradients(build(p)).loss;
      };
      return (q(1, 1) - q(1, -1) - q(-1, 1) + q(-1, -1)) / (4 * h * h);
    };
    const [lo, hi] = symmetricEigenvalues([[d2(0, 0), d2(0, 1)], [d2(1, 0), d2(1, 1)]]).sort((a, b) => a - b);
    assert.ok(lo < 0 && hi > 0 && Math.abs(lo) > 2 * hi, `this case needs a dominant negative eigenvalue: ${lo}, ${hi}`);
    const got = sharpness(build(p0), { iterations: 200, tolerance: 1e-12 });
    assert.ok(Math.abs(got.lambdaMax - hi) < 1e-4 * Math.abs(lo), `${got.lambdaMax} vs ${hi} (and ${lo})`);
  });

  it('starts from the gradient: a sharp direction gradient descent never excites does not set λ_max', () => {
    // Seed 002's chain with biases (10 tanh units, w ≈ 1, b = 0) on data symmetric under x → −x: every bias
    // gradient is exactly 0 and stays so under GD, and the bias block holds the sharpest curvature (≈ 7.1).
    const depth = 10;
    const w0 = Array.from({ length: depth }, (_, k) => 0.9 + 0.02 * k);
    const build = (p: number[]): TrainConfig =>
      config({
        layers: Array.from({ length: depth }, (_, k) => layer(1, tanh, true, { kind: 'explicit', weights: [[p[k]]], bias: [p[depth + k]] })),
        data: dataset([[-0.5], [0.5]], [[-0.5], [0.5]]),
      });
    const p0 = [...w0, ...new Array<number>(depth).fill(0)];
    const grads = (p: number[]): number[] => {
      const r = computeGradients(build(p));
      return [...r.layers.map((l) => l.weightGrad[0][0]), ...r.layers.map((l) => l.biasGrad![0])];
    };
    const h = 1e-5;
    const hessian = p0.map((_, j) => {
      const up = p0.slice();
      const down = p0.slice();
      up[j] += h;
      down[j] -= h;
      const a = grads(up);
      const b = grads(down);
      return a.map((x, i) => (x - b[i]) / (2 * h));
    });
    const weightsOnly = topEigenvalue(hessian.slice(0, depth).map((r) => r.slice(0, depth)));
    const all = topEigenvalue(hessian);
    assert.ok(all > 5 * weightsOnly, `the bias block must be the sharp one: ${all} vs ${weightsOnly}`);
    const got = sharpness(build(p0), { iterations: 300, tolerance: 1e-12 });
    assert.ok(Math.abs(got.lambdaMax - weightsOnly) < 1e-5 * weightsOnly, `${got.lambdaMax} vs ${weightsOnly}`);
  });

  it('is deterministic: the same config gives the same λ and iteration count', () => {
    const cfg = config({
      layers: [layer(4, tanh, true, { kind: 'xavier' }), layer(1, linear, true, { kind: 'xavier' })],
      data: dataset([[0.1, 0.2], [0.5, -0.3], [-0.7, 0.4]], [[0.3], [-0.1], [0.2]]),
      seed: 5,
    });
    const a = sharpness(cfg);
    const b = sharpness(cfg);
    assert.deepEqual(a, b);
    assert.ok(a.iterations >= 1 && Number.isFinite(a.lambdaMax));
  });

  it('runs carry it when cheap: train and analyze of slow-descent report λ_max ≈ 8 and the bound 0.25', () => {
    const trained = train(slowDescent(0.26));
    const analyzed = analyze(slowDescent(0.26));
    for (const r of [trained, analyzed]) {
      assert.ok(r.sharpness && Math.abs(r.sharpness.lambdaMax - 8) < 1e-6, JSON.stringify(r.sharpness));
      assert.ok(Math.abs(r.sharpness.stableBelow - 0.25) < 1e-7);
    }
  });

  it('is skipped when costly: an analysis above 5e6 multiply-adds, a training run above 5e7 unless it is at most 10% of the run', () => {
    // 10 inputs → 90 tanh → 1: 1,081 parameters × 1,200 samples × 40 passes ≈ 5.2e7 > 5e7 multiply-adds.
    const rng = createRng(3, 1);
    const xs = Array.from({ length: 1200 }, () => Array.from({ length: 10 }, () => rng.normal()));
    const big = (iterations: number): TrainConfig =>
      config({
        layers: [layer(90, tanh, true, { kind: 'xavier' }), layer(1, linear, true, { kind: 'xavier' })],
        data: dataset(xs, xs.map((r) => [r[0]])),
        iterations,
      });
    assert.equal(initialSharpness(big(1000), false), undefined, 'analyze');
    // Analysis (per edit) stops at 5e6: 10 → 3 → 1 with 16 samples (37 · 16 · 40 ≈ 2.4e4) is computed.
    const small = config({
      layers: [layer(3, tanh, true, { kind: 'xavier' }), layer(1, linear, true, { kind: 'xavier' })],
      data: dataset(xs.slice(0, 16), xs.slice(0, 16).map((r) => [r[0]])),
    });
    assert.ok(initialSharpness(small, false));
    const medium = { ...big(1), data: dataset(xs.slice(0, 200), xs.slice(0, 200).map((r) => [r[0]])) };
    assert.equal(initialSharpness(medium, false), undefined, '1,081 · 200 · 40 ≈ 8.6e6 > 5e6 for an analysis');
    assert.ok(initialSharpness(medium, true), 'a training run still computes it below 5e7');
    assert.equal(initialSharpness(big(399), true), undefined, '40 passes > 10% of 399');
    const s = initialSharpness(big(400), true);
    assert.ok(s && s.lambdaMax > 0 && s.stableBelow === 2 / s.lambdaMax, JSON.stringify(s));
  });
});
