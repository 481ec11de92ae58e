import { strict as assert } from 'node:assert';
import { evaluate, formatExpr } from '../../../src/engine/expr';
import { parsed } from './helpers';

const at = (source: string, z: number): number => evaluate(parsed(source), z);

describe('expression grammar: parsing and precedence', () => {
  it('^ binds tighter than unary minus: -z^2 = -(z^2), -2^2 = -4', () => {
    assert.equal(at('-z^2', 3), -9);
    assert.equal(at('-2^2', 0), -4);
    assert.equal(at('(-z)^2', 3), 9);
  });

  it('^ is right-associative: 2^3^2 = 512; parentheses override', () => {
    assert.equal(at('2^3^2', 0), 512);
    assert.equal(at('(2^3)^2', 0), 64);
    assert.equal(at('z^-1', 4), 0.25); // a signed exponent needs no parentheses
    assert.equal(at('2^-z^2', 1), 0.5);
  });

  it('+ - * / are left-associative with the usual precedence', () => {
    assert.equal(at('1 - 2 - 3', 0), -4);
    assert.equal(at('8 / 4 / 2', 0), 1);
    assert.equal(at('2 * 3 + 4', 0), 10);
    assert.equal(at('2 + 3 * 4', 0), 14);
    assert.equal(at('2 * -z', 3), -6);
    assert.equal(at('--z', 3), 3);
    assert.equal(at('+z', 3), 3);
  });

  it('numbers: integers, decimals, leading/trailing dot, exponents', () => {
    assert.equal(at('1e-3', 0), 0.001);
    assert.equal(at('.5', 0), 0.5);
    assert.equal(at('3.', 0), 3);
    assert.equal(at('1.5E+2', 0), 150);
    assert.equal(at('2.5e1 * z', 2), 50);
  });

  it('functions and constants e, pi; whitespace and newlines are ignored', () => {
    assert.equal(at('exp(z)', 1), Math.E);
    assert.equal(at('log(e)', 0), 1);
    assert.equal(at('pi', 0), Math.PI);
    assert.equal(at('max(z, 0.1 * z)', -2), -0.2);
    assert.equal(at('min(z, 1)', 3), 1);
    assert.equal(at('abs(z) + sqrt(z^2)', -3), 6);
    assert.equal(at('sigmoid(0) + tanh(0)', 0), 0.5);
    assert.equal(at('sech(0) + sign(-z)', 2), 0);
    assert.equal(at('\n  z *\t tanh(z)\n', 0), 0);
  });

  it('format prints the fewest parentheses and parses back to the same tree', () => {
    const cases: [string, string][] = [
      ['z*tanh(z)', 'z * tanh(z)'],
      ['-z^2', '-z^2'],
      ['-(z^2)', '-z^2'],
      ['(-z)^2', '(-z)^2'],
      ['2^3^2', '2^3^2'],
      ['(2^3)^2', '(2^3)^2'],
      ['z^(-1)', 'z^-1'],
      ['(z - 1) - (z - 2)', 'z - 1 - (z - 2)'],
      ['z / (2 * z)', 'z / (2 * z)'],
      ['(z * 2) / z', 'z * 2 / z'],
      ['-(z * 2)', '-(z * 2)'],
      ['-(-z)', '-(-z)'],
      ['max(z,0.01*z)', 'max(z, 0.01 * z)'],
      ['e^z + pi', 'e^z + pi'],
      ['1e-3 * z', '0.001 * z'],
      ['((z))', 'z'],
    ];
    for (const [source, text] of cases) {
      const tree = parsed(source);
      assert.equal(formatExpr(tree), text, source);
      assert.deepEqual(parsed(formatExpr(tree)), tree, `round trip of ${source}`);
    }
  });
});
