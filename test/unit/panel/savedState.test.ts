// After a window reload: when the panel keeps the state it saved and when the host's state replaces it.
import * as assert from 'node:assert/strict';
import { keepsSavedState } from '../../../webview/common/state';
import { buildPanelState } from '../../../src/extension/panel/panelState';
import { makeResult, makeResults, makeSpec } from './synthetic';

const trainedRun = (label: string) => ({ label, result: makeResult({ layers: 3, iterations: 100, recorded: 10 }) });
/** The initial-weights analysis of the same text: iteration 1 of the trained run, nothing after it. */
const analysisRun = (label: string) => ({ label, result: makeResult({ layers: 3, iterations: 1, recorded: 1 }) });

const spec = makeSpec(3);
const trained = buildPanelState(makeResults([trainedRun('w=1'), trainedRun('w=5')], { spec, kind: 'training' }));
const analysis = (runs = [analysisRun('w=1'), analysisRun('w=5')]) =>
  buildPanelState(makeResults(runs, { spec, kind: 'analysis' }));

describe('panel: the saved state after a window reload', () => {
  it('keeps the trained runs over the analysis of the same, unchanged spec', () => {
    const fresh = analysis();
    assert.equal(fresh.runs[0].layers[1].gradNorm.first, trained.runs[0].layers[1].gradNorm.first, 'the fixture shares iteration 1');
    assert.equal(keepsSavedState(trained, fresh), true);
  });

  it('keeps it while the host has nothing yet for that spec', () => {
    assert.equal(keepsSavedState(trained, buildPanelState(makeResults([], { spec, status: 'analyzing' }))), true);
  });

  it('gives way to an edit (other first-iteration values), other runs, another spec, or a new training', () => {
    const edited = analysis();
    edited.runs[1].layers[2].gradNorm.first *= 2;
    assert.equal(keepsSavedState(trained, edited), false);
    assert.equal(keepsSavedState(trained, analysis([analysisRun('w=1')])), false);
    assert.equal(keepsSavedState(trained, analysis([analysisRun('w=1'), analysisRun('w=0.9')])), false);
    const other = analysis();
    other.spec = { ...other.spec!, file: 'file:///w/other.nn.yaml' };
    assert.equal(keepsSavedState(trained, other), false);
    assert.equal(keepsSavedState(trained, buildPanelState(makeResults([], { spec, status: 'training' }))), false);
    const cutShort = buildPanelState(makeResults([trainedRun('w=1'), trainedRun('w=5')], { spec, kind: 'training', status: 'training' }));
    assert.equal(keepsSavedState(cutShort, analysis()), false, 'a training the reload cut short');
  });
});
