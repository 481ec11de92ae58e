import * as assert from 'node:assert/strict';
import { evenIndices, minMaxIndices } from '../../../src/extension/panel/decimate';

function assertAscendingWithin(indices: number[], n: number): void {
  for (let i = 1; i < indices.length; i++) assert.ok(indices[i] > indices[i - 1], `ascending at ${i}`);
  assert.ok(indices.every((i) => i >= 0 && i < n));
}

describe('panel: decimation', () => {
  it('evenIndices keeps every index when the series is short enough', () => {
    assert.deepEqual(evenIndices(5, 5), [0, 1, 2, 3, 4]);
    assert.deepEqual(evenIndices(0, 10), []);
  });

  it('evenIndices keeps the first and the last, ascending, never more than max', () => {
    for (const [n, max] of [
      [10_000, 256],
      [1000, 7],
      [257, 256],
      [3, 2],
    ]) {
      const out = evenIndices(n, max);
      assert.ok(out.length <= max, `${n}/${max}: ${out.length}`);
      assert.equal(out[0], 0);
      assert.equal(out[out.length - 1], n - 1);
      assertAscendingWithin(out, n);
    }
    assert.equal(evenIndices(10_000, 256).length, 256);
  });

  it('minMaxIndices keeps the first, the last, and a one-sample spike and dip in the middle', () => {
    const values = Array.from({ length: 10_000 }, () => 1);
    values[4321] = 1e6;
    values[7777] = 1e-9;
    const out = minMaxIndices(values, 2000);
    assert.ok(out.length <= 2000, String(out.length));
    assert.equal(out[0], 0);
    assert.equal(out[out.length - 1], 9999);
    assert.ok(out.includes(4321), 'spike kept');
    assert.ok(out.includes(7777), 'dip kept');
    assertAscendingWithin(out, values.length);
  });

  it('minMaxIndices keeps a non-finite value (a blow-up) as a maximum', () => {
    const values = Array.from({ length: 5000 }, (_, i) => 1 / (i + 1));
    values[2500] = NaN;
    values[3500] = Infinity;
    const out = minMaxIndices(values, 100);
    assert.ok(out.includes(2500) && out.includes(3500));
  });

  it('minMaxIndices returns every index of a short series', () => {
    assert.deepEqual(minMaxIndices([3, 1, 2], 2000), [0, 1, 2]);
  });
});
