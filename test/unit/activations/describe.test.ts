import { strict as assert } from 'node:assert';
import { activationName, createActivation, describeActivation, ExpressionError } from '../../../src/engine/activations';
import { relativeError } from './finiteDifference';
import { samplePoints, scalar } from './helpers';

describe('activation names, formulas and expressions', () => {
  it('display names', () => {
    assert.equal(activationName({ kind: 'tanh' }), 'tanh');
    assert.equal(activationName({ kind: 'leaky-relu', a: 0.1 }), 'leaky-relu(a=0.1)');
    assert.equal(activationName({ kind: 'elu', alpha: 1 }), 'elu(alpha=1)');
    assert.equal(activationName({ kind: 'selu', lambda: 1.05, alpha: 1.67 }), 'selu(lambda=1.05, alpha=1.67)');
    assert.equal(activationName({ kind: 'expr', source: ' z*tanh( z ) ' }), 'z * tanh(z)');
    assert.equal(activationName({ kind: 'expr', source: ' z*tahn(z) ' }), 'z*tahn(z)'); // invalid: trimmed source
  });

  it('hover formulas', () => {
    assert.deepEqual(
      { ...describeActivation({ kind: 'tanh' }), bound: undefined },
      { name: 'tanh', formula: 'φ(z) = tanh z', derivative: "φ'(z) = sech² z = 1 − tanh² z", bound: undefined },
    );
    const sigmoid = describeActivation({ kind: 'sigmoid' });
    assert.equal(sigmoid.formula, 'φ(z) = 1 / (1 + e^(−z))');
    assert.equal(sigmoid.derivative, "φ'(z) = φ(z)(1 − φ(z))");
    const expr = describeActivation({ kind: 'expr', source: 'z*tanh(z)' });
    assert.equal(expr.formula, 'φ(z) = z * tanh(z)');
    assert.equal(expr.derivative, "φ'(z) = tanh(z) + z * sech(z)^2");
    assert.match(describeActivation({ kind: 'leaky-relu', a: 0.1 }).derivative, /0\.1 if z < 0, else 1/);
  });

  it('an invalid expression throws ExpressionError with every error and its offset', () => {
    assert.throws(
      () => createActivation({ kind: 'expr', source: 'tahn(z) + y' }),
      (e: unknown) => {
        assert.ok(e instanceof ExpressionError);
        assert.deepEqual(
          e.errors.map((x) => [x.offset, x.length]),
          [
            [0, 4],
            [10, 1],
          ],
        );
        assert.match(e.message, /did you mean 'tanh'/);
        return true;
      },
    );
    assert.throws(() => describeActivation({ kind: 'expr', source: '' }), ExpressionError);
  });

  it('{expr: "tanh(z)"} equals the built-in tanh, tails included', () => {
    const builtin = scalar({ kind: 'tanh' });
    const expr = scalar({ kind: 'expr', source: 'tanh(z)' });
    for (const z of [...samplePoints(), 300, -300, 700, 800]) {
      assert.equal(expr.f(z), builtin.f(z));
      assert.ok(relativeError(expr.df(z), builtin.df(z)) < 1e-14, `z=${z}: ${expr.df(z)} vs ${builtin.df(z)}`);
    }
    const b = describeActivation({ kind: 'expr', source: 'tanh(z)' }).bound;
    assert.ok(Math.abs(b.value - 1) < 1e-12 && Math.abs(b.at as number) < 1e-6);
  });

  it('{expr: "sigmoid(z)"} equals the built-in sigmoid, tails included', () => {
    const builtin = scalar({ kind: 'sigmoid' });
    const expr = scalar({ kind: 'expr', source: 'sigmoid(z)' });
    for (const z of [...samplePoints(), 700, -700]) {
      assert.equal(expr.f(z), builtin.f(z));
      assert.ok(relativeError(expr.df(z), builtin.df(z)) < 1e-14, `z=${z}`);
    }
  });

  it('the same source twice gives equal activations (parsed once, cached)', () => {
    const a = createActivation({ kind: 'expr', source: 'z * sigmoid(z)' });
    const b = createActivation({ kind: 'expr', source: 'z * sigmoid(z)' });
    assert.equal(a.info, b.info);
    assert.equal(scalar(a).f(1.5), scalar(b).f(1.5));
  });
});
