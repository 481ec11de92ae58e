// Seed 002 (100 tanh layers of one unit, x = y = (−0.5, 0.5), mse J = 1/(2m) Σ (h − y)², sgd α = 0.1).
//
// Sign and sample convention: our samples are in the seed's order, i = 1 ↔ x = −0.5, i = 2 ↔ x = +0.5, and
// g_k = ∂J/∂u_k as the seed defines it (g_l = (1/m) φ'(u_l) ⊙ (h_l − y)). With w = 5, h_100 ≈ ±0.9999 so
// h − y has the sign of x: g_k > 0 for x = +0.5 and < 0 for x = −0.5. The seed's table (b) prints
// +4.54e-5 … in its row i = 1 and −4.54e-5 … in row i = 2, i.e. its rows are in the order x = +0.5, −0.5
// (or the sign is flipped); the magnitudes are the same for both samples. We test the magnitudes to three
// significant digits, the sign implied by the seed's own formula, and g_{k,1} = −g_{k,2}.
import { strict as assert } from 'node:assert';
import { computeGradients, gradientCheck, train, type RunResult } from '../../../src/engine';
import { seed002 } from '../engine/configs';

const constant = (value: number) => ({ kind: 'constant' as const, value });

describe('seed 002: 100-layer tanh network', () => {
  describe('(a) all weights 1.0: training succeeds', () => {
    let run: RunResult;
    before(() => {
      run = train(seed002(constant(1.0), { trace: true }));
    });

    it('starts at J = 0.0726891 (6 significant digits)', () => {
      assert.equal(run.loss[0].toPrecision(6), '0.0726891');
    });

    it('reaches J ≈ 4.66e-30 at iteration 1000', () => {
      assert.equal(run.loss.length, 1000);
      assert.equal(run.loss[999].toPrecision(3), '4.66e-30');
    });

    it('keeps every h_k, g_k of iteration 1 (h_0 is the input, g_0 is null)', () => {
      const trace = run.trace!;
      assert.equal(trace.h.length, 101);
      assert.equal(trace.g.length, 101);
      assert.equal(trace.g[0], null);
      assert.deepEqual(trace.h[0], [[-0.5], [0.5]]);
      assert.equal(trace.h[1][1][0], Math.tanh(0.5));
    });
  });

  describe('(b) all weights 5.0: the cost is stuck at 0.125 and g_k vanishes as k decreases', () => {
    let run: RunResult;
    before(() => {
      run = train(seed002(constant(5.0), { trace: true }));
    });

    it('J stays within 1e-4 of 0.125 over all 1000 iterations', () => {
      assert.equal(run.loss.length, 1000);
      for (const j of run.loss) assert.ok(Math.abs(j - 0.125) < 1e-4, `J = ${j}`);
    });

    it('|g_k| at k = 1..5 and 96..100 match the seed to three significant digits (real float64 values, not 0)', () => {
      const g = run.trace!.g;
      const expected: [number, string][] = [
        [1, '5.83e-304'],
        [2, '4.39e-303'],
        [3, '4.23e-300'],
        [4, '4.65e-297'],
        [5, '5.12e-294'],
        [96, '3.10e-17'],
        [97, '3.41e-14'],
        [98, '3.75e-11'],
        [99, '4.13e-8'],
        [100, '4.54e-5'],
      ];
      for (const [k, magnitude] of expected) {
        const forPlus = g[k]![1][0]; // x = +0.5
        const forMinus = g[k]![0][0]; // x = −0.5
        assert.equal(forPlus.toExponential(2), magnitude, `g_${k} for x = +0.5`);
        assert.equal(forMinus.toExponential(2), `-${magnitude}`, `g_${k} for x = −0.5`);
        assert.equal(forMinus, -forPlus);
      }
    });

    it('h_k is almost the same for all k ≥ 2 (≈ ±0.9999)', () => {
      const h = run.trace!.h;
      for (let k = 2; k <= 100; k++) {
        assert.ok(Math.abs(h[k][1][0] - 0.99991) < 1e-4, `h_${k} = ${h[k][1][0]}`);
        assert.equal(h[k][0][0], -h[k][1][0]);
      }
    });

    it('∂J/∂w_k = h_{k−1}ᵀ g_k vanishes as k decreases', () => {
      const norms = run.layers.map((l) => l.gradNorm[0]);
      assert.ok(norms[0] > 0 && norms[0] < 1e-300, `layer 1: ${norms[0]}`);
      assert.ok(norms[99] > 1e-5, `layer 100: ${norms[99]}`);
      for (let k = 1; k < 100; k++) assert.ok(norms[k - 1] < norms[k], `layer ${k} vs ${k + 1}`);
    });
  });

  describe('(d) all weights 0.9: stuck at 0.125, h_k vanishes with k and g_k as k decreases', () => {
    let run: RunResult;
    before(() => {
      run = train(seed002(constant(0.9), { trace: true }));
    });

    it('J is still ≈ 0.125 after 1000 iterations', () => {
      assert.ok(Math.abs(run.loss[999] - 0.125) < 1e-4, `J_1000 = ${run.loss[999]}`);
      assert.ok(Math.abs(run.finalLoss - 0.125) < 1e-4);
    });

    it('|h_k| decreases with k and |g_k| decreases as k decreases', () => {
      const { h, g } = run.trace!;
      for (let k = 2; k <= 100; k++) {
        assert.ok(Math.abs(h[k][1][0]) < Math.abs(h[k - 1][1][0]), `h_${k}`);
        assert.ok(Math.abs(g[k - 1]![1][0]) < Math.abs(g[k]![1][0]), `g_${k - 1}`);
      }
      assert.ok(Math.abs(h[100][1][0]) < 1e-4);
      assert.ok(Math.abs(g[1]![1][0]) < 1e-4 * Math.abs(g[100]![1][0]));
    });
  });

  describe('2(a) with bias terms', () => {
    // A small bias keeps every layer's gradient well above the finite differences' resolution (a bias of 0.1
    // drives h_k to a fixed point where φ' < 1 and layer 1's gradient falls to 1e-19).
    const explicit = { kind: 'explicit' as const, weights: [[1.0]], bias: [0.001] };

    it('∂J/∂w_k = h_{k−1}ᵀ g_k and ∂J/∂b_k = 1ᵀ g_k (the seed’s formulas on the trace)', () => {
      const config = seed002(explicit, { bias: true, iterations: 1, trace: true });
      const { h, g } = train(config).trace!;
      const grads = computeGradients(config);
      for (let k = 1; k <= 100; k++) {
        const gk = g[k]!;
        const dw = h[k - 1][0][0] * gk[0][0] + h[k - 1][1][0] * gk[1][0];
        const db = gk[0][0] + gk[1][0];
        const layer = grads.layers[k - 1];
        assert.ok(Math.abs(layer.weightGrad[0][0] - dw) <= 1e-15 * Math.abs(dw), `w_${k}`);
        assert.ok(Math.abs(layer.biasGrad![0] - db) <= 1e-15 * Math.abs(db), `b_${k}`);
      }
    });

    it('gradients for w and b match central finite differences (relative error < 1e-7)', () => {
      const report = gradientCheck(seed002(explicit, { bias: true, iterations: 1 }));
      assert.equal(report.layers.length, 100);
      for (const l of report.layers) {
        assert.ok(l.maxAbsGrad > 1e-3, `layer ${l.index} gradient too small to test: ${l.maxAbsGrad}`);
        assert.ok(l.weightRelError < 1e-7, `layer ${l.index} w: ${l.weightRelError}`);
        assert.ok(l.biasRelError! < 1e-7, `layer ${l.index} b: ${l.biasRelError}`);
      }
    });
  });
});
