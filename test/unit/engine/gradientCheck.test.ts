// Backprop against central finite differences for every activation × loss × bias/no bias, on a 3-4-3-k net
// with seeded normal weights and fixed data. Each case also requires gradients large enough to be measured.
import { strict as assert } from 'node:assert';
import { gradientCheck, type ActivationSpec, type LayerConfig, type LossKind } from '../../../src/engine';
import { config, dataset, layer } from './configs';

const hidden: ActivationSpec[] = [
  { kind: 'sigmoid' },
  { kind: 'tanh' },
  { kind: 'relu' },
  { kind: 'leaky-relu', a: 0.1 },
  { kind: 'elu', alpha: 1 },
  { kind: 'selu', lambda: 1.05, alpha: 1.67 },
  { kind: 'softplus' },
  { kind: 'linear' },
  { kind: 'expr', source: 'z * tanh(z)' },
];

// mse/sse keep the hidden activation at the output too; the cross-entropies take their own output.
const losses: { loss: LossKind; output: ActivationSpec | null; outputs: number }[] = [
  { loss: 'mse', output: null, outputs: 2 },
  { loss: 'sse', output: null, outputs: 2 },
  { loss: 'cross-entropy', output: { kind: 'softmax' }, outputs: 3 },
  { loss: 'binary-cross-entropy', output: { kind: 'sigmoid' }, outputs: 2 },
];

const xs = [
  [0.9, -1.3, 0.4],
  [-0.8, 0.6, 1.7],
  [1.2, 0.3, -0.9],
  [-0.5, -1.1, -0.4],
  [0.2, 1.4, 0.8],
];

function targets(loss: LossKind, outputs: number): number[][] {
  if (loss === 'cross-entropy') return xs.map((_, i) => Array.from({ length: outputs }, (_, j) => (j === i % outputs ? 1 : 0)));
  if (loss === 'binary-cross-entropy') return xs.map((_, i) => Array.from({ length: outputs }, (_, j) => (i + j) % 2));
  return xs.map((_, i) => Array.from({ length: outputs }, (_, j) => 0.3 * Math.sin(i + 2 * j)));
}

const name = (a: ActivationSpec) => (a.kind === 'expr' ? a.source : a.kind);

describe('gradient check: backprop equals central finite differences (relative error < 1e-7)', () => {
  for (const act of hidden) {
    for (const { loss, output, outputs } of losses) {
      for (const bias of [true, false]) {
        it(`${name(act)} × ${loss}${output ? ` (${output.kind} output)` : ''} × ${bias ? 'bias' : 'no bias'}`, () => {
          const init = { kind: 'normal' as const, mean: 0, std: 0.8 };
          const layers: LayerConfig[] = [
            layer(4, act, bias, init),
            layer(3, act, bias, init),
            layer(outputs, output ?? act, bias, init),
          ];
          // Seed 3 keeps every relu layer alive on every sample: when a whole layer is 0 for a sample, the next
          // layer's u = b = 0 sits exactly on the kink and the one-sided finite difference disagrees with
          // relu'(0) = 0 (the kink the brief says to avoid, not an engine error).
          const report = gradientCheck(config({ layers, data: dataset(xs, targets(loss, outputs)), loss, seed: 3 }));
          assert.equal(report.epsilon, 1e-4);
          assert.equal(report.layers.length, 3);
          for (const l of report.layers) {
            assert.ok(l.maxAbsGrad > 1e-3, `layer ${l.index}: gradient too small to test (${l.maxAbsGrad})`);
            assert.ok(l.weightRelError < 1e-7, `layer ${l.index} weights: ${l.weightRelError}`);
            if (bias) assert.ok(l.biasRelError! < 1e-7, `layer ${l.index} bias: ${l.biasRelError}`);
            else assert.equal(l.biasRelError, null);
          }
          assert.ok(report.maxRelError < 1e-7);
        });
      }
    }
  }

  // Combinations that are not fused: the gradient goes through the output's φ' (softmax: its full Jacobian).
  const unfused: { loss: LossKind; output: ActivationSpec; targetsOf: LossKind }[] = [
    { loss: 'mse', output: { kind: 'softmax' }, targetsOf: 'cross-entropy' },
    { loss: 'sse', output: { kind: 'softmax' }, targetsOf: 'cross-entropy' },
    { loss: 'binary-cross-entropy', output: { kind: 'softmax' }, targetsOf: 'cross-entropy' },
    { loss: 'cross-entropy', output: { kind: 'sigmoid' }, targetsOf: 'cross-entropy' },
    { loss: 'binary-cross-entropy', output: { kind: 'tanh' }, targetsOf: 'binary-cross-entropy' },
  ];
  for (const { loss, output, targetsOf } of unfused) {
    it(`unfused: ${output.kind} output × ${loss}`, () => {
      const init = { kind: 'normal' as const, mean: 0, std: 0.8 };
      // tanh output under binary cross-entropy needs h in (0, 1): shift the output layer's inputs upwards.
      const outInit = output.kind === 'tanh' ? { kind: 'normal' as const, mean: 0.6, std: 0.1 } : init;
      const layers = [layer(4, { kind: 'sigmoid' }, true, init), layer(3, output, true, outInit)];
      const report = gradientCheck(config({ layers, data: dataset(xs, targets(targetsOf, 3)), loss, seed: 3 }));
      for (const l of report.layers) assert.ok(l.maxAbsGrad > 1e-3, `layer ${l.index}: ${l.maxAbsGrad}`);
      assert.ok(report.maxRelError < 1e-7, `${report.maxRelError}`);
    });
  }

  it('samples at most 64 entries of a large layer and still agrees', () => {
    const init = { kind: 'xavier' as const };
    const report = gradientCheck(
      config({
        layers: [layer(40, { kind: 'tanh' }, true, init), layer(2, { kind: 'linear' }, true, init)],
        data: dataset(xs, targets('mse', 2)),
      }),
    );
    assert.ok(report.maxRelError < 1e-7, `${report.maxRelError}`);
  });

  it('carries counts and a verdict: every entry of a small net checked, none skipped, pass', () => {
    const init = { kind: 'normal' as const, mean: 0, std: 0.8 };
    const report = gradientCheck(
      config({ layers: [layer(4, { kind: 'tanh' }, true, init), layer(2, { kind: 'linear' }, false, init)], data: dataset(xs, targets('mse', 2)) }),
    );
    assert.equal(report.threshold, 1e-6);
    assert.deepEqual(report.layers.map((l) => [l.checked, l.skipped, l.narrowed, l.pass]), [[16, 0, 0, true], [8, 0, 0, true]]);
    assert.deepEqual([report.checked, report.skipped, report.narrowed, report.pass], [24, 0, 0, true]);
  });
});
