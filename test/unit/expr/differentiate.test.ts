import { strict as assert } from 'node:assert';
import { compileExpr, differentiate, evaluate, formatExpr } from '../../../src/engine/expr';
import { relativeError, resolvable, richardsonDerivative } from '../activations/finiteDifference';
import { parsed } from './helpers';

const derivativeText = (source: string): string => formatExpr(differentiate(parsed(source)));

describe('expression derivatives', () => {
  const smooth = [
    'z * tanh(z)',
    'z * sigmoid(z)',
    'log(1 + exp(z))',
    'z / (1 + z^2)',
    'exp(-z^2 / 2)',
    'sqrt(z^2 + 1)',
    '3 * z^3 - 2 * z + 1',
    'tanh(2 * z)^2',
    '2^z',
    'e^(z / 3)',
    'sech(z) * z',
    'sigmoid(-3 * z) / (2 + tanh(z))',
    '(z^2 + 1)^(z / 4)',
  ];
  for (const source of smooth) {
    it(`${source}: the symbolic derivative equals finite differences`, () => {
      const f = compileExpr(parsed(source));
      const df = compileExpr(differentiate(parsed(source)));
      let checked = 0;
      for (let z = -6; z <= 6; z += 0.173) {
        const analytic = df(z);
        if (!resolvable(f, z, analytic)) continue;
        assert.ok(relativeError(analytic, richardsonDerivative(f, z)) < 1e-7, `z=${z}`);
        checked++;
      }
      assert.ok(checked > 20, `only ${checked} points checked`);
    });
  }

  it('kinks: abs\' = sign (0 at 0), max/min pick the derivative of the larger/smaller side', () => {
    const d = (source: string, z: number): number => evaluate(differentiate(parsed(source)), z);
    assert.deepEqual([d('abs(z)', -2), d('abs(z)', 0), d('abs(z)', 3)], [-1, 0, 1]);
    assert.deepEqual([d('max(z, 0.1 * z)', -1), d('max(z, 0.1 * z)', 0), d('max(z, 0.1 * z)', 2)], [0.1, 1, 1]);
    assert.deepEqual([d('min(z, 1)', 0), d('min(z, 1)', 1), d('min(z, 1)', 2)], [1, 1, 0]);
    assert.equal(d('max(0, z)', 0), 0); // equals relu'(0) = 0: max(a, b)' = a' where a ≥ b
  });

  it('simplifies: constants fold, 0·x and 1·x vanish, signs move to numbers', () => {
    assert.equal(derivativeText('z * tanh(z)'), 'tanh(z) + z * sech(z)^2');
    assert.equal(derivativeText('7'), '0');
    assert.equal(derivativeText('z'), '1');
    assert.equal(derivativeText('2 * z + 1'), '2');
    assert.equal(derivativeText('-z^2'), '-2 * z');
    assert.equal(derivativeText('z^-2'), '-2 * z^-3');
    assert.equal(derivativeText('3 * z^3'), '9 * z^2');
    assert.equal(derivativeText('pi * z'), 'pi');
    assert.equal(derivativeText('e^z'), 'e^z');
    assert.equal(derivativeText('sigmoid(z)'), 'sigmoid(z) * sigmoid(-z)');
    assert.equal(derivativeText('max(z, 0)'), '(z >= 0 ? 1 : 0)');
  });

  it('derivatives keep tiny values in the tails (sech², not 1 − tanh²)', () => {
    const d = compileExpr(differentiate(parsed('tanh(z)')));
    assert.ok(relativeError(d(25), 4 / (Math.exp(25) + Math.exp(-25)) ** 2) < 1e-14);
    assert.ok(d(300) > 0);
    const s = compileExpr(differentiate(parsed('sigmoid(z)')));
    assert.ok(relativeError(s(40), Math.exp(-40) / (1 + Math.exp(-40)) ** 2) < 1e-14);
  });
});
