import * as assert from 'node:assert/strict';
import { PANEL_LIMITS } from '../../../src/extension/panel/panelState';
import { LIVE_HEATMAP_COLUMNS, planUpdate, summarize } from '../../../src/extension/panel/updatePlan';
import { makeResult, makeResults } from './synthetic';

const URI = 'file:///w/deep.nn.yaml';
const live = { limits: PANEL_LIMITS, live: true };

function training(version: number, iteration: number) {
  const snapshot = makeResult({ layers: 2, iterations: iteration, recorded: 2 });
  return makeResults([], {
    version,
    status: 'training',
    progress: { run: 0, runs: 1, iteration, iterations: 100, loss: 0.1, snapshot },
  });
}

describe('panel: update plan', () => {
  it('sends the full state to a view that has nothing yet', () => {
    const plan = planUpdate(undefined, URI, training(3, 10), live);
    assert.equal(plan?.message.type, 'state');
  });

  it('sends nothing when the view already has this version', () => {
    const results = training(3, 10);
    assert.equal(planUpdate(summarize(URI, results), URI, results, live), undefined);
  });

  it('sends progress with the run being trained while only the iteration moves (live panel)', () => {
    const plan = planUpdate(summarize(URI, training(3, 10)), URI, training(4, 20), live);
    assert.equal(plan?.message.type, 'progress');
    if (plan?.message.type !== 'progress') return;
    assert.equal(plan.message.progress.iteration, 20);
    assert.equal(plan.message.run?.iterations, 20);
  });

  it('keeps live runs small: a coarser heatmap than the full state', () => {
    const big = (version: number) => {
      const results = training(version, 10);
      results.progress!.snapshot = makeResult({ layers: 3, iterations: 5000, recorded: 1000 });
      return results;
    };
    const plan = planUpdate(summarize(URI, big(3)), URI, big(4), live);
    assert.equal(plan?.message.type, 'progress');
    if (plan?.message.type === 'progress') assert.equal(plan.message.run?.heatmap.iterations.length, LIVE_HEATMAP_COLUMNS);
  });

  it('sends the progress line alone to a view that is not live (side view)', () => {
    const plan = planUpdate(summarize(URI, training(3, 10)), URI, training(4, 20), { limits: PANEL_LIMITS, live: false });
    assert.equal(plan?.message.type, 'progress');
    if (plan?.message.type === 'progress') assert.equal(plan.message.run, undefined);
  });

  it('sends the full state when training ends, or when the view switches to another spec', () => {
    const done = makeResults([{ label: '', result: makeResult({ layers: 2, iterations: 100, recorded: 2 }) }], { version: 5 });
    assert.equal(planUpdate(summarize(URI, training(4, 20)), URI, done, live)?.message.type, 'state');
    const other = 'file:///w/other.nn.yaml';
    assert.equal(planUpdate(summarize(URI, training(4, 20)), other, training(4, 30), live)?.message.type, 'state');
  });

  it('sends the full state, finished run included, when a run of a sweep finishes mid-training; progress carries the label', () => {
    const sweep = (version: number, finished: number, iteration: number) => {
      const run = (i: number) => ({ label: `lr=${i}`, result: makeResult({ layers: 2, iterations: 100, recorded: 2 }) });
      return makeResults(Array.from({ length: finished }, (_, i) => run(i)), {
        version,
        status: 'training',
        progress: { run: finished, runs: 3, label: `lr=${finished}`, iteration, iterations: 100, loss: 0.1, snapshot: makeResult({ layers: 2, iterations: iteration, recorded: 2 }) },
      });
    };
    const moved = planUpdate(summarize(URI, sweep(3, 0, 90)), URI, sweep(4, 0, 99), live);
    assert.equal(moved?.message.type, 'progress');
    if (moved?.message.type === 'progress') {
      assert.equal(moved.message.progress.label, 'lr=0');
      assert.equal(moved.message.run?.label, 'lr=0');
    }
    const finished = planUpdate(summarize(URI, sweep(4, 0, 99)), URI, sweep(5, 1, 5), live);
    assert.equal(finished?.message.type, 'state');
    if (finished?.message.type === 'state') {
      assert.deepEqual(finished.message.state.runs.map((r) => [r.label, r.iterations]), [['lr=0', 100], ['lr=1', 5]]);
    }
  });
});
