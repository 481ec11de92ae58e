import * as assert from 'node:assert/strict';
import {
  buildPanelRun,
  buildPanelState,
  layerFlags,
  log10OrNull,
  PANEL_LIMITS,
  progressLabel,
  SIDE_VIEW_LIMITS,
} from '../../../src/extension/panel/panelState';
import { gradNormAt, makeFinding, makeResult, makeResults, makeSpec } from './synthetic';

describe('panel: PanelState builder', () => {
  it('log10OrNull gives null for zero, negatives and non-finite values', () => {
    assert.equal(log10OrNull(1e-303), -303);
    assert.equal(log10OrNull(0.01), -2);
    for (const x of [0, -1, NaN, Infinity, -Infinity]) assert.equal(log10OrNull(x), null, String(x));
  });

  it('decimates a 10,000-iteration loss to at most 2,000 points, first and last kept', () => {
    const result = makeResult({ layers: 3, iterations: 10_000, recorded: 2000 });
    const run = buildPanelRun({ label: '', result }, { spec: makeSpec(3), findings: [] }, PANEL_LIMITS);
    assert.ok(run.loss.iteration.length <= 2000);
    assert.equal(run.loss.iteration.length, run.loss.value.length);
    assert.equal(run.loss.iteration[0], 1);
    assert.equal(run.loss.iteration[run.loss.iteration.length - 1], 10_000);
    assert.equal(run.loss.value[0], result.loss[0]);
    assert.equal(run.loss.value[run.loss.value.length - 1], result.loss[9999]);
    run.loss.iteration.forEach((t, i) => assert.equal(run.loss.value[i], result.loss[t - 1]));
  });

  it('keeps the heatmap within 256 columns: the first and last recorded iterations, log10 of the right cells', () => {
    const result = makeResult({ layers: 4, iterations: 10_000, recorded: 2000 });
    const { heatmap } = buildPanelRun({ label: '', result }, { spec: makeSpec(4), findings: [] }, PANEL_LIMITS);
    assert.equal(heatmap.iterations.length, 256);
    assert.equal(heatmap.iterations[0], 1);
    assert.equal(heatmap.iterations[255], 10_000);
    assert.equal(heatmap.log10GradNorm.length, 4);
    for (const row of heatmap.log10GradNorm) assert.equal(row.length, 256);
    // layer 3, first column: log10(1e-9 · 1) = −9; last column: log10(1e-9 · 2000)
    assert.equal(heatmap.log10GradNorm[2][0], -9);
    assert.equal(heatmap.log10GradNorm[2][255], Math.round(Math.log10(gradNormAt(3, 1999)) * 1000) / 1000);
  });

  it('puts null in the heatmap where the gradient norm is zero or not finite', () => {
    const result = makeResult({ layers: 2, iterations: 3, recorded: 3 });
    result.layers[0].gradNorm = [0, NaN, Infinity];
    const { heatmap } = buildPanelRun({ label: '', result }, { spec: makeSpec(2), findings: [] }, PANEL_LIMITS);
    assert.deepEqual(heatmap.log10GradNorm[0], [null, null, null]);
    assert.deepEqual(heatmap.log10GradNorm[1], [-6, Math.round(Math.log10(2e-6) * 1000) / 1000, Math.round(Math.log10(3e-6) * 1000) / 1000]);
  });

  it('takes each layer’s first and last values and its spec line (through repeats)', () => {
    const result = makeResult({ layers: 5, iterations: 100, recorded: 10 });
    const run = buildPanelRun({ label: '', result }, { spec: makeSpec(5, 2), findings: [] }, PANEL_LIMITS);
    assert.deepEqual(run.layers[0].gradNorm, { first: gradNormAt(1, 0), last: gradNormAt(1, 9) });
    assert.deepEqual(run.layers[4].deltaNorm, { first: 2 * gradNormAt(5, 0), last: 2 * gradNormAt(5, 9) });
    assert.deepEqual(run.layers[2].saturation, { first: 0, last: 1 });
    assert.deepEqual(
      run.layers.map((l) => [l.entry, l.line]),
      [
        [0, 3],
        [0, 3],
        [1, 7],
        [1, 7],
        [1, 7],
      ],
    );
  });

  it('gives line −1 when the spec does not parse (nothing to reveal)', () => {
    const result = makeResult({ layers: 2, iterations: 10, recorded: 2 });
    const run = buildPanelRun({ label: '', result }, { spec: undefined, findings: [] }, PANEL_LIMITS);
    assert.deepEqual(run.layers.map((l) => l.line), [-1, -1]);
  });

  it('flags each layer with the rules of its own run only', () => {
    const findings = [
      makeFinding('w=5', 'vanishing-gradient', [1, 3]),
      makeFinding('w=5', 'saturated-activation', [3, 4]),
      makeFinding('w=5', 'stalled-loss', null),
      makeFinding('w=1', 'exploding-gradient', [1, 4]),
    ];
    const result = makeResult({ layers: 4, iterations: 10, recorded: 2 });
    const run = buildPanelRun({ label: 'w=5', result }, { spec: makeSpec(4), findings }, PANEL_LIMITS);
    assert.deepEqual(
      run.layers.map((l) => l.flags),
      [['vanishing-gradient'], ['vanishing-gradient'], ['vanishing-gradient', 'saturated-activation'], ['saturated-activation']],
    );
    assert.deepEqual(run.findings.map((f) => f.rule), ['vanishing-gradient', 'saturated-activation', 'stalled-loss']);
  });

  it('layerFlags clamps a finding’s layers to the run and does not repeat a rule', () => {
    const flags = layerFlags([makeFinding('', 'dead-units', [0, 9]), makeFinding('', 'dead-units', [2, 2])], 3);
    assert.deepEqual(flags, [['dead-units'], ['dead-units'], ['dead-units']]);
  });

  it('keeps a small first-iteration trace and leaves out one over the limit', () => {
    const small = makeResult({ layers: 3, iterations: 2, recorded: 2, trace: true });
    const run = buildPanelRun({ label: '', result: small }, { spec: makeSpec(3), findings: [] }, PANEL_LIMITS);
    assert.deepEqual(run.trace, small.trace);
    const big = makeResult({ layers: 1000, iterations: 2, recorded: 2, trace: true, samples: 60 });
    const without = buildPanelRun({ label: '', result: big }, { spec: makeSpec(1000), findings: [] }, PANEL_LIMITS);
    assert.equal(without.trace, undefined);
  });

  it('the side view’s limits leave out the heatmap and the trace', () => {
    const result = makeResult({ layers: 3, iterations: 500, recorded: 50, trace: true });
    const run = buildPanelRun({ label: '', result }, { spec: makeSpec(3), findings: [] }, SIDE_VIEW_LIMITS);
    assert.deepEqual(run.heatmap, { iterations: [], log10GradNorm: [] });
    assert.equal(run.trace, undefined);
    assert.ok(run.loss.iteration.length <= SIDE_VIEW_LIMITS.maxLossPoints);
  });

  it('builds an empty state when there is no spec, and a hint when a spec has not run', () => {
    const none = buildPanelState(undefined);
    assert.equal(none.spec, null);
    assert.equal(none.status, 'empty');
    const idle = buildPanelState(makeResults([], { status: 'idle', kind: undefined }));
    assert.equal(idle.status, 'empty');
    assert.match(idle.message ?? '', /Train Network/);
    assert.equal(idle.spec?.name, 'deep tanh');
  });

  it('builds every run of a sweep, with the previous training drawn faded (no heatmap)', () => {
    const run = (label: string) => ({ label, result: makeResult({ layers: 2, iterations: 50, recorded: 5 }) });
    const state = buildPanelState(makeResults([run('a'), run('b'), run('c')], { previousRuns: [run('a')] }));
    assert.equal(state.status, 'done');
    assert.deepEqual(state.runs.map((r) => r.label), ['a', 'b', 'c']);
    assert.equal(state.previous?.length, 1);
    assert.deepEqual(state.previous?.[0].heatmap.iterations, []);
    assert.equal(state.runs[0].heatmap.iterations.length, 5);
    assert.equal(state.kind, 'training');
  });

  it('while training, shows the partial run from the latest snapshot with its sweep label', () => {
    const spec = makeSpec(2);
    spec.sweep = [{ path: 'layers[0].init', values: [1, 5, 0.9], range: { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } } }];
    const snapshot = makeResult({ layers: 2, iterations: 40, recorded: 4 });
    const state = buildPanelState(
      makeResults([], {
        spec,
        status: 'training',
        progress: { run: 1, runs: 3, iteration: 40, iterations: 1000, loss: 0.12, snapshot },
      }),
    );
    assert.equal(state.status, 'training');
    assert.deepEqual(state.progress, { run: 1, runs: 3, label: 'layers[0].init=5', iteration: 40, iterations: 1000, loss: 0.12 });
    assert.equal(state.runs.length, 1);
    assert.equal(state.runs[0].label, 'layers[0].init=5');
    assert.equal(state.runs[0].iterations, 40);
  });

  it('while training, shows the finished runs the store keeps and the label the progress carries (no guessing)', () => {
    const spec = makeSpec(2);
    const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } };
    // Two sweep axes: a guess could only say 'run 3 of 4'.
    spec.sweep = [
      { path: 'seed', values: [1, 2], range },
      { path: 'train.learningRate', values: [0.1, 1], range },
    ];
    const finished = (label: string) => ({ label, result: makeResult({ layers: 2, iterations: 100, recorded: 5 }) });
    const snapshot = makeResult({ layers: 2, iterations: 30, recorded: 3 });
    const state = buildPanelState(
      makeResults([finished('seed=1, train.learningRate=0.1'), finished('seed=1, train.learningRate=1')], {
        spec,
        status: 'training',
        progress: { run: 2, runs: 4, label: 'seed=2, train.learningRate=0.1', iteration: 30, iterations: 100, loss: 0.2, snapshot },
      }),
    );
    assert.deepEqual(
      state.runs.map((r) => [r.label, r.iterations]),
      [
        ['seed=1, train.learningRate=0.1', 100],
        ['seed=1, train.learningRate=1', 100],
        ['seed=2, train.learningRate=0.1', 30],
      ],
    );
    assert.equal(state.progress?.label, 'seed=2, train.learningRate=0.1');
  });

  it('progressLabel: no label without a sweep, path=value for one axis, a neutral name otherwise', () => {
    const spec = makeSpec(1);
    assert.equal(progressLabel(spec, 0, 1), '');
    spec.sweep = [{ path: 'train.learningRate', values: [0.1, 1], range: { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } } }];
    assert.equal(progressLabel(spec, 1, 2), 'train.learningRate=1');
    spec.sweep.push({ path: 'seed', values: [1, 2], range: spec.sweep[0].range });
    assert.equal(progressLabel(spec, 3, 4), 'run 4 of 4');
  });

  it('reports a spec that does not parse with its first error’s line', () => {
    const state = buildPanelState(
      makeResults([], {
        spec: undefined,
        status: 'error',
        errors: [{ message: 'units must be a whole number', range: { start: { line: 4, column: 4 }, end: { line: 4, column: 9 } } }],
      }),
    );
    assert.equal(state.status, 'error');
    assert.equal(state.message, 'Line 5: units must be a whole number');
  });

  it('stays small on the wire for 1,000 layers × 10,000 iterations', () => {
    const result = makeResult({ layers: 1000, iterations: 10_000, recorded: 2000 });
    const state = buildPanelState(makeResults([{ label: '', result }]));
    const run = state.runs[0];
    assert.ok(run.loss.iteration.length <= 2000);
    assert.equal(run.heatmap.log10GradNorm.length, 1000);
    assert.ok(run.heatmap.log10GradNorm.every((row) => row.length <= 256));
    const bytes = JSON.stringify(state).length;
    assert.ok(bytes < 4_000_000, `${bytes} bytes`);
  });
});
