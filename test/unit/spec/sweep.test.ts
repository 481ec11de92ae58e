// Sweeps: expansion into runs, labels, and sweep values checked as if written at their path.
import { strict as assert } from 'assert';
import { planRuns } from '../../../src/spec';
import { BASE, assertAt, errorAt, errorWith, parse, parseOk } from './helpers';

const sweep = (lines: string) => `${BASE}sweep:\n${lines}`;

describe('spec: sweeps', () => {
  it('makes the cartesian product, first key outermost, labels joined by ", "', () => {
    const spec = parseOk(sweep('  train.learningRate: [0.1, 1.0]\n  layers[0].init: [he, 0.5, {normal: {std: 0.1}}]\n'));
    const plans = planRuns(spec);
    assert.deepEqual(
      plans.map((p) => p.label),
      [
        'train.learningRate=0.1, layers[0].init=he',
        'train.learningRate=0.1, layers[0].init=0.5',
        'train.learningRate=0.1, layers[0].init={normal: {std: 0.1}}',
        'train.learningRate=1, layers[0].init=he',
        'train.learningRate=1, layers[0].init=0.5',
        'train.learningRate=1, layers[0].init={normal: {std: 0.1}}',
      ],
    );
    assert.deepEqual(plans[5].config.layers[0].init, { kind: 'normal', mean: 0, std: 0.1 });
    assert.equal(plans[5].config.learningRate, 1);
    assert.deepEqual(spec.sweep.map((a) => [a.path, a.values.length]), [
      ['train.learningRate', 2],
      ['layers[0].init', 3],
    ]);
  });

  it('gives one base run labelled "" without a sweep, and applies run overrides', () => {
    const [only, ...rest] = planRuns(parseOk(BASE), { iterations: 7, trace: true });
    assert.equal(rest.length, 0);
    assert.equal(only.label, '');
    assert.equal(only.config.iterations, 7);
    assert.deepEqual(only.config.record, { trace: true });
    assert.throws(() => planRuns(parseOk(BASE), { iterations: 0 }), RangeError);
  });

  it('reports an invalid sweep value at that value', () => {
    const { errors } = parse(sweep('  train.learningRate: [0.1, -1]\n  layers[1].activation: [sigmoid, tahn]\n'));
    assertAt(errorWith(errors, 'train.learningRate must be > 0, got -1'), 15, 28, 15, 30);
    assertAt(errorWith(errors, "unknown activation 'tahn' (did you mean 'tanh'?)"), 16, 34, 16, 38);
  });

  it('reports at the sweep value an error it causes elsewhere in the spec', () => {
    const text = sweep('  layers[0].units: [3, 4]\n').replace('activation: sigmoid', 'activation: sigmoid\n    init: {weights: [[1, 2, 3]]}');
    const e = errorWith(parse(text).errors, 'with layers[0].units=4: the rows of layers[1].init.weights have 3 values but the layer below has 4 units');
    assertAt(e, 16, 23, 16, 24);
    assert.equal(e.path, 'sweep.layers[0].units');
  });

  it('rejects a sweep key that names nothing, or that cannot be swept', () => {
    errorAt(sweep('  layers[5].init: [1]\n'), "sweep key 'layers[5].init' names no key this spec has", 15, 2, 15, 16);
    errorAt(sweep('  name: [a, b]\n'), 'name cannot be swept', 15, 2, 15, 6);
    errorAt(sweep('  data.x: [[[1, 2]]]\n'), "only a generator's parameters can be swept under data", 15, 2, 15, 8);
    errorAt(sweep('  seed: 3\n'), 'sweep.seed must be a non-empty list of values', 15, 8, 15, 9);
  });
});
