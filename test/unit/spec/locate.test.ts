// Layer entries, repeat expansion, ranges and the position helpers used by hovers and CodeLens.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { keyAt, layerAt, planRuns, type NetworkSpec } from '../../../src/spec';
import { parseOk, yaml } from './helpers';

const TEXT = yaml`
  inputs: 1
  layers:
    - units: 2
      activation: tanh
      repeat: 3
    - units: 1
      activation: {leaky-relu: {a: 0.1}}
      bias: false
  loss: mse
  data: {x: [[1]], y: [[0]]}
  train: {learningRate: 0.1, iterations: 3}
`;

/** The spec without anything that depends on where it was written (ranges, file, format). */
function content(spec: NetworkSpec): unknown {
  const strip = (v: unknown): unknown =>
    v instanceof Float64Array
      ? Array.from(v)
      : Array.isArray(v)
        ? v.map(strip)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).filter(([k]) => !['range', 'keyRange', 'keys', 'ranges', 'file', 'format'].includes(k)).map(([k, x]) => [k, strip(x)]))
          : v;
  return strip(spec);
}

describe('spec: layers and positions', () => {
  it('expands repeat into layers and numbers them', () => {
    const spec = parseOk(TEXT);
    assert.deepEqual(
      spec.entries.map((e) => [e.entry, e.firstLayer, e.lastLayer, e.repeat]),
      [
        [0, 1, 3, 3],
        [1, 4, 4, 1],
      ],
    );
    assert.equal(spec.layerCount, 4);
    assert.equal(spec.params, 2 * 1 + 2 + 2 * (2 * 2 + 2) + 2);
    const layers = planRuns(spec)[0].config.layers;
    assert.deepEqual(layers.map((l) => l.units), [2, 2, 2, 1]);
    assert.deepEqual(layers[3], { units: 1, activation: { kind: 'leaky-relu', a: 0.1 }, bias: false, init: { kind: 'he' } });
  });

  it("puts an entry's keyRange on the first line of its list item", () => {
    const spec = parseOk(TEXT);
    assert.deepEqual(spec.entries[0].keyRange, { start: { line: 2, column: 4 }, end: { line: 2, column: 12 } });
    assert.deepEqual(spec.entries[1].range.start, { line: 5, column: 4 });
    assert.deepEqual(spec.entries[1].keys.bias, { start: { line: 7, column: 4 }, end: { line: 7, column: 15 } });
  });

  it('finds the entry and the innermost key under a position', () => {
    const spec = parseOk(TEXT);
    assert.equal(layerAt(spec, { line: 4, column: 8 })?.entry, 0);
    assert.equal(layerAt(spec, { line: 6, column: 30 })?.entry, 1);
    assert.equal(layerAt(spec, { line: 8, column: 2 }), undefined);
    assert.equal(keyAt(spec, { line: 6, column: 32 }), 'layers[1].activation.leaky-relu.a');
    assert.equal(keyAt(spec, { line: 6, column: 6 }), 'layers[1].activation');
    assert.equal(keyAt(spec, { line: 10, column: 10 }), 'train.learningRate');
    assert.equal(keyAt(spec, { line: 9, column: 0 }), 'data');
    assert.equal(keyAt(spec, { line: 2, column: 0 }), 'layers');
  });

  it('reads a JSON spec into the same spec as its YAML twin', () => {
    const dir = path.resolve(__dirname, '../../fixtures/spec');
    const fromYaml = parseOk(fs.readFileSync(path.join(dir, 'small.nn.yaml'), 'utf8'), { file: 'small.nn.yaml' });
    const fromJson = parseOk(fs.readFileSync(path.join(dir, 'small.nn.json'), 'utf8'), { file: 'small.nn.json' });
    assert.equal(fromJson.format, 'json');
    assert.deepEqual(content(fromJson), content(fromYaml));
    assert.deepEqual(Object.keys(fromJson.ranges).sort(), Object.keys(fromYaml.ranges).sort());
    assert.deepEqual(fromJson.ranges['train.learningRate'], { start: { line: 13, column: 56 }, end: { line: 13, column: 76 } });
  });
});
