// Numbers in findings and tables: three significant digits, scientific where small, never a false 0.
import { strict as assert } from 'node:assert';
import { formatNumber, formatPercent, layerRangeText, verdict } from '../../../src/diagnostics';
import type { Finding } from '../../../src/diagnostics';
import { makeSpec, range } from './builders';

describe('diagnostics formatting', () => {
  it('formatNumber: plain in [1e-3, 1e4), scientific outside, subnormals as their value', () => {
    const cases: [number, string][] = [
      [0.125, '0.125'],
      [0.0726891, '0.0727'],
      [1, '1'],
      [12.5, '12.5'],
      [1234.5, '1230'],
      [9999.6, '1e4'],
      [5.834e-304, '5.83e-304'],
      [-4.5388e-5, '-4.54e-5'],
      [5e-324, '4.94e-324'],
      [1234567, '1.23e6'],
      [3e-9, '3e-9'],
      [0, '0'],
      [NaN, 'NaN'],
      [Infinity, '∞'],
    ];
    for (const [x, text] of cases) assert.equal(formatNumber(x), text, String(x));
  });

  it('formatPercent rounds to whole percent and keeps tiny shares visible', () => {
    assert.deepEqual([formatPercent(0.625), formatPercent(1), formatPercent(0.001), formatPercent(0)], ['63%', '100%', '<1%', '0%']);
  });

  it('layerRangeText names a layer, a part of a repeated entry, or an entry that starts later', () => {
    const spec = makeSpec({ entries: [{ units: 1, repeat: 100, line: 3 }, { units: 2, line: 9 }, { units: 1, repeat: 4, line: 12 }] });
    const [deep, single, tail] = spec.entries;
    assert.equal(layerRangeText(1, 72, deep), 'layers 1–72 of 100');
    assert.equal(layerRangeText(101, 101, single), 'layer 101');
    assert.equal(layerRangeText(103, 104, tail), 'layers 103–104 of 102–105');
    assert.equal(layerRangeText(102, 105, tail), 'layers 102–105');
  });

  it('verdict: healthy unless a warning or error exists; else the problems with their layers, worst first', () => {
    const f = (rule: Finding['rule'], severity: Finding['severity'], layers: [number, number] | null): Finding => ({
      rule, severity, layers, entry: null, range: range(0), line: 1, message: '', evidence: {}, run: '',
    });
    assert.equal(verdict([], 100), 'healthy');
    assert.equal(verdict([f('saturated-activation', 'info', [1, 2])], 100), 'healthy');
    assert.equal(verdict([f('stalled-loss', 'warning', null), f('vanishing-gradient', 'warning', [1, 60])], 100), 'vanishing in layers 1–60, stalled');
    assert.equal(verdict([f('vanishing-gradient', 'warning', [1, 100])], 100), 'vanishing in all 100 layers');
    assert.equal(
      verdict([f('stalled-loss', 'warning', null), f('non-finite', 'error', [3, 3]), f('dead-units', 'warning', [2, 2])], 5),
      'non-finite in layer 3, dead units in layer 2, stalled',
    );
  });
});
