// Seed 002 through the real engine, spec reader and rules, into the panel's state: what the "done when" of
// the panel issue asks the user to see (three loss curves, bars from ~1e-303 to ~1e-1, the w=5 layers flagged).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { diagnoseSpec, resolveThresholds } from '../../../src/diagnostics';
import { train } from '../../../src/engine';
import { buildPanelState } from '../../../src/extension/panel/panelState';
import type { SpecResults } from '../../../src/extension/results';
import { parseSpec, planRuns } from '../../../src/spec';
import type { PanelState } from '../../../src/protocol';

const FILE = 'examples/deep-tanh-sweep.nn.yaml';

describe('panel: seed 002 sweep (real engine)', function () {
  this.timeout(60_000);
  let state: PanelState;

  before(() => {
    const { spec, errors } = parseSpec(readFileSync(FILE, 'utf8'), { file: FILE });
    assert.deepEqual(errors, []);
    const runs = planRuns(spec!, { trace: true }).map((plan) => ({ label: plan.label, result: train(plan.config) }));
    const thresholds = resolveThresholds(spec!.diagnose);
    const results: SpecResults = {
      uri: 'file:///w/deep-tanh-sweep.nn.yaml',
      version: 1,
      spec,
      errors: [],
      status: 'done',
      kind: 'training',
      runs,
      findings: diagnoseSpec(spec!, runs, thresholds),
      thresholds,
    };
    state = buildPanelState(results);
  });

  it('has three loss curves: w=1 falls to ~1e-30, w=5 and w=0.9 stay near 0.125', () => {
    assert.deepEqual(state.runs.map((r) => r.label), ['layers[0].init=1', 'layers[0].init=5', 'layers[0].init=0.9']);
    const last = (i: number) => state.runs[i].loss.value[state.runs[i].loss.value.length - 1];
    assert.equal(state.runs[0].loss.iteration.length, 1000);
    assert.ok(last(0) < 1e-28 && last(0) > 1e-32, String(last(0)));
    for (const i of [1, 2]) assert.ok(Math.abs(last(i) - 0.125) < 1e-3, String(last(i)));
  });

  it('has first-iteration gradient norms from ~1e-303 (w=5, layer 1) to ~1e-1 across the sweep', () => {
    const firsts = state.runs.flatMap((r) => r.layers.map((l) => l.gradNorm.first));
    const lo = Math.min(...firsts);
    const hi = Math.max(...firsts);
    assert.equal(Math.floor(Math.log10(lo)), -304, String(lo)); // ‖∂J/∂W_1‖ = |h_0ᵀ g_1| = 5.83e-304
    assert.equal(Math.ceil(Math.log10(hi)), -1, String(hi));
    assert.equal(state.runs[1].layers[0].gradNorm.first, lo);
  });

  it('flags the vanishing layers of w=5 and w=0.9 and none of w=1', () => {
    const vanishing = (i: number) => state.runs[i].layers.filter((l) => l.flags.includes('vanishing-gradient')).length;
    assert.equal(vanishing(0), 0);
    assert.ok(vanishing(1) >= 90, String(vanishing(1)));
    assert.ok(vanishing(2) >= 90, String(vanishing(2)));
    assert.ok(state.runs[1].layers.every((l) => l.line === state.runs[1].layers[0].line), 'one entry (repeat: 100)');
  });

  it('carries the first-iteration trace for the seed tables: |g_1| = 5.83e-304 for w=5', () => {
    const trace = state.runs[1].trace;
    assert.ok(trace);
    assert.equal(trace.h.length, 101);
    assert.equal(trace.g[1]?.[0][0].toExponential(2), '-5.83e-304'); // x = −0.5
    assert.equal(trace.g[1]?.[1][0].toExponential(2), '5.83e-304'); // x = +0.5
  });
});
