// Specs over a documented limit are errors at the offending key, found by arithmetic before anything
// is allocated: each of these would need gigabytes if it were expanded.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LIMITS } from '../../../src/spec';
import { BASE, errorAt, errorWith, parse, yaml } from './helpers';

const deep = (layer: string, extra = ''): string =>
  yaml`
    inputs: 1
    layers:
      - {units: 1, activation: tanh${layer}}
      - {units: 1, activation: linear}
    loss: mse
    data: {x: [[1]], y: [[1]]}
    train: {learningRate: 0.1, iterations: 10}
  ` + extra;

describe('spec: limits', () => {
  it('documents every limit as a positive number', () => {
    for (const [name, value] of Object.entries(LIMITS)) assert.ok(Number.isInteger(value) && value > 0, name);
    assert.equal(LIMITS.layers, 2000);
    assert.equal(LIMITS.parameters, 20_000_000);
    assert.equal(LIMITS.csvBytes, 64 * 1024 * 1024);
  });

  it('rejects repeat: 1e9 at the repeat value, with the number and the limit', () => {
    const { errors } = parse(deep(', repeat: 1e9'));
    const e = errorWith(errors, 'layers[0].repeat is 1000000000, over the limit of 2000 layers');
    assert.deepEqual(e.range, { start: { line: 2, column: 41 }, end: { line: 2, column: 44 } });
    assert.equal(e.path, 'layers[0].repeat');
  });

  it('rejects units: 1e9 at the units value', () => {
    errorAt(deep('').replace('{units: 1, activation: tanh', '{units: 1e9, activation: tanh'), 'layers[0].units is 1000000000, over the limit of 4096 units per layer', 2, 12, 2, 15);
  });

  it('counts layers over all entries and reports the entry that crosses the limit', () => {
    const text = deep(', repeat: 1500').replace('{units: 1, activation: linear}', '{units: 1, activation: linear, repeat: 600}');
    errorAt(text, 'the network has 2100 layers after repeat up to layers[1], over the limit of 2000 layers', 3, 43, 3, 46);
  });

  it('counts parameters before building anything', () => {
    // First copy 4096 × 1 weights + 4096 biases, then 4096 × 4096 + 4096 per copy: 3 copies pass 20,000,000.
    const params = 4096 + 4096 + 2 * (4096 * 4096 + 4096);
    const text = deep('').replace('{units: 1, activation: tanh', '{units: 4096, activation: tanh, repeat: 3');
    errorAt(text, `the network has ${params} parameters up to layers[0], over the limit of 20000000 parameters`, 2, 44, 2, 45);
    assert.deepEqual(parse(text.replace('repeat: 3', 'repeat: 2')).errors, []);
  });

  it('rejects too many iterations, generated samples and sweep runs', () => {
    errorAt(deep('').replace('iterations: 10', 'iterations: 2000000'), 'train.iterations is 2000000, over the limit of 1000000 iterations', 6, 39, 6, 46);
    const generated = BASE.replace(/data:\n.*\n.*\n/, 'data: {generate: xor, samples: 5000000}\n');
    errorAt(generated, 'data.samples is 5000000, over the limit of 1000000 generated samples', 8, 31, 8, 38);
    const sweep = `${BASE}sweep:\n  seed: [${Array.from({ length: 9 }, (_, i) => i).join(', ')}]\n  train.learningRate: [${Array.from({ length: 8 }, (_, i) => (i + 1) / 10).join(', ')}]\n`;
    errorAt(sweep, 'the sweep makes 72 runs, over the limit of 64 runs', 15, 2, 16, 62);
  });

  it('rejects a batch whose activation cells pass the limit, before generating the data', () => {
    // 1,000,000 samples × (2048 + 1) units ≈ 2e9 cells with the full batch.
    const text = BASE.replace(/data:\n.*\n.*\n/, 'data: {generate: xor, samples: 1000000}\n').replace('units: 3', 'units: 2048');
    errorAt(text, 'one iteration needs 1000000 samples × 2049 units over all layers = 2049000000 activation cells, over the limit of 20000000', 8, 31, 8, 38);
    const batched = text.replace('iterations: 100', 'iterations: 100\n  batchSize: 100000');
    errorAt(batched, 'one iteration needs 100000 samples × 2049 units', 12, 2, 12, 19);
    assert.deepEqual(parse(batched.replace('batchSize: 100000', 'batchSize: 1000')).errors, []);
  });

  it('rejects a CSV file over 64 MiB from its size, without reading it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-spec-'));
    try {
      // A sparse file: its size is over the limit, its content is never read.
      const file = path.join(dir, 'big.csv');
      fs.writeFileSync(file, '');
      fs.truncateSync(file, LIMITS.csvBytes + 1);
      const text = BASE.replace(/data:\n.*\n.*\n/, 'data: {csv: big.csv, x: [a, b], y: [c]}\n');
      const e = errorWith(parse(text, { file: path.join(dir, 'spec.nn.yaml') }).errors, 'over the limit of 67108864 bytes');
      assert.deepEqual(e.range.start, { line: 8, column: 12 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
