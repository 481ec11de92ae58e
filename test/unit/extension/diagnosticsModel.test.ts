import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/diagnostics/types';
import { findingDiagnostics, findingMessage, specErrorDiagnostics } from '../../../src/extension/diagnosticsModel';
import { clampRange, textShape } from '../../../src/extension/ranges';
import { deepTanhSpec, line } from './fixtures';

const vanishing = (run: string, message = 'Vanishing gradient in layers 1–97 of 100: ‖∂J/∂W‖ falls to 5.8e-304'): Finding => ({
  rule: 'vanishing-gradient',
  severity: 'warning',
  layers: [1, 97],
  entry: 0,
  range: line(4, 2, 12),
  line: 5,
  message,
  evidence: { decay: 9e-4 },
  fix: 'scale the init down',
  run,
});

describe('extension: Problems model', () => {
  it('spec errors become errors at their ranges', () => {
    const d = specErrorDiagnostics([{ message: 'unknown key', range: line(3, 2, 7) }]);
    assert.deepEqual(d, [{ range: line(3, 2, 7), severity: 'error', message: 'unknown key', related: [] }]);
  });

  it('a finding sits on its layer entry with the rule as code and the init as related fix', () => {
    const spec = deepTanhSpec(5);
    const [d] = findingDiagnostics([vanishing('')], spec);
    assert.equal(d.severity, 'warning');
    assert.equal(d.code, 'vanishing-gradient');
    assert.deepEqual(d.range, line(4, 2, 12));
    assert.equal(d.message, vanishing('').message);
    assert.deepEqual(d.related, [{ range: line(7, 4, 11), message: 'Fix: scale the init down' }]);
  });

  it('in a sweep each finding is prefixed with its run and points at the sweep values', () => {
    const spec = deepTanhSpec(5, true);
    const ds = findingDiagnostics([vanishing('layers[0].init=5'), vanishing('layers[0].init=0.9')], spec);
    assert.equal(ds.length, 2);
    assert.match(ds[0].message, /^\[layers\[0\]\.init=5\] Vanishing/);
    assert.match(ds[1].message, /^\[layers\[0\]\.init=0\.9\] /);
    assert.deepEqual(ds[0].related[1], { range: line(20, 2, 40), message: 'This run: layers[0].init=5' });
  });

  it('names the layer range when a message lacks one', () => {
    const spec = deepTanhSpec(5);
    assert.equal(findingMessage(vanishing('', 'gradient vanishes'), spec), 'layers 1–97 of 100: gradient vanishes');
  });

  it('clamps ranges into the text', () => {
    const shape = textShape('ab\ncdef\n');
    assert.deepEqual(clampRange(line(1, 2, 99), shape), { start: { line: 1, column: 2 }, end: { line: 1, column: 4 } });
    assert.deepEqual(clampRange(line(9, 0, 3), shape), { start: { line: 2, column: 0 }, end: { line: 2, column: 0 } });
  });
});
