// CSV data next to the spec (fixtures under test/fixtures/spec) and generated data.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { planRuns } from '../../../src/spec';
import { assertAt, errorWith, parse, parseOk } from './helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/spec');
const fixture = (name: string) => ({ text: fs.readFileSync(path.join(FIXTURES, name), 'utf8'), file: path.join(FIXTURES, name) });

describe('spec: CSV data', () => {
  it('reads the chosen columns of a CSV next to the spec, skipping blank lines', () => {
    const { text, file } = fixture('csv-xor.nn.yaml');
    const spec = parseOk(text, { file });
    assert.deepEqual(spec.dataSource, { kind: 'csv', path: 'data/xor.csv', xColumns: ['a', 'b'], yColumns: ['label'] });
    assert.equal(spec.data.samples, 4);
    assert.deepEqual(Array.from(spec.data.x), [0, 0, 0, 1, 1, 0, 1, 1]);
    assert.deepEqual(Array.from(spec.data.y), [0, 1, 1, 0]);
  });

  it('resolves the CSV against a file:// URI of the spec, through options.readFile', () => {
    const { text, file } = fixture('csv-xor.nn.yaml');
    const asked: string[] = [];
    const spec = parseOk(text, { file: pathToFileURL(file).href, readFile: (p) => (asked.push(p), fs.readFileSync(p, 'utf8')) });
    assert.deepEqual(asked, [path.join(FIXTURES, 'data/xor.csv')]);
    assert.equal(spec.data.samples, 4);
  });

  it('reports a missing file at the csv: value', () => {
    const { text, file } = fixture('csv-missing-file.nn.yaml');
    const e = errorWith(parse(text, { file }).errors, "cannot read the CSV file 'data/missing.csv'");
    assert.match(e.message, /no such file/);
    assertAt(e, 9, 7, 9, 23);
  });

  it('reports a missing column at that column name, with a suggestion', () => {
    const { text, file } = fixture('csv-missing-column.nn.yaml');
    const e = errorWith(parse(text, { file }).errors, "no column 'bb' in the CSV file (did you mean 'b'?)");
    assertAt(e, 10, 9, 10, 11);
  });

  it("reports a non-numeric cell with the CSV's line and column, at the csv: key", () => {
    const { text, file } = fixture('csv-bad-cell.nn.yaml');
    const e = errorWith(parse(text, { file }).errors, "data/bad-cell.csv line 3, column 2 ('b'): 'oops' is not a finite number");
    assertAt(e, 9, 2, 9, 24);
  });
});

describe('spec: generated data', () => {
  it('generates data from the seed, and a seed sweep regenerates it per run', () => {
    const { text, file } = fixture('spiral-generated.nn.yaml');
    const spec = parseOk(text, { file });
    assert.deepEqual(spec.dataSource, { kind: 'generate', generator: 'spiral', samples: 90, noise: 0.1 });
    assert.equal(spec.data.outputs, 3);
    const [a, b] = planRuns(spec);
    assert.deepEqual([a.label, b.label], ['seed=1', 'seed=2']);
    assert.equal(a.config.data, spec.data, 'the run with the base seed shares the base data');
    assert.equal(b.config.data.samples, 90);
    assert.notDeepEqual(Array.from(b.config.data.x), Array.from(a.config.data.x));
  });

  it('rejects classes for a generator that has none, and keys of other data forms', () => {
    const { text } = fixture('spiral-generated.nn.yaml');
    const errors = parse(text.replace('generate: spiral, samples: 90', 'generate: xor, samples: 90, classes: 3, x: [[1]]')).errors;
    assert.ok(errorWith(errors, 'data.classes applies to the spiral and gaussian generators, not xor'));
    assert.ok(errorWith(errors, 'data.x does not apply to {generate: ...}'));
  });

  it('reports a generator without samples as a missing key, without throwing', () => {
    const { text } = fixture('spiral-generated.nn.yaml');
    const errors = parse(text.replace('generate: spiral, samples: 90', 'generate: spiral')).errors;
    assert.ok(errorWith(errors, "missing required key 'samples' in data"));
  });
});
