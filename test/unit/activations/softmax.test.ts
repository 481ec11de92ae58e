import { strict as assert } from 'node:assert';
import { createActivation } from '../../../src/engine/activations';
import { relativeError, richardsonDerivative } from './finiteDifference';

function softmaxRows(values: number[], rows: number, cols: number): Float64Array {
  const h = new Float64Array(values.length);
  createActivation({ kind: 'softmax' }).forward(Float64Array.from(values), h, rows, cols);
  return h;
}

describe('softmax (row-wise)', () => {
  it('is not elementwise; each row sums to 1 and rows are independent', () => {
    assert.equal(createActivation({ kind: 'softmax' }).elementwise, false);
    const h = softmaxRows([1, 2, 3, -1, 0, 5], 2, 3);
    for (const r of [0, 1]) {
      const sum = h[3 * r] + h[3 * r + 1] + h[3 * r + 2];
      assert.ok(Math.abs(sum - 1) < 1e-15);
    }
    const alone = softmaxRows([-1, 0, 5], 1, 3);
    assert.deepEqual(Array.from(h.subarray(3)), Array.from(alone));
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    assert.ok(relativeError(h[0], e[0] / (e[0] + e[1] + e[2])) < 1e-15);
  });

  it('subtracts the row maximum: [1000, 1001, 1002] equals [0, 1, 2], no NaN at ±800', () => {
    const big = softmaxRows([1000, 1001, 1002], 1, 3);
    const small = softmaxRows([0, 1, 2], 1, 3);
    assert.deepEqual(Array.from(big), Array.from(small));
    const extreme = softmaxRows([800, -800], 1, 2);
    assert.deepEqual(Array.from(extreme), [1, 0]);
  });

  it("derivative is the diagonal ∂pᵢ/∂zᵢ = pᵢ(1 − pᵢ), matching finite differences", () => {
    const a = createActivation({ kind: 'softmax' });
    const u = Float64Array.from([0.3, -1.2, 2.0, 0.7]);
    const h = new Float64Array(4);
    a.forward(u, h, 1, 4);
    const diag = new Float64Array(4);
    a.derivative(u, h, diag);
    for (let i = 0; i < 4; i++) {
      const p = (z: number): number => {
        const v = Float64Array.from(u);
        v[i] = z;
        return softmaxRows(Array.from(v), 1, 4)[i];
      };
      assert.ok(relativeError(diag[i], richardsonDerivative(p, u[i])) < 1e-7, `unit ${i}`);
      assert.ok(diag[i] <= 0.25);
    }
  });
});
