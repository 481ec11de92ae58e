// The gradient check at kinks: a stencil that straddles a kink of relu, leaky-relu, selu or an expr's abs/max
// is narrowed or skipped (and counted), never reported as a backprop error; a wrong backprop still fails.
import { strict as assert } from 'node:assert';
import { gradientCheck, type ActivationSpec, type GradientCheckOptions, type TrainConfig } from '../../../src/engine';
import { config, dataset, layer } from './configs';

const explicit = (weights: number[][], bias: number[]) => ({ kind: 'explicit' as const, weights, bias });

/** x → one unit of `act` (weight w, bias b) → linear output (weight 1, bias 0.3), mse against y = 1. */
function oneUnit(act: ActivationSpec, w: number, b: number, x: number[]): TrainConfig {
  return config({
    layers: [layer(1, act, true, explicit([[w]], [b])), layer(1, { kind: 'linear' }, true, explicit([[1]], [0.3]))],
    data: dataset(x.map((v) => [v]), x.map(() => [1])),
  });
}

/** J of oneUnit(relu or leaky-relu, w, b, x), written out: mse J = 1/(2m) Σ (φ(w x + b) + 0.3 − 1)². */
function oneUnitLoss(act: ActivationSpec, w: number, b: number, x: number[]): number {
  const phi = (z: number): number => (z >= 0 ? z : act.kind === 'leaky-relu' ? act.a * z : 0);
  return x.reduce((s, v) => s + (phi(w * v + b) + 0.3 - 1) ** 2, 0) / (2 * x.length);
}

/** The fourth-order central difference in b at step h, without any kink rule. */
function naiveBiasDifference(act: ActivationSpec, w: number, x: number[], h: number): number {
  const at = (b: number): number => oneUnitLoss(act, w, b, x);
  return (at(-2 * h) - 8 * at(-h) + 8 * at(h) - at(2 * h)) / (12 * h);
}

describe('gradient check at kinks', () => {
  it('relu with u exactly on its kink (a dead layer feeds u = b = 0): those entries are skipped and the check passes', () => {
    // Layer 1's only unit is dead on every sample (weights ≤ 0 on positive inputs), so layer 2 sees h = 0 and
    // u₂ = b₂ = 0 exactly: backprop uses relu'(0) = 0, every difference quotient sees slopes 0 and 1.
    const report = gradientCheck(
      config({
        layers: [
          layer(1, { kind: 'relu' }, true, explicit([[-1, -1, -1]], [-0.5])),
          layer(1, { kind: 'relu' }, true, explicit([[1]], [0])),
          layer(1, { kind: 'linear' }, true, explicit([[1]], [0.3])),
        ],
        data: dataset([[1, 2, 3], [0.5, 0.5, 0.5]], [[1], [2]]),
      }),
    );
    const l2 = report.layers[1];
    assert.equal(l2.skipped, 1, 'the bias b₂ moves u₂ off the kink at every step');
    assert.equal(l2.checked, 1, 'the weight multiplies h = 0: u₂ stays on the kink, nothing straddles');
    assert.ok(report.skipped > 0);
    assert.equal(report.pass, true);
    assert.ok(report.maxRelError < 1e-7, `${report.maxRelError}`);
  });

  for (const act of [{ kind: 'relu' }, { kind: 'leaky-relu', a: 0.1 }] as ActivationSpec[]) {
    it(`${act.kind}: u = 5e-5 from the kink, within 2ε: the entry is narrowed to ε/10 and agrees`, () => {
      const naive = naiveBiasDifference(act, 1e-4, [0.5], 1e-4);
      const report = gradientCheck(oneUnit(act, 1e-4, 0, [0.5])); // u = 0.5 · 1e-4 = 5e-5
      const bp = -(Math.max(0, 5e-5) + 0.3 - 1); // ∂J/∂b₁ = (ŷ − y)·φ'(u), φ' = 1 for u > 0
      assert.ok(Math.abs(naive - bp) / Math.abs(bp) > 1e-3, `a straddling stencil disagrees: ${naive} vs ${bp}`);
      assert.equal(report.layers[0].narrowed, 2); // w and b both move u across 0 at ε
      assert.equal(report.skipped, 0);
      assert.equal(report.pass, true);
      assert.ok(report.maxRelError < 1e-7, `${report.maxRelError}`);
    });
  }

  it('the kink fixture (relu unit, only sample on the kink): the bias is skipped, the weight (× x = 0) is checked, pass', () => {
    const report = gradientCheck(oneUnit({ kind: 'relu' }, 1, 0, [0]));
    assert.deepEqual(report.layers.map((l) => [l.checked, l.skipped, l.pass]), [[1, 1, true], [2, 0, true]]);
  });

  it('expr abs(z) on its kink is skipped; max(z, 0.2*z) near its kink is narrowed', () => {
    const onKink = gradientCheck(oneUnit({ kind: 'expr', source: 'abs(z)' }, 1, 0, [0, 0]));
    assert.equal(onKink.layers[0].skipped, 1);
    assert.equal(onKink.pass, true);
    const near = gradientCheck(oneUnit({ kind: 'expr', source: 'max(z, 0.2 * z)' }, 1e-4, 0, [0.5, 0.7]));
    assert.ok(near.layers[0].narrowed > 0 && near.skipped === 0, JSON.stringify(near.layers[0]));
    assert.ok(near.pass && near.maxRelError < 1e-7, `${near.maxRelError}`);
  });

  it('a smooth activation never narrows or skips, even with u = 0 exactly', () => {
    const report = gradientCheck(oneUnit({ kind: 'tanh' }, 1, 0, [0, 0.3]));
    assert.deepEqual([report.skipped, report.narrowed, report.pass], [0, 0, true]);
  });

  describe('a wrong backprop still fails (test hook alterBackprop)', () => {
    const reluNet = (): TrainConfig =>
      config({
        layers: [
          layer(6, { kind: 'relu' }, true, { kind: 'he' }),
          layer(5, { kind: 'leaky-relu', a: 0.1 }, true, { kind: 'he' }),
          layer(1, { kind: 'sigmoid' }, true, { kind: 'xavier' }),
        ],
        data: dataset(
          Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(1.7 * i), (i % 7) / 7 - 0.5]),
          Array.from({ length: 40 }, (_, i) => [i % 2]),
        ),
        seed: 5,
      });

    it('unaltered, the relu/leaky-relu net passes', () => {
      const report = gradientCheck(reluNet());
      assert.equal(report.pass, true, `${report.maxRelError}`);
    });

    it('one weight gradient off by a relative 1e-4 fails its layer only', () => {
      const hook: GradientCheckOptions['alterBackprop'] = (k, gw) => {
        if (k === 2) {
          const i = gw.findIndex((g) => Math.abs(g) > 1e-3);
          gw[i] *= 1 + 1e-4;
        }
      };
      const report = gradientCheck(reluNet(), { alterBackprop: hook });
      assert.deepEqual(report.layers.map((l) => l.pass), [true, false, true]);
      assert.ok(report.layers[1].weightRelError > 1e-5 && report.layers[1].weightRelError < 1e-4, `${report.layers[1].weightRelError}`);
      assert.equal(report.pass, false);
    });

    it("layer 1's bias gradient with its sign flipped fails that layer", () => {
      const report = gradientCheck(reluNet(), { alterBackprop: (k, _gw, gb) => k === 1 && gb.forEach((g, i) => (gb[i] = -g)) });
      assert.equal(report.layers[0].pass, false);
      assert.ok(report.layers[0].biasRelError! > 0.5, `${report.layers[0].biasRelError}`);
    });
  });
});
