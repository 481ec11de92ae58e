// Each rule fires on a hand-built run that has its problem and stays quiet on one that does not.
import { strict as assert } from 'node:assert';
import { diagnoseRun, resolveThresholds, RULES } from '../../../src/diagnostics';
import type { Finding, RuleId } from '../../../src/diagnostics';
import { buildRegistry } from '../../../src/diagnostics/rules';
import type { LayerRecord, RunResult, TrainConfig } from '../../../src/engine/types';
import type { NetworkSpec } from '../../../src/spec/types';
import { layerRecord, makeRun, makeSpec } from './builders';

const T = resolveThresholds();

function run(spec: NetworkSpec, result: RunResult, config?: TrainConfig): Finding[] {
  return diagnoseRun(spec, { label: 'r', result, config }, T);
}

function of(list: Finding[], rule: RuleId): Finding[] {
  return list.filter((f) => f.rule === rule);
}

/** Three tanh layers of 4 units on lines 3, 5, 7 (0-based), healthy statistics unless overridden. */
function threeLayers(overrides: Partial<Record<number, Parameters<typeof layerRecord>[1]>> = {}): {
  spec: NetworkSpec;
  layers: LayerRecord[];
} {
  const spec = makeSpec({
    entries: [
      { units: 4, line: 3 },
      { units: 4, line: 5 },
      { units: 1, activation: { kind: 'sigmoid' }, line: 7 },
    ],
  });
  const layers = [1, 2, 3].map((k) =>
    layerRecord(k, { gradNorm: 0.05, deltaNorm: 0.1, weightNorm: 2, ...overrides[k] }, { units: k < 3 ? 4 : 1, fanIn: k === 1 ? 1 : 4 }),
  );
  return { spec, layers };
}

const decreasing = (n: number, from = 0.7, to = 0.1): number[] =>
  Array.from({ length: n }, (_, i) => from * Math.pow(to / from, i / (n - 1)));

describe('diagnostics rules on hand-built runs', () => {
  it('a healthy run gives no finding', () => {
    const { spec, layers } = threeLayers();
    assert.deepEqual(run(spec, makeRun(layers, decreasing(50))), []);
  });

  describe('vanishing-gradient', () => {
    it('fires below the absolute threshold, with the entry line of each flagged layer', () => {
      const { spec, layers } = threeLayers({ 1: { gradNorm: 3e-9, deltaNorm: 1e-8 } });
      const [f] = of(run(spec, makeRun(layers, decreasing(50))), 'vanishing-gradient');
      assert.deepEqual(f.layers, [1, 1]);
      assert.equal(f.line, 4);
      assert.match(f.message, /^Vanishing gradient in layer 1: ‖∂J\/∂W‖ falls from 0\.05 \(layer 2\) to 3e-9 \(layer 1\)/);
      assert.match(f.message, /each layer scales δ by ~1e-7 going back \(RMS weight ≈ 1, tanh'\(u\) ≈ 0\.8 at \|u\| ≈ 0\.5\)/);
    });

    it('fires on a layer 1e6 times smaller than the largest one (ratio), quiet at 1e3 times', () => {
      const big = threeLayers({ 1: { gradNorm: 1e-3 }, 3: { gradNorm: 1 } });
      assert.equal(of(run(big.spec, makeRun(big.layers, decreasing(50))), 'vanishing-gradient').length, 0);
      const tiny = threeLayers({ 1: { gradNorm: 1e-3 }, 3: { gradNorm: 1e3 } });
      const found = of(run(tiny.spec, makeRun(tiny.layers, decreasing(50))), 'vanishing-gradient');
      assert.deepEqual(found.map((f) => f.layers), [[1, 1]]);
    });

    it('fires when a 1% weight change barely moves J (sensitivity), and says by how much', () => {
      // s = ‖∂J/∂W‖·‖W‖/J = 1e-4 · 2 / 0.7 ≈ 2.86e-4 < 1e-3 in every layer.
      const { spec, layers } = threeLayers({ 1: { gradNorm: 1e-4 }, 2: { gradNorm: 1e-4 }, 3: { gradNorm: 1e-4 } });
      const found = of(run(spec, makeRun(layers, decreasing(50))), 'vanishing-gradient');
      assert.equal(found.length, 3); // one per entry
      assert.match(found[0].message, /‖∂J\/∂W‖ ≤ 1e-4, so a 1% change of its weights moves J = 0\.7 by at most 2\.86e-4%/);
    });

    it('splits consecutive flagged layers at entry borders', () => {
      const spec = makeSpec({ entries: [{ units: 1, repeat: 3, line: 2 }, { units: 1, repeat: 2, line: 9 }] });
      const layers = [1, 2, 3, 4, 5].map((k) => layerRecord(k, { gradNorm: k < 5 ? 1e-10 : 0.1 }));
      const found = of(run(spec, makeRun(layers, decreasing(20))), 'vanishing-gradient');
      assert.deepEqual(found.map((f) => [f.layers, f.entry, f.line]), [[[1, 3], 0, 3], [[4, 4], 1, 10]]);
      assert.match(found[0].message, /in layers 1–3 of 3:/);
    });
  });

  describe('exploding-gradient', () => {
    it('fires when δ grows by more than 1e3 on its way back, and names the growth per layer', () => {
      const spec = makeSpec({ entries: [{ units: 1, repeat: 6, line: 4 }] });
      // ‖g_k‖ = 3^(6−k): ×3 per layer going back; layers 1 and 2 are 243 and 81 times the output's.
      const layers = [1, 2, 3, 4, 5, 6].map((k) =>
        layerRecord(k, { deltaNorm: Math.pow(3, 6 - k), gradNorm: Math.pow(3, 6 - k), weightNorm: 3, meanDerivative: 1 }),
      );
      assert.equal(of(run(spec, makeRun(layers, decreasing(20))), 'exploding-gradient').length, 0);
      const strict = diagnoseRun(spec, { label: '', result: makeRun(layers, decreasing(20)) }, resolveThresholds({ explodingRatio: 50 }));
      const [f] = of(strict, 'exploding-gradient');
      assert.deepEqual(f.layers, [1, 2]);
      assert.match(f.message, /‖∂J\/∂W‖ reaches 243 \(layer 1\); δ grows from 1 \(layer 6\) to 243; each layer scales δ by ~3 going back \(\|w\| ≈ 3/);
      assert.match(f.fix ?? '', /scale the init down: xavier gives std 1 here/);
    });

    it('fires above the absolute threshold', () => {
      const { spec, layers } = threeLayers({ 2: { gradNorm: 5e3 } });
      const [f] = of(run(spec, makeRun(layers, decreasing(20))), 'exploding-gradient');
      assert.deepEqual(f.layers, [2, 2]);
      assert.equal(f.line, 6);
    });
  });

  describe('vanishing-activation', () => {
    it('fires when mean |h| shrinks below the threshold with depth', () => {
      const spec = makeSpec({ entries: [{ units: 1, repeat: 8, line: 1 }] });
      const layers = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => layerRecord(k, { meanAbsActivation: 0.5 * Math.pow(0.2, k), weightNorm: 0.2, meanDerivative: 1 }));
      const [f] = of(run(spec, makeRun(layers, decreasing(20))), 'vanishing-activation');
      // 0.5·0.2^k < 1e-3 from k = 4 on.
      assert.deepEqual(f.layers, [4, 8]);
      assert.match(f.message, /mean \|h\| falls from 0\.5 \(the input\) to 1\.28e-6 \(layer 8\), ×0\.2 per layer/);
    });

    it('stays quiet for a small output alone (a small target is not a vanishing signal)', () => {
      const { spec, layers } = threeLayers({ 3: { meanAbsActivation: 1e-5 } });
      assert.equal(of(run(spec, makeRun(layers, decreasing(20))), 'vanishing-activation').length, 0);
    });
  });

  describe('saturated-activation', () => {
    it('fires on saturated tanh layers at iteration 1', () => {
      const { spec, layers } = threeLayers({ 2: { saturation: 0.9, meanAbsPreactivation: 6, meanDerivative: 2e-5 } });
      const [f] = of(run(spec, makeRun(layers, decreasing(20))), 'saturated-activation');
      assert.deepEqual(f.layers, [2, 2]);
      assert.match(f.message, /up to 90% of entries have tanh'\(u\) below 1% of its peak at iteration 1 \(mean \|u\| ≈ 6/);
    });

    it('reports saturation that develops during training separately, with the iteration', () => {
      const { spec, layers } = threeLayers({ 1: { saturation: [0, 0.8] } });
      const [f] = of(run(spec, makeRun(layers, decreasing(30))), 'saturated-activation');
      assert.match(f.message, /by iteration 30/);
      assert.match(f.fix ?? '', /lower train\.learningRate/);
    });

    it('ignores relu layers and a sigmoid output under binary cross-entropy', () => {
      const spec = makeSpec({
        loss: 'binary-cross-entropy',
        entries: [
          { units: 4, activation: { kind: 'relu' }, line: 3 },
          { units: 1, activation: { kind: 'sigmoid' }, line: 5 },
        ],
      });
      const layers = [1, 2].map((k) => layerRecord(k, { saturation: 0.9 }));
      assert.equal(of(run(spec, makeRun(layers, decreasing(20))), 'saturated-activation').length, 0);
    });
  });

  describe('dead-units', () => {
    const relu = (share: number): Finding[] => {
      const spec = makeSpec({ entries: [{ units: 8, activation: { kind: 'relu' }, line: 3 }, { units: 1, activation: { kind: 'linear' }, line: 6 }] });
      const layers = [layerRecord(1, { deadShare: share }, { units: 8 }), layerRecord(2, {})];
      return of(run(spec, makeRun(layers, decreasing(20))), 'dead-units');
    };
    it('warns above the share, errors when the whole layer is dead, quiet below', () => {
      assert.equal(relu(0.25).length, 0);
      const [some] = relu(0.75);
      assert.equal(some.severity, 'warning');
      assert.match(some.message, /75% of the 8 units of layer 1 have relu'\(u\) = 0 on every sample at iteration 1/);
      const [all] = relu(1);
      assert.equal(all.severity, 'error');
      assert.match(all.message, /no gradient passes below it/);
    });
  });

  describe('non-finite', () => {
    it('is an error on the layer where the value first appeared', () => {
      const { spec, layers } = threeLayers();
      const result = makeRun(layers, [0.5, 2, 40], {
        stopped: 'non-finite',
        nonFinite: { iteration: 4, layer: 2, phase: 'forward', value: Infinity },
        finalLoss: NaN,
      });
      const [f] = of(run(spec, result), 'non-finite');
      assert.equal(f.severity, 'error');
      assert.equal(f.line, 6);
      assert.match(f.message, /^Non-finite value \(\+Infinity\) in layer 2 at iteration 4, forward pass; training stopped after 3 completed iterations/);
    });

    it("puts a non-finite loss on the spec's loss key", () => {
      const { spec, layers } = threeLayers();
      const result = makeRun(layers, [NaN], { stopped: 'non-finite', nonFinite: { iteration: 1, layer: 0, phase: 'loss', value: NaN } });
      const [f] = of(run(spec, result), 'non-finite');
      assert.equal(f.path, 'loss');
      assert.equal(f.line, 21);
      assert.match(f.fix ?? '', /initial weights already overflow/);
    });
  });

  describe('stalled-loss', () => {
    const { spec, layers } = threeLayers();
    it('fires when J barely moves over the run and is far from 0', () => {
      const [f] = of(run(spec, makeRun(layers, decreasing(200, 0.3, 0.299))), 'stalled-loss');
      assert.match(f.message, /J only goes from 0\.3 to 0\.299 over 200 iterations \(relative decrease 0\.00333 < 0\.01\)/);
      assert.match(f.fix ?? '', /raise train\.learningRate \(now 0\.1\) or use adam/);
    });
    it('stays quiet on a one-pass analysis, on a loss near 0, and on a loss that falls', () => {
      assert.equal(of(run(spec, makeRun(layers, [0.3])), 'stalled-loss').length, 0);
      assert.equal(of(run(spec, makeRun(layers, decreasing(50, 1e-7, 0.99e-7))), 'stalled-loss').length, 0);
      assert.equal(of(run(spec, makeRun(layers, decreasing(50, 0.3, 0.2))), 'stalled-loss').length, 0);
    });
  });

  describe('learning-rate-too-high', () => {
    // Seed 001's quadratic ½(a w₁² + b w₂²) with a = 8 under plain GD at η = 0.26: the w₁ mode is multiplied by
    // (1 − ηa) = −1.08 per step, so J grows ×1.1664 and the bound is 2/a = 0.25.
    const spec = makeSpec({ entries: [{ units: 1, activation: { kind: 'linear' }, line: 4 }], learningRate: 0.1 });
    const layers = [layerRecord(1, {})];
    const diverging = Array.from({ length: 100 }, (_, t) => 4 * Math.pow(1.1664, t));
    const config = { learningRate: 0.26, optimizer: { kind: 'sgd' }, batchSize: 'full' } as TrainConfig;

    it("is an error when J diverges, on train.learningRate, with the bound 2/λ from the run's own rate", () => {
      const [f] = of(run(spec, makeRun(layers, diverging), config), 'learning-rate-too-high');
      assert.equal(f.severity, 'error');
      assert.equal(f.path, 'train.learningRate');
      assert.equal(f.line, 24);
      assert.match(f.message, /^Training diverges at learningRate 0\.26: J grows from 4 to .* \(×1\.17 per iteration\)/);
      assert.ok(Math.abs((f.evidence.learningRateBound as number) - 0.25) < 1e-9, String(f.evidence.learningRateBound));
      assert.match(f.fix ?? '', /lower train\.learningRate below 2\/λ ≈ 0\.25 \(λ ≈ 8,/);
    });

    it('warns when J rises or oscillates in full-batch SGD', () => {
      const rising = [1, 1.2, 1.1, 1.3, 1.2, 1.4, 1.3, 1.5];
      assert.equal(of(run(spec, makeRun(layers, rising)), 'learning-rate-too-high')[0].severity, 'warning');
      const zigzag = Array.from({ length: 40 }, (_, t) => (1 + 0.3 * (t % 2)) * Math.pow(0.97, t));
      const [f] = of(run(spec, makeRun(layers, zigzag)), 'learning-rate-too-high');
      assert.match(f.message, /^Loss oscillates at learningRate 0\.1: J rises at 51% of 40 iterations/);
    });

    describe('with λ_max at the initial weights (RunResult.sharpness: λ = 8, 2/λ = 0.25)', () => {
      const sharpness = { lambdaMax: 8, stableBelow: 0.25, converged: true };
      const analysis = makeRun(layers, [4], { sharpness });

      it('warns before any divergence is seen when η > 2/λ_max (an analysis: one iteration)', () => {
        const [f] = of(run(spec, analysis, config), 'learning-rate-too-high');
        assert.equal(f.severity, 'warning');
        assert.equal(f.path, 'train.learningRate');
        assert.equal(
          f.message,
          'learningRate 0.26 is above 2/λ_max ≈ 0.25 (λ_max ≈ 8, the sharpest curvature of J at the initial weights): gradient descent is expected to diverge',
        );
        assert.deepEqual(f.evidence, { learningRate: 0.26, lambdaMax: 8, stableBelow: 0.25 });
        assert.match(f.fix ?? '', /below 0\.25 \(below 0\.125 = 1\/λ_max J falls monotonically\)/);
        // The same on a trained run that did not (yet) diverge.
        assert.equal(of(run(spec, makeRun(layers, decreasing(50), { sharpness }), config), 'learning-rate-too-high')[0].severity, 'warning');
      });

      it('stays quiet at η ≤ 2/λ_max, and for momentum or adam (whose bounds differ)', () => {
        assert.equal(of(run(spec, analysis, { ...config, learningRate: 0.25 }), 'learning-rate-too-high').length, 0);
        const momentum = { ...config, optimizer: { kind: 'momentum', beta: 0.9 } } as TrainConfig;
        assert.equal(of(run(spec, analysis, momentum), 'learning-rate-too-high').length, 0);
      });

      it('keeps the error when J diverges and names the bound from λ_max, above or below it', () => {
        const [f] = of(run(spec, makeRun(layers, diverging, { sharpness }), config), 'learning-rate-too-high');
        assert.equal(f.severity, 'error');
        assert.match(f.message, /^Training diverges at learningRate 0\.26: .*; learningRate is above 2\/λ_max ≈ 0\.25 \(λ_max ≈ 8,/);
        assert.equal(f.fix, 'lower train.learningRate below 2/λ_max ≈ 0.25');
        assert.equal(f.evidence.lambdaMax, 8);
        const below = { lambdaMax: 1, stableBelow: 2, converged: true };
        const [g] = of(run(spec, makeRun(layers, diverging, { sharpness: below }), config), 'learning-rate-too-high');
        assert.match(g.message, /, although it is below 2\/λ_max ≈ 2 \(λ_max ≈ 1,/);
        assert.match(g.fix ?? '', /2\/λ ≈ 0\.25 \(λ ≈ 8, the curvature implied by J growing/);
      });
    });

    it('stays quiet on a converging run, on tiny zigzags and on mini-batch noise', () => {
      assert.equal(of(run(spec, makeRun(layers, decreasing(100))), 'learning-rate-too-high').length, 0);
      const ripple = Array.from({ length: 40 }, (_, t) => (1 + 1e-5 * (t % 2)) * Math.pow(0.999, t));
      assert.equal(of(run(spec, makeRun(layers, ripple)), 'learning-rate-too-high').length, 0);
      const zigzag = Array.from({ length: 40 }, (_, t) => (1 + 0.3 * (t % 2)) * Math.pow(0.97, t));
      const mini = makeSpec({ entries: [{ units: 1, line: 4 }], batchSize: 1, samples: 2 });
      assert.equal(of(run(mini, makeRun(layers, zigzag)), 'learning-rate-too-high').length, 0);
    });
  });

  it('the registry refuses a rule registered twice', () => {
    assert.throws(() => buildRegistry([RULES[0], RULES[1], RULES[0]]), /registered twice/);
    assert.equal(new Set(RULES.map((r) => r.id)).size, 9);
  });
});
