import * as assert from 'node:assert/strict';
import { csvField, exportCsv, exportJson, exportLossCsv } from '../../../src/extension/panel/exportData';
import { makeFinding, makeResult, makeSpec } from './synthetic';

function input(label = 'w=5') {
  const result = makeResult({ layers: 3, iterations: 4, recorded: 4, trace: true });
  result.layers[1].activation = 'max(z, 0.1 * z)';
  result.layers[2].gradNorm[0] = NaN;
  return {
    file: '/w/deep.nn.yaml',
    spec: makeSpec(3, 1),
    run: { label, result },
    findings: [makeFinding(label, 'vanishing-gradient', [1, 2]), makeFinding('other', 'dead-units', [3, 3])],
  };
}

describe('panel: exports', () => {
  it('JSON has the shape of `train --json` with this run: label, loss, layers with 1-based lines, findings', () => {
    const data = JSON.parse(exportJson(input()));
    assert.equal(data.spec, '/w/deep.nn.yaml');
    assert.equal(data.runs.length, 1);
    const run = data.runs[0];
    assert.equal(run.label, 'w=5');
    assert.deepEqual(run.loss, [0.125, 0.0625, 0.125 / 3, 0.03125]);
    assert.equal(run.finalLoss, 0.015625);
    assert.deepEqual(run.layers.map((l: { line: number }) => l.line), [4, 8, 8]);
    assert.deepEqual(run.layers[0].gradNorm, { first: 1e-3, last: 4e-3 });
    assert.deepEqual(run.layers[0].flags, ['vanishing-gradient']);
    assert.deepEqual(run.findings.map((f: { rule: string }) => f.rule), ['vanishing-gradient']);
    assert.equal(run.trace.h.length, 4);
    assert.equal(run.trace.g[0], null);
  });

  it('JSON writes a non-finite value as null (JSON has no NaN)', () => {
    const data = JSON.parse(exportJson(input()));
    assert.equal(data.runs[0].layers[2].gradNorm.first, null);
  });

  it('CSV: a header and one row per layer, full precision, quoted fields with commas, this run’s flags', () => {
    const lines = exportCsv(input()).trimEnd().split('\r\n');
    assert.equal(lines.length, 4);
    assert.equal(
      lines[0],
      'run,layer,line,units,activation,gradNorm_first,gradNorm_last,deltaNorm_first,deltaNorm_last,' +
        'meanAbsActivation_first,meanAbsActivation_last,saturation_first,saturation_last,deadShare_first,deadShare_last,flags',
    );
    assert.equal(lines[1], 'w=5,1,4,1,tanh,0.001,0.004,0.002,0.008,1,1,0,1,0,0,vanishing-gradient');
    assert.ok(lines[2].startsWith('w=5,2,8,1,"max(z, 0.1 * z)",0.000001,'), lines[2]);
    assert.ok(lines[3].startsWith('w=5,3,8,1,tanh,NaN,'), lines[3]);
    assert.ok(lines[3].endsWith(','), 'layer 3 has no flag of this run');
  });

  it('loss CSV: one row per iteration, 1-based', () => {
    const lines = exportLossCsv(input('')).trimEnd().split('\r\n');
    assert.deepEqual(lines.slice(0, 3), ['run,iteration,loss', ',1,0.125', ',2,0.0625']);
    assert.equal(lines.length, 5);
  });

  it('csvField quotes commas, quotes and line breaks, and doubles quotes', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(1e-303), '1e-303');
    assert.equal(csvField(null), '');
  });
});
