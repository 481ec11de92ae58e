import * as assert from 'node:assert/strict';
import type { ActivationInfo } from '../../../src/engine/types';
import { initHover, initStd, layerHover, learningRateHover, lossHover, sampleLayers } from '../../../src/extension/hoverContent';
import type { Finding } from '../../../src/diagnostics/types';
import { formatNumber } from '../../../src/diagnostics';
import { deepTanhRun, deepTanhSpec, line } from './fixtures';

const tanh: ActivationInfo = {
  name: 'tanh',
  formula: 'φ(z) = tanh z',
  derivative: "φ'(z) = 1 − tanh² z",
  bound: { value: 1, at: 0, exact: true },
};

describe('extension: hover Markdown', () => {
  it('samples the first, middle and last layer of a repeated entry', () => {
    assert.deepEqual(sampleLayers({ firstLayer: 1, lastLayer: 100 }), [1, 51, 100]);
    assert.deepEqual(sampleLayers({ firstLayer: 3, lastLayer: 4 }), [3, 4]);
    assert.deepEqual(sampleLayers({ firstLayer: 7, lastLayer: 7 }), [7]);
  });

  it('before any run, a layer hover shows only the static parts', () => {
    const spec = deepTanhSpec(5);
    const md = layerHover({ spec, entry: spec.entries[0], activation: tanh, params: 100, runs: [], kind: undefined });
    assert.match(md, /layers 1–100 of 100 \(repeat 100\)/);
    assert.match(md, /Parameters: 100 \(no bias\)/);
    assert.match(md, /φ\(z\) = tanh z/);
    assert.match(md, /sup \|φ'\| = 1 at z = 0/);
    assert.doesNotMatch(md, /‖∂J\/∂W‖/);
  });

  it('after training, a layer hover tabulates first → last iteration for layers 1, 51, 100', () => {
    const spec = deepTanhSpec(5);
    const runs = [{ label: '', result: deepTanhRun(1000) }];
    const md = layerHover({ spec, entry: spec.entries[0], activation: tanh, params: 100, runs, kind: 'training' });
    assert.match(md, /\| \| layer 1 \| layer 51 \| layer 100 \|/);
    const g = (k: number): string => formatNumber(10 ** (k - 101));
    assert.ok(md.includes(`| ‖∂J/∂W‖ | ${g(1)} → ${g(1)} | ${g(51)} → ${g(51)} | ${g(100)} → ${g(100)} |`), md);
    assert.match(md, /iteration 1 → iteration 1000/);
    for (const row of ['‖δ‖', 'mean \\|h\\|', 'saturation', 'dead units', 'update ratio']) assert.ok(md.includes(`| ${row} |`), row);
    assert.match(md, /\| saturation \| 100% → 100%/);
  });

  it('after an analysis, cells hold one value and there is no update ratio', () => {
    const spec = deepTanhSpec(5);
    const runs = [{ label: '', result: deepTanhRun(1) }];
    const md = layerHover({ spec, entry: spec.entries[0], activation: tanh, params: 100, runs, kind: 'analysis' });
    assert.match(md, /at initialization/);
    assert.doesNotMatch(md, /→/);
    assert.doesNotMatch(md, /update ratio/);
  });

  it('labels each run of a sweep and caps the number of tables', () => {
    const spec = deepTanhSpec(5, true);
    const runs = ['a=1', 'a=2', 'a=3', 'a=4'].map((label) => ({ label, result: deepTanhRun(10) }));
    const md = layerHover({ spec, entry: spec.entries[0], activation: tanh, params: 100, runs, kind: 'training' });
    assert.equal(md.split('| | layer 1 |').length - 1, 3);
    assert.match(md, /\*\*a=1\*\*/);
    assert.match(md, /1 more runs in the gradient panel/);
  });

  it('the loss hover gives the exact formula and ∂J/∂ŷ', () => {
    const spec = deepTanhSpec(5);
    const md = lossHover(spec, [{ label: '', result: deepTanhRun(1000) }], 'training');
    assert.match(md, /J = 1\/\(2m\) Σᵢ ‖ŷᵢ − yᵢ‖²/);
    assert.match(md, /∂J\/∂ŷᵢ = \(ŷᵢ − yᵢ\)\/m/);
    assert.match(md, /m = 2 samples/);
    assert.match(md, /J = 0\.125 at iteration 1 → 0\.125 after 1000/);
    const sse = lossHover({ ...spec, loss: 'sse' }, [], undefined);
    assert.match(sse, /∂E\/∂ŷᵢ = 2\(ŷᵢ − yᵢ\)/);
  });

  it('the init hover gives the weight scale for this layer', () => {
    assert.equal(initStd({ kind: 'he' }, 8, 4), 0.5);
    assert.equal(initStd({ kind: 'xavier' }, 3, 5), 0.5);
    assert.equal(initStd({ kind: 'uniform', low: -3, high: 3 }, 1, 1), 6 / Math.sqrt(12));
    const spec = deepTanhSpec(5);
    const md = initHover(spec, spec.entries[0], tanh);
    assert.match(md, /every weight = 5/);
    assert.match(md, /fan-in 1, fan-out 1/);
    assert.match(md, /gain per layer is at most 5/);
  });

  it('the learning-rate hover states η < 2/λ_max and the finding once known', () => {
    const spec = deepTanhSpec(5);
    const before = learningRateHover(spec, [], [], undefined);
    assert.match(before, /η < 2\/λ_max/);
    assert.match(before, /estimated at the first analysis or training run/);
    const finding: Finding = {
      rule: 'learning-rate-too-high',
      severity: 'error',
      layers: null,
      entry: null,
      path: 'train.learningRate',
      range: line(15),
      line: 16,
      message: 'loss diverges; η = 0.1 is above 2/λ ≈ 0.02',
      evidence: {},
      fix: 'lower learningRate below 0.02',
      run: '',
    };
    const after = learningRateHover(spec, [finding], [], 'training');
    assert.match(after, /above 2\/λ ≈ 0\\\.02/);
    assert.match(after, /Fix: lower learningRate below 0\\\.02/);
  });

  it('the learning-rate hover shows λ_max and the bound 2/λ_max once a run carries them, per run of a sweep', () => {
    const spec = deepTanhSpec(5);
    const sharp = (lambdaMax: number, converged = true) => ({ ...deepTanhRun(1), sharpness: { lambdaMax, stableBelow: 2 / lambdaMax, converged } });
    const one = learningRateHover(spec, [], [{ label: '', result: sharp(8) }], 'analysis');
    assert.match(one, /^λ_max ≈ 8 at the initial weights → stable for η < 0\.25, monotone for η < 0\.125$/m);
    assert.doesNotMatch(one, /not estimated|estimated at the first/);
    const sweep = learningRateHover(spec, [], [{ label: 'a=1', result: sharp(8) }, { label: 'a=2', result: sharp(4, false) }], 'analysis');
    assert.match(sweep, /^- a=1: λ_max ≈ 8 .* η < 0\.25,/m);
    assert.match(sweep, /^- a=2: λ_max ≈ 4 .* η < 0\.5, monotone for η < 0\.25 \(power iteration not settled: a rough estimate\)$/m);
    const missing = learningRateHover(spec, [], [{ label: '', result: deepTanhRun(1) }], 'analysis');
    assert.match(missing, /λ_max was not estimated at this edit/);
    const adam = { ...spec, train: { ...spec.train, optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const } };
    assert.match(learningRateHover(adam, [], [{ label: '', result: sharp(8) }], 'analysis'), /plain gradient descent's bounds; adam has others/);
  });

  it('the learning-rate hover shows a slow-convergence finding when there is no instability', () => {
    const spec = deepTanhSpec(5);
    const slow: Finding = {
      rule: 'slow-convergence',
      severity: 'warning',
      layers: null,
      entry: null,
      path: 'train.learningRate',
      range: line(15),
      line: 16,
      message: 'Slow convergence: J falls only ×0.984 per iteration (κ ≈ 99)',
      evidence: {},
      fix: 'rescale the inputs',
      run: '',
    };
    const md = learningRateHover(spec, [slow], [], 'training');
    assert.match(md, /\*\*warning\*\*: Slow convergence: J falls only ×0\\\.984/);
    assert.match(md, /Fix: rescale the inputs/);
    assert.doesNotMatch(md, /showed no instability/);
  });
});
