// The webview's pure helpers (no DOM needed): log-axis bounds and ticks, number formats, the heatmap's colour
// ramp, the default run and the verdict line.
import * as assert from 'node:assert/strict';
import { decadeTicks, logBounds } from '../../../webview/common/charts';
import { verdict } from '../../../webview/common/findingsList';
import { percent, powerOfTen, sci, short } from '../../../webview/common/format';
import { defaultRun, statusText } from '../../../webview/common/state';
import { ramp } from '../../../webview/panel/heatmap';
import type { PanelRun } from '../../../src/protocol';
import { makeFinding } from './synthetic';

function run(label: string, findings = [] as ReturnType<typeof makeFinding>[]): PanelRun {
  return {
    label,
    iterations: 10,
    loss: { iteration: [1], value: [1] },
    finalLoss: 1,
    layers: [],
    heatmap: { iterations: [], log10GradNorm: [] },
    findings,
  };
}

describe('panel: webview helpers', () => {
  it('logBounds widens to whole decades and really reaches 1e-304 … 1e-1 for seed 002', () => {
    assert.deepEqual(logBounds([5.83e-304, 0.0448]), { min: 1e-304, max: 0.1 });
    assert.deepEqual(logBounds([0.5, 2]), { min: 0.1, max: 10 });
  });

  it('logBounds ignores zero, negatives and non-finite values, and takes extra values (a threshold) in', () => {
    assert.deepEqual(logBounds([0, -1, NaN, Infinity, null, 1e-3, 1e-2]), { min: 1e-3, max: 1e-2 });
    assert.deepEqual(logBounds([1e-3, 1e-2], [1e-8]), { min: 1e-8, max: 1e-2 });
    assert.equal(logBounds([0, NaN]), null);
  });

  it('logBounds gives one decade at least, and stops at the smallest float64 decade', () => {
    assert.deepEqual(logBounds([1e-5]), { min: 1e-5, max: 1e-4 });
    assert.equal(logBounds([5e-324])?.min, 1e-323);
  });

  it('decadeTicks puts at most `count` ticks on whole multiples of the step', () => {
    const ticks = decadeTicks(1e-304, 0.1, 9).map((t) => Math.round(Math.log10(t.value)));
    assert.ok(ticks.length <= 9, String(ticks.length));
    assert.ok(ticks.length >= 5, String(ticks.length));
    const step = ticks[1] - ticks[0];
    for (let i = 1; i < ticks.length; i++) assert.equal(ticks[i] - ticks[i - 1], step);
    assert.ok(ticks.every((e) => e % step === 0 && e >= -304 && e <= -1));
    assert.deepEqual(decadeTicks(1e-3, 1, 10).map((t) => Math.round(Math.log10(t.value))), [-3, -2, -1, 0]);
  });

  it('formats numbers in scientific notation with a real exponent, as the seed tables print them', () => {
    assert.equal(sci(4.39e-303), '4.39 × 10⁻³⁰³');
    assert.equal(sci(-5.83e-304), '−5.83 × 10⁻³⁰⁴');
    assert.equal(sci(1.5), '1.50');
    assert.equal(sci(NaN), 'NaN');
    assert.equal(sci(null), '—');
    assert.equal(sci(Infinity), '∞');
    assert.equal(powerOfTen(-303), '10⁻³⁰³');
    assert.equal(powerOfTen(0), '1');
    assert.equal(short(0.125), '0.125');
    assert.equal(short(4.66e-30), '4.7e-30');
    assert.equal(percent(0.125), '12.5 %');
  });

  it('ramp runs through the stops and clamps outside [0, 1]', () => {
    const stops: [number, number, number][] = [
      [0, 0, 0],
      [100, 200, 50],
      [200, 200, 250],
    ];
    assert.deepEqual(ramp(stops, 0), [0, 0, 0]);
    assert.deepEqual(ramp(stops, 0.5), [100, 200, 50]);
    assert.deepEqual(ramp(stops, 0.75), [150, 200, 150]);
    assert.deepEqual(ramp(stops, 1), [200, 200, 250]);
    assert.deepEqual(ramp(stops, -3), [0, 0, 0]);
    assert.deepEqual(ramp(stops, 7), [200, 200, 250]);
  });

  it('defaultRun picks the run with the worst findings, the first on a tie', () => {
    const bad = run('w=5', [makeFinding('w=5', 'vanishing-gradient', [1, 99]), makeFinding('w=5', 'stalled-loss', null)]);
    const worse = run('w=0.9', [{ ...makeFinding('w=0.9', 'non-finite', [3, 3]), severity: 'error' }]);
    assert.equal(defaultRun([run('w=1'), bad, run('x')]), 1);
    assert.equal(defaultRun([run('w=1'), bad, worse]), 2);
    assert.equal(defaultRun([run('a'), run('b')]), 0);
    assert.equal(defaultRun([]), 0);
  });

  it('verdict says healthy without findings and counts severities otherwise', () => {
    assert.equal(verdict([]).severity, 'ok');
    const v = verdict([makeFinding('', 'vanishing-gradient', [1, 2]), makeFinding('', 'vanishing-gradient', [3, 4])]);
    assert.deepEqual(v, { severity: 'warning', text: '2 warnings: vanishing gradient' });
  });

  it('statusText reads a stopped run and an initial-weights analysis', () => {
    const base = { spec: null, runs: [], previous: null, thresholds: { vanishing: 1, exploding: 1, vanishingActivation: 1, saturation: 1, dead: 1, stalled: 1 } };
    assert.equal(statusText({ ...base, status: 'done', kind: 'analysis', runs: [run('')] }).text, 'Initial weights');
    assert.equal(statusText({ ...base, status: 'done', runs: [{ ...run(''), stopped: 'non-finite' }] }).kind, 'stopped');
    assert.equal(statusText(null).kind, 'empty');
  });
});
