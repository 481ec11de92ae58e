// Seed 001: z = W₁x, h = σ(z), ŷ = W₂h, E = ‖ŷ − y‖² (sse, no biases), and the slow descent of gradient
// descent on L(w) = ½(a w₁² + b w₂²).
import { strict as assert } from 'node:assert';
import { computeGradients, train } from '../../../src/engine';
import { config, dataset, layer } from '../engine/configs';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('seed 001: one hidden sigmoid layer, linear output, E = ‖ŷ − y‖²', () => {
  const x = [0.5, -1.0, 2.0];
  const y = [0.3, -0.7];
  const W1 = [
    [0.2, -0.4, 0.1],
    [0.7, 0.3, -0.5],
    [-0.6, 0.8, 0.25],
    [0.05, -0.15, 0.9],
  ];
  const W2 = [
    [0.3, -0.2, 0.6, 0.4],
    [-0.5, 0.9, 0.1, -0.3],
  ];

  it('∂E/∂W₂ = 2(ŷ − y) hᵀ and ∂E/∂W₁ = (W₂ᵀ 2(ŷ − y) ⊙ σ′(z)) xᵀ equal the engine', () => {
    const z = W1.map((row) => row.reduce((s, wi, i) => s + wi * x[i], 0));
    const h = z.map(sigmoid);
    const yHat = W2.map((row) => row.reduce((s, wi, i) => s + wi * h[i], 0));
    const dE = yHat.map((v, q) => 2 * (v - y[q])); // ∂E/∂ŷ = 2(ŷ − y)
    const dW2 = dE.map((d) => h.map((hi) => d * hi));
    const dz = h.map((hi, i) => dE.reduce((s, d, q) => s + W2[q][i] * d, 0) * hi * (1 - hi)); // J = diag σ(1 − σ)
    const dW1 = dz.map((d) => x.map((xi) => d * xi));

    const grads = computeGradients(
      config({
        layers: [
          layer(4, { kind: 'sigmoid' }, false, { kind: 'explicit', weights: W1 }),
          layer(2, { kind: 'linear' }, false, { kind: 'explicit', weights: W2 }),
        ],
        data: dataset([x], [y]),
        loss: 'sse',
      }),
    );
    const close = (a: number[][], b: number[][], what: string) =>
      a.forEach((row, j) =>
        row.forEach((v, i) => assert.ok(Math.abs(v - b[j][i]) <= 1e-15 * Math.max(1, Math.abs(b[j][i])), `${what}[${j}][${i}]`)),
      );
    close(grads.layers[0].weightGrad, dW1, '∂E/∂W₁');
    close(grads.layers[1].weightGrad, dW2, '∂E/∂W₂');
    assert.equal(grads.layers[0].biasGrad, null);
    const E = yHat.reduce((s, v, q) => s + (v - y[q]) ** 2, 0);
    assert.ok(Math.abs(grads.loss - E) <= 1e-15 * E);
  });

  describe('slow descent on L(w) = ½(a w₁² + b w₂²), a = 100, b = 1', () => {
    // A linear unit without bias, E = Σᵢ (w·xᵢ)² with x₁ = (√(a/2), 0), x₂ = (0, √(b/2)), y = 0, is exactly
    // ½(a w₁² + b w₂²); gradient descent gives w_i(t) = (1 − η λ_i)ᵗ w_i(0), λ = (a, b).
    const a = 100;
    const bb = 1;
    const w0 = [1, 1];
    const run = (eta: number, iterations: number) =>
      train(
        config({
          layers: [layer(1, { kind: 'linear' }, false, { kind: 'explicit', weights: [w0] })],
          data: dataset(
            [
              [Math.sqrt(a / 2), 0],
              [0, Math.sqrt(bb / 2)],
            ],
            [[0], [0]],
          ),
          loss: 'sse',
          learningRate: eta,
          iterations,
        }),
      );
    const closedForm = (eta: number, t: number) =>
      0.5 * (a * (w0[0] * (1 - eta * a) ** t) ** 2 + bb * (w0[1] * (1 - eta * bb) ** t) ** 2);

    it('η < min(1/a, 1/b): J falls monotonically and follows the closed form, but slowly (w₂ shrinks by 1 − η b)', () => {
      const eta = 0.009;
      const r = run(eta, 500);
      r.loss.forEach((j, t) => {
        assert.ok(Math.abs(j - closedForm(eta, t)) <= 1e-12 * closedForm(eta, t), `t = ${t}`);
        if (t > 0) assert.ok(j < r.loss[t - 1], `J rose at iteration ${t + 1}`);
      });
      // After 500 iterations the steep direction (a) is gone, J is all the shallow one's ½ b w₂², still > 1e-5.
      const shallow = 0.5 * bb * (w0[1] * (1 - eta * bb) ** 500) ** 2;
      assert.ok(Math.abs(r.finalLoss - shallow) <= 1e-12 * shallow);
      assert.ok(r.finalLoss > 1e-5);
    });

    it('1/a < η < 2/a still converges (w₁ oscillates in sign with |1 − ηa| < 1)', () => {
      const eta = 0.015;
      const r = run(eta, 300);
      r.loss.forEach((j, t) => assert.ok(Math.abs(j - closedForm(eta, t)) <= 1e-12 * closedForm(eta, t), `t = ${t}`));
      assert.ok(r.finalLoss < r.loss[0]);
    });

    it('η well above 2/max(a, b) diverges: J grows by (1 − ηa)² per iteration until it is not finite', () => {
      const eta = 0.05; // |1 − ηa| = 4
      const r = run(eta, 2000);
      for (let t = 1; t < r.loss.length; t++) assert.ok(r.loss[t] > r.loss[t - 1], `iteration ${t + 1}`);
      assert.equal(r.stopped, 'non-finite');
      assert.ok(r.loss[r.loss.length - 1] > 1e250);
    });
  });
});
