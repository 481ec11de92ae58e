import { strict as assert } from 'assert';
import { planRuns } from '../../../src/spec';
import { BASE, parse, parseOk, yaml, errorWith, assertAt } from './helpers';

describe('spec: parseSpec on valid specs', () => {
  it('reads the seed 002 deep tanh spec with its defaults', () => {
    const spec = parseOk(yaml`
      name: deep tanh, weights 1.0
      inputs: 1
      layers:
        - units: 1
          activation: tanh
          bias: false
          init: 1.0
          repeat: 100
      loss: mse
      data:
        x: [[-0.5], [0.5]]
        y: [[-0.5], [0.5]]
      train:
        learningRate: 0.1
        iterations: 1000
    `);
    assert.equal(spec.name, 'deep tanh, weights 1.0');
    assert.equal(spec.layerCount, 100);
    assert.equal(spec.params, 100);
    assert.equal(spec.seed, 1);
    assert.deepEqual(spec.train, { optimizer: { kind: 'sgd' }, learningRate: 0.1, iterations: 1000, batchSize: 'full' });
    assert.deepEqual(Array.from(spec.data.x), [-0.5, 0.5]);
    assert.deepEqual(spec.entries[0].init, { kind: 'constant', value: 1 });
    assert.equal(spec.entries[0].firstLayer, 1);
    assert.equal(spec.entries[0].lastLayer, 100);
  });

  it('names the spec after its file when name is absent', () => {
    const spec = parseOk(BASE.replace('name: small\n', ''), { file: '/tmp/nets/xor-small.nn.yaml' });
    assert.equal(spec.name, 'xor-small');
  });

  it('plans one run per sweep value with String() labels', () => {
    const spec = parseOk(`${BASE}sweep:\n  train.learningRate: [1.0, 0.9]\n`);
    const plans = planRuns(spec);
    assert.deepEqual(
      plans.map((p) => [p.label, p.config.learningRate]),
      [
        ['train.learningRate=1', 1],
        ['train.learningRate=0.9', 0.9],
      ],
    );
  });
});

describe('spec: parseSpec errors', () => {
  it('reports a bad number at the value', () => {
    const { errors } = parse(BASE.replace('learningRate: 0.5', 'learningRate: -0.5'));
    assertAt(errorWith(errors, 'train.learningRate must be > 0'), 12, 16, 12, 20);
  });
});
