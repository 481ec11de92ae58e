import { strict as assert } from 'node:assert';
import { compileArrayExpr, compileExpr, differentiate, evaluate } from '../../../src/engine/expr';
import { parsed } from './helpers';

const SOURCES = [
  'z * tanh(z) - max(z, 0) / (1 + abs(z))',
  'z * sigmoid(z)',
  'min(z, 1)^2 + sqrt(abs(z)) * sign(z)',
  'exp(-z^2 / 2) + log(1 + exp(z))',
  'sech(z)^3 - 2^z',
  'z',
  '4',
];

function inputs(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 4001) / 100 - 20);
}

describe('expression evaluation', () => {
  it('evaluate and compileExpr agree', () => {
    for (const source of SOURCES) {
      const tree = parsed(source);
      const f = compileExpr(tree);
      for (const z of [-3, -0.5, 0, 0.25, 4]) assert.equal(evaluate(tree, z), f(z), `${source} at ${z}`);
    }
  });

  it('array kernels are bit-identical to the scalar closures, for φ and φ\', any length', () => {
    for (const source of SOURCES) {
      for (const tree of [parsed(source), differentiate(parsed(source))]) {
        const scalar = compileExpr(tree);
        const kernel = compileArrayExpr(tree);
        for (const n of [0, 1, 511, 512, 513, 2000]) {
          const z = inputs(n);
          const out = new Float64Array(n + 3).fill(-99);
          kernel(z, out, n);
          for (let i = 0; i < n; i++) assert.ok(Object.is(out[i], scalar(z[i])), `${source}: i=${i}, n=${n}`);
          assert.deepEqual(Array.from(out.subarray(n)), [-99, -99, -99]); // nothing past n
        }
      }
    }
  });

  it('array kernels work in place (out === z)', () => {
    const tree = parsed('z * tanh(z) + sigmoid(-z)');
    const z = inputs(1500);
    const expected = Array.from(z, compileExpr(tree));
    compileArrayExpr(tree)(z, z, z.length);
    assert.deepEqual(Array.from(z), expected);
  });
});
