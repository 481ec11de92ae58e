import { strict as assert } from 'node:assert';
import { activationName, describeActivation } from '../../../src/engine/activations';
import type { ActivationSpec } from '../../../src/engine/types';
import { ELEMENTWISE, scalar } from './helpers';

describe('derivative bounds sup|φ\'|', () => {
  it('sigmoid 0.25 at 0, tanh 1 at 0 (closed form)', () => {
    assert.deepEqual(describeActivation({ kind: 'sigmoid' }).bound, { value: 0.25, at: 0, exact: true });
    assert.deepEqual(describeActivation({ kind: 'tanh' }).bound, { value: 1, at: 0, exact: true });
  });

  it('z·tanh z: 1.19968 (seed 003), numerical over [-10, 10], reached near |z| ≈ 1.2', () => {
    const b = describeActivation({ kind: 'expr', source: 'z * tanh(z)' }).bound;
    assert.equal(b.value.toPrecision(6), '1.19968');
    assert.equal(b.exact, false);
    assert.deepEqual(b.range, [-10, 10]);
    assert.ok(b.at !== null && Math.abs(Math.abs(b.at) - 1.19968) < 1e-4, `at ${b.at}`);
    // At the maximum z·tanh z = 1, and then the value equals z: a check independent of the search.
    assert.ok(Math.abs(b.value - Math.abs(b.at as number)) < 1e-6);
  });

  it('scaled ELU (selu λ=1.05, α=1.67, the seeds\' EXU): 1.7535, approached at 0⁻', () => {
    const b = describeActivation({ kind: 'selu', lambda: 1.05, alpha: 1.67 }).bound;
    assert.ok(Math.abs(b.value - 1.7535) < 1e-12, String(b.value));
    assert.equal(b.at, null);
    assert.ok(b.value <= 1.754); // seed 003: "≤ 1.754"
  });

  it('leaky ReLU a=0.1: 1; a=3: 3; relu 1; linear 1; softplus 1 (approached); elu max(1, α); softmax 0.25', () => {
    const value = (spec: ActivationSpec): number => describeActivation(spec).bound.value;
    assert.equal(value({ kind: 'leaky-relu', a: 0.1 }), 1);
    assert.equal(value({ kind: 'leaky-relu', a: 3 }), 3);
    assert.equal(value({ kind: 'relu' }), 1);
    assert.equal(value({ kind: 'linear' }), 1);
    assert.deepEqual(describeActivation({ kind: 'softplus' }).bound, { value: 1, at: null, exact: true });
    assert.equal(value({ kind: 'elu', alpha: 1 }), 1);
    assert.equal(value({ kind: 'elu', alpha: 2 }), 2);
    assert.equal(value({ kind: 'softmax' }), 0.25);
  });

  for (const { spec } of ELEMENTWISE) {
    it(`${activationName(spec)}: no sampled |φ'| exceeds the bound, and one comes within 0.2% of it`, () => {
      const { df } = scalar(spec);
      const bound = describeActivation(spec).bound.value;
      let max = 0;
      for (let z = -20; z <= 20; z += 1e-3) max = Math.max(max, Math.abs(df(z)));
      assert.ok(max <= bound + 1e-12, `sampled ${max} > bound ${bound}`);
      assert.ok(bound - max < 2e-3 * bound, `bound ${bound} is not approached (sampled max ${max})`);
    });
  }

  it('expression bounds skip NaN samples and report an unbounded derivative as Infinity', () => {
    const logBound = describeActivation({ kind: 'expr', source: 'log(z)' }).bound;
    assert.equal(logBound.value, Infinity); // 1/z at the sample z = 0
    const sqrtBound = describeActivation({ kind: 'expr', source: 'sqrt(z + 20)' }).bound;
    assert.ok(Math.abs(sqrtBound.value - 1 / (2 * Math.sqrt(10))) < 1e-9); // at z = −10, the range's edge
    assert.equal(sqrtBound.at, -10);
  });
});
