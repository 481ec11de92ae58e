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
});
