import * as assert from 'node:assert/strict';
import { withFinishedRun } from '../../../src/extension/finishedRuns';
import { makeResult, makeResults } from '../panel/synthetic';

const run = (label: string, iterations = 10) => ({ label, result: makeResult({ layers: 2, iterations, recorded: 2 }) });

describe('extension: finished runs of a training in progress', () => {
  it('keeps each finished run in order and bumps the version', () => {
    const start = makeResults([], { version: 7, status: 'training' });
    const one = withFinishedRun(start, 0, run('w=1'));
    assert.ok(one);
    const two = withFinishedRun(one, 1, run('w=5'));
    assert.deepEqual(two?.runs.map((r) => r.label), ['w=1', 'w=5']);
    assert.equal(two?.version, 9);
    assert.equal(start.runs.length, 0, 'the previous entry is not changed');
  });

  it('replaces a run reported again and drops later ones', () => {
    const entry = makeResults([run('a'), run('b'), run('c')], { status: 'training' });
    assert.deepEqual(withFinishedRun(entry, 1, run('B', 20))?.runs.map((r) => [r.label, r.result.iterations]), [['a', 10], ['B', 20]]);
  });

  it('ignores a run that arrives when the entry is not training, or out of order', () => {
    assert.equal(withFinishedRun(makeResults([run('a')], { status: 'done' }), 1, run('b')), undefined);
    assert.equal(withFinishedRun(makeResults([], { status: 'training' }), 2, run('c')), undefined);
  });
});
