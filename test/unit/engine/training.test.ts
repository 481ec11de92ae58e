// Training-loop behaviour: determinism, mini-batches, optimizers, recording bounds, non-finite stops,
// the step-wise Trainer and analyze.
import { strict as assert } from 'node:assert';
import {
  analyze,
  createTrainer,
  generateData,
  parameterCount,
  train,
  type OptimizerConfig,
  type RunResult,
  type TrainConfig,
} from '../../../src/engine';
import { config, dataset, layer, seed002 } from './configs';

function xorConfig(optimizer: OptimizerConfig, learningRate: number, extra: Partial<TrainConfig> = {}): TrainConfig {
  return {
    ...config({
      layers: [
        layer(8, { kind: 'tanh' }, true, { kind: 'xavier' }),
        layer(1, { kind: 'sigmoid' }, true, { kind: 'xavier' }),
      ],
      data: generateData({ kind: 'xor', samples: 40, noise: 0.1, seed: 5 }),
      loss: 'binary-cross-entropy',
      optimizer,
      learningRate,
      iterations: 1500,
      seed: 11,
    }),
    ...extra,
  };
}

function allSeriesFinite(r: RunResult): boolean {
  return r.layers.every((l) =>
    [l.gradNorm, l.biasGradNorm, l.deltaNorm, l.meanAbsActivation, l.meanAbsPreactivation, l.meanDerivative,
      l.saturation, l.deadShare, l.weightNorm, l.updateRatio].every((s) => s.length === r.recorded.length && s.every(Number.isFinite)),
  );
}

describe('training', () => {
  it('is deterministic: the same config twice gives identical loss arrays and statistics', () => {
    const c = xorConfig({ kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, 0.01, { batchSize: 7 });
    const a = train(c);
    const b = train(c);
    assert.deepEqual(a.loss, b.loss);
    assert.deepEqual(a.layers.map((l) => l.gradNorm), b.layers.map((l) => l.gradNorm));
    assert.equal(a.finalLoss, b.finalLoss);
    const other = train({ ...c, seed: 12 });
    assert.notDeepEqual(a.loss, other.loss);
  });

  it('mini-batches: one iteration per batch, a batch as large as the data equals full batch', () => {
    const c = xorConfig({ kind: 'sgd' }, 0.5, { iterations: 30 });
    const full = train(c);
    const same = train({ ...c, batchSize: 40 });
    assert.deepEqual(same.loss, full.loss);
    const mini = train({ ...c, batchSize: 16 }); // 16, 16, 8 per epoch
    assert.equal(mini.loss.length, 30);
    assert.notDeepEqual(mini.loss, full.loss);
    assert.ok(mini.loss.every(Number.isFinite));
  });

  it('mini-batch sgd decreases the full-data loss on xor', () => {
    const r = train(xorConfig({ kind: 'sgd' }, 0.5, { batchSize: 8, iterations: 3000 }));
    const initial = analyze(xorConfig({ kind: 'sgd' }, 0.5)).finalLoss;
    assert.ok(r.finalLoss < 0.5 * initial, `${r.finalLoss} vs ${initial}`);
  });

  for (const optimizer of [
    { kind: 'momentum', beta: 0.9 },
    { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  ] as OptimizerConfig[]) {
    it(`${optimizer.kind} decreases the loss on xor`, () => {
      const r = train(xorConfig(optimizer, optimizer.kind === 'adam' ? 0.02 : 0.1));
      assert.equal(r.stopped, undefined);
      assert.ok(r.finalLoss < 0.2 * r.loss[0], `${r.loss[0]} → ${r.finalLoss}`);
      assert.ok(r.finalLoss < 0.1);
    });
  }

  it('records at most maxRecorded iterations, the first and the last always', () => {
    const c = config({
      layers: [layer(1, { kind: 'linear' }, false, { kind: 'constant', value: 0.5 })],
      data: dataset([[1], [2]], [[1], [2]]),
      learningRate: 0.01,
      iterations: 100000,
      maxRecorded: 1000,
    });
    const r = train(c);
    assert.equal(r.loss.length, 100000);
    assert.ok(r.recorded.length <= 1000 && r.recorded.length > 900, `${r.recorded.length}`);
    assert.equal(r.recorded[0], 1);
    assert.equal(r.recorded[r.recorded.length - 1], 100000);
    for (let i = 1; i < r.recorded.length; i++) assert.ok(r.recorded[i] > r.recorded[i - 1]);
    assert.ok(allSeriesFinite(r));
    // Default: 2000.
    const d = train({ ...c, iterations: 5001, record: {} });
    assert.ok(d.recorded.length <= 2000);
    assert.equal(d.recorded[d.recorded.length - 1], 5001);
  });

  it('stops on a non-finite update with the iteration, layer and phase, keeping only finite records', () => {
    const linear = { kind: 'linear' as const };
    const r = train(
      config({
        layers: [layer(8, linear, true, { kind: 'xavier' }), layer(1, linear, true, { kind: 'xavier' })],
        data: generateData({ kind: 'sine', samples: 20, noise: 0, seed: 1 }),
        learningRate: 50,
        iterations: 5000,
      }),
    );
    assert.equal(r.stopped, 'non-finite');
    assert.ok(r.nonFinite);
    assert.ok(r.nonFinite.iteration > 1 && r.nonFinite.iteration < 5000);
    assert.ok(['forward', 'loss', 'backward', 'update'].includes(r.nonFinite.phase));
    assert.ok(r.nonFinite.layer >= 0 && r.nonFinite.layer <= 2);
    assert.ok(!Number.isFinite(r.nonFinite.value));
    assert.equal(r.iterations, r.nonFinite.iteration - 1);
    assert.equal(r.loss.length, r.iterations);
    assert.ok(r.loss.every(Number.isFinite));
    assert.ok(allSeriesFinite(r));
    assert.ok(Number.isNaN(r.finalLoss));
  });

  it('locates a forward overflow at its layer', () => {
    const big = { kind: 'explicit' as const, weights: [[1e200]] };
    const r = train(
      config({
        layers: [
          layer(1, { kind: 'linear' }, false, big),
          layer(1, { kind: 'linear' }, false, big),
          layer(1, { kind: 'linear' }, false, { kind: 'constant', value: 1 }),
        ],
        data: dataset([[1]], [[0]]),
        iterations: 5,
      }),
    );
    assert.deepEqual(r.nonFinite, { iteration: 1, layer: 2, phase: 'forward', value: Infinity });
    assert.equal(r.iterations, 0);
    assert.deepEqual(r.loss, []);
  });

  it('the step-wise trainer: progress, a consistent snapshot, cancel', () => {
    const t = createTrainer(seed002({ kind: 'constant', value: 1 }, { iterations: 1000 }));
    assert.equal(t.done, false);
    t.step(10);
    assert.equal(t.progress().iteration, 10);
    const snap = t.snapshot();
    assert.equal(snap.iterations, 10);
    assert.equal(snap.loss.length, 10);
    t.step(5);
    assert.equal(snap.loss.length, 10, 'a snapshot is a copy');
    t.cancel();
    assert.equal(t.done, true);
    const r = t.result();
    assert.equal(r.stopped, 'cancelled');
    assert.equal(r.iterations, 15);
    assert.equal(r.requestedIterations, 1000);
    assert.ok(Number.isFinite(r.finalLoss) && r.finalLoss < r.loss[0]);
    assert.equal(r.params, 100);
  });

  it('analyze: one forward and backward at the initial weights, no update', () => {
    const c = seed002({ kind: 'constant', value: 5 }, { iterations: 1000, trace: true });
    const a = analyze(c);
    const t = train({ ...c, iterations: 1 });
    assert.equal(a.iterations, 1);
    assert.deepEqual(a.recorded, [1]);
    assert.equal(a.loss[0], t.loss[0]);
    assert.equal(a.finalLoss, a.loss[0]);
    assert.deepEqual(a.layers.map((l) => l.gradNorm[0]), t.layers.map((l) => l.gradNorm[0]));
    assert.ok(a.layers.every((l) => l.updateRatio[0] === 0));
    assert.ok(a.trace);
  });

  it('layer statistics follow their definitions on a hand-checkable network', () => {
    // One relu layer of 2 units: unit 1 gets u = x > 0, unit 2 gets u = −x < 0 (dead on every sample).
    const r = analyze(
      config({
        layers: [
          layer(2, { kind: 'relu' }, false, { kind: 'explicit', weights: [[1], [-1]] }),
          layer(1, { kind: 'linear' }, false, { kind: 'explicit', weights: [[1, 1]] }),
        ],
        data: dataset([[1], [3]], [[0], [0]]),
      }),
    );
    const l1 = r.layers[0];
    assert.equal(l1.meanAbsPreactivation[0], (1 + 1 + 3 + 3) / 4);
    assert.equal(l1.meanAbsActivation[0], (1 + 3) / 4);
    assert.equal(l1.meanDerivative[0], 0.5);
    assert.equal(l1.deadShare[0], 0.5);
    assert.equal(l1.saturation[0], 0.5);
    assert.equal(l1.weightNorm[0], Math.SQRT2);
    // mse: g₂ = (ŷ − y)/m = (1/2, 3/2); g₁ = g₂ w₂ ⊙ relu' = rows (1/2, 0), (3/2, 0).
    assert.equal(l1.deltaNorm[0], Math.hypot(0.5, 1.5));
    assert.equal(l1.gradNorm[0], 0.5 * 1 + 1.5 * 3);
    assert.equal(r.layers[1].gradNorm[0], Math.hypot(0.5 * 1 + 1.5 * 3, 0));
    assert.equal(r.loss[0], (1 + 9) / 4);
  });

  it('update ratio is ‖ΔW‖/‖W‖ of the iteration (sgd: α‖∇W‖/‖W‖)', () => {
    const r = train(xorConfig({ kind: 'sgd' }, 0.3, { iterations: 3 }));
    r.layers.forEach((l) => {
      for (let i = 0; i < r.recorded.length; i++) {
        const expected = (0.3 * l.gradNorm[i]) / l.weightNorm[i];
        assert.ok(Math.abs(l.updateRatio[i] - expected) <= 1e-12 * expected);
      }
    });
  });

  it('parameterCount counts weights and biases', () => {
    const layers = [
      layer(4, { kind: 'tanh' }, true, { kind: 'he' }),
      layer(3, { kind: 'tanh' }, false, { kind: 'he' }),
      layer(2, { kind: 'softmax' }, true, { kind: 'he' }),
    ];
    assert.equal(parameterCount(5, layers), 5 * 4 + 4 + 4 * 3 + 3 * 2 + 2);
    assert.equal(parameterCount(1, seed002({ kind: 'constant', value: 1 }).layers), 100);
  });

  it('rejects a config whose data does not fit the network', () => {
    const c = seed002({ kind: 'constant', value: 1 });
    assert.throws(() => train({ ...c, inputs: 2 }), /inputs/);
    assert.throws(() => createTrainer({ ...c, batchSize: 0 }), /batchSize/);
  });
});
