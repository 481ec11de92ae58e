import { strict as assert } from 'node:assert';
import { activationName, createActivation } from '../../../src/engine/activations';
import { relativeError, resolvable, richardsonDerivative } from './finiteDifference';
import { ELEMENTWISE, samplePoints, scalar } from './helpers';

describe('activation derivatives', () => {
  for (const { spec, kinkAtZero } of ELEMENTWISE) {
    it(`${activationName(spec)}: φ' equals central finite differences (rel < 1e-7)`, () => {
      const { f, df } = scalar(spec);
      let checked = 0;
      for (const z of samplePoints()) {
        if (kinkAtZero && Math.abs(z) <= 1.5e-3) continue;
        const analytic = df(z);
        if (!resolvable(f, z, analytic)) continue;
        const numeric = richardsonDerivative(f, z);
        assert.ok(relativeError(analytic, numeric) < 1e-7, `z=${z}: φ'=${analytic}, finite difference ${numeric}`);
        checked++;
      }
      assert.ok(checked >= 30, `only ${checked} points were resolvable`);
    });

    it(`${activationName(spec)}: no NaN or infinity in φ or φ' at ±800 and ±1e308`, () => {
      const { f, df } = scalar(spec);
      for (const z of [-1e308, -800, 800, 1e308]) {
        assert.ok(Number.isFinite(f(z)), `φ(${z}) = ${f(z)}`);
        assert.ok(Number.isFinite(df(z)), `φ'(${z}) = ${df(z)}`);
        if (spec.kind !== 'expr') assert.ok(df(z) >= 0, `φ'(${z}) = ${df(z)} < 0`); // built-ins are monotone
      }
    });
  }

  it('tanh: φ\'(±25) > 0 and equals 4/(e²⁵+e⁻²⁵)² (not 1 − tanh², which is 0 there)', () => {
    const { df } = scalar({ kind: 'tanh' });
    const expected = 4 / (Math.exp(25) + Math.exp(-25)) ** 2;
    for (const z of [25, -25]) {
      assert.ok(df(z) > 0);
      assert.ok(relativeError(df(z), expected) < 1e-14, `${df(z)} vs ${expected}`);
    }
    assert.equal(1 - Math.tanh(25) ** 2, 0); // why the closed form matters
    // Deep in the tail the value is a real subnormal-range number, like the seeds' g ≈ 1e-303.
    const deep = df(350);
    assert.ok(deep > 0 && relativeError(deep, 4 * Math.exp(-700)) < 1e-12, `tanh'(350) = ${deep}`);
    assert.equal(df(800), 0); // underflow gives the limit 0, never NaN
  });

  it('sigmoid: φ\'(u) = e^(−|u|)/(1+e^(−|u|))² in both tails', () => {
    const { f, df } = scalar({ kind: 'sigmoid' });
    for (const z of [40, -40, 700, -700]) {
      const e = Math.exp(-Math.abs(z));
      assert.ok(relativeError(df(z), e / (1 + e) ** 2) < 1e-14, `σ'(${z}) = ${df(z)}`);
      assert.ok(df(z) > 0);
    }
    assert.ok(relativeError(f(-700), Math.exp(-700)) < 1e-14);
    assert.equal(f(800), 1);
    assert.equal(f(-800), 0);
  });

  it('softplus stays precise in the lower tail and linear in the upper tail', () => {
    const { f, df } = scalar({ kind: 'softplus' });
    assert.ok(relativeError(f(-50), Math.exp(-50)) < 1e-14);
    assert.equal(f(800), 800);
    assert.ok(relativeError(df(-50), Math.exp(-50)) < 1e-14);
  });

  it("kink conventions: relu'(0) = 0, leaky-relu'(0) = 1 (a below 0), elu'(0) = 1, selu'(0) = λ", () => {
    assert.equal(scalar({ kind: 'relu' }).df(0), 0);
    assert.equal(scalar({ kind: 'relu' }).df(1e-300), 1);
    const leaky = scalar({ kind: 'leaky-relu', a: 0.1 });
    assert.equal(leaky.df(0), 1);
    assert.equal(leaky.df(-1e-300), 0.1);
    assert.equal(leaky.f(-2), -0.2);
    assert.equal(scalar({ kind: 'elu', alpha: 1 }).df(0), 1);
    const exu = scalar({ kind: 'selu', lambda: 1.05, alpha: 1.67 });
    assert.equal(exu.df(0), 1.05);
    assert.ok(relativeError(exu.df(-1), 1.05 * 1.67 * Math.exp(-1)) < 1e-15); // βu·exp(z) below 0
    assert.ok(relativeError(exu.f(-800), -1.05 * 1.67) < 1e-15);
  });

  it('forward writes exactly rows × cols entries; derivative writes out.length entries', () => {
    const a = createActivation({ kind: 'tanh' });
    const u = Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    const h = new Float64Array(6).fill(-7);
    a.forward(u, h, 2, 2);
    assert.deepEqual(Array.from(h.subarray(4)), [-7, -7]);
    assert.equal(h[3], Math.tanh(0.4));
    const out = new Float64Array(3);
    a.derivative(u, h, out);
    assert.equal(out.length, 3);
    assert.ok(relativeError(out[2], 1 / Math.cosh(0.3) ** 2) < 1e-15);
  });

  it('linear works in place and copies otherwise', () => {
    const a = createActivation({ kind: 'linear' });
    const u = Float64Array.from([1, -2, 3]);
    a.forward(u, u, 1, 3);
    assert.deepEqual(Array.from(u), [1, -2, 3]);
    const h = new Float64Array(4);
    a.forward(u, h, 1, 2);
    assert.deepEqual(Array.from(h), [1, -2, 0, 0]);
  });
});
