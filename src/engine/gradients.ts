// Gradients at the initial weights (the `grad` command) and the gradient check: backprop against central
// finite differences of the full-data loss.
import { BatchSource } from './batches';
import { Network, Workspace } from './network';
import { createRng, Stream, type Rng } from './rng';
import type { GradientCheckLayer, GradientCheckReport, GradientReport, TrainConfig } from './types';
import { validateConfig } from './validate';

/** At most this many weights (and biases) per layer are perturbed; larger layers are sampled. */
export const CHECK_SAMPLES_PER_LAYER = 64;
export const DEFAULT_CHECK_EPSILON = 1e-4;

interface FullPass {
  net: Network;
  ws: Workspace;
  loss: number;
}

/** Forward and backward over the full dataset at the initial weights; throws if a value is not finite. */
function fullBatchPass(config: TrainConfig): FullPass {
  validateConfig(config);
  const net = new Network(config);
  const ws = new Workspace(net, config.data.samples);
  const batch = new BatchSource(config.data, 'full', config.seed).next();
  const buf = ws.rows(batch.rows);
  const hit = net.forward(batch.x, buf) ?? null;
  const loss = hit ? NaN : net.batchLoss(buf, batch.y);
  const where = hit ?? (Number.isFinite(loss) ? net.backward(batch.x, batch.y, buf) : { layer: 0, phase: 'loss', value: loss });
  if (where) {
    throw new Error(`non-finite value (${where.value}) in the ${where.phase} pass at layer ${where.layer}, initial weights`);
  }
  return { net, ws, loss };
}

/** Loss and every gradient at the initial weights; weightGrad rows are units of layer k (as init.weights). */
export function computeGradients(config: TrainConfig): GradientReport {
  const { net, loss } = fullBatchPass(config);
  return {
    loss,
    layers: net.layers.map((l) => {
      const weightGrad: number[][] = [];
      for (let j = 0; j < l.units; j++) weightGrad.push(Array.from(l.gw.subarray(j * l.fanIn, (j + 1) * l.fanIn)));
      return { index: l.index, weightGrad, biasGrad: l.config.bias ? Array.from(l.gb) : null };
    }),
  };
}

/** Up to `count` distinct indices of [0, n), all of them when n ≤ count (then in order). */
function sampleIndices(n: number, count: number, rng: Rng): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= count) return all;
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(n - i);
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, count);
}

/**
 * Central differences against backprop, per layer, at the initial weights.
 * For each checked parameter θ (all of a layer's, or CHECK_SAMPLES_PER_LAYER sampled with the seed):
 *   fd = (J(θ−2h) − 8J(θ−h) + 8J(θ+h) − J(θ+2h)) / (12h),  h = (θ + ε) − θ (exactly representable)
 * the fourth-order central stencil: its truncation error (~ε⁴) is negligible at ε = 1e-4, where the rounding
 * noise of J (~2⁻⁵²·|J|/ε ≈ 1e-12·|J|) is a hundred times smaller than with the plain two-point quotient at
 * ε = 1e-6, so well-scaled gradients agree to ~1e-10. Kinks (relu at 0) within 2ε of a pre-activation spoil it.
 *   relative error = |bp − fd| / max(|bp| + |fd|, τ),   τ = 1e-4 · max(|J|, 1e-300)
 * τ keeps entries whose gradient is tiny next to J (where fd is mostly rounding noise) from reporting a
 * ratio of two noise values: they are judged by their absolute disagreement relative to 1e-4·|J|.
 * A layer's error is the max over its checked entries; NaN counts as Infinity.
 */
export function gradientCheck(config: TrainConfig, options?: { epsilon?: number }): GradientCheckReport {
  const epsilon = options?.epsilon ?? DEFAULT_CHECK_EPSILON;
  if (!(epsilon > 0)) throw new Error(`epsilon must be positive, got ${epsilon}`);
  const { net, ws, loss } = fullBatchPass(config);
  const data = config.data;
  const tau = 1e-4 * Math.max(Math.abs(loss), 1e-300);
  const rng = createRng(config.seed, Stream.check);

  const maxError = (params: Float64Array, grad: Float64Array, afterChange: (i: number) => void): number => {
    const lossAt = (i: number, value: number): number => {
      params[i] = value;
      afterChange(i);
      return net.datasetLoss(data, ws);
    };
    let worst = 0;
    for (const i of sampleIndices(params.length, CHECK_SAMPLES_PER_LAYER, rng)) {
      const theta = params[i];
      const h = theta + epsilon - theta;
      const fd =
        (lossAt(i, theta - 2 * h) - 8 * lossAt(i, theta - h) + 8 * lossAt(i, theta + h) - lossAt(i, theta + 2 * h)) /
        (12 * h);
      lossAt(i, theta);
      const bp = grad[i];
      const err = Math.abs(bp - fd) / Math.max(Math.abs(bp) + Math.abs(fd), tau);
      worst = Number.isNaN(err) ? Infinity : Math.max(worst, err);
    }
    return worst;
  };

  const layers: GradientCheckLayer[] = net.layers.map((l) => {
    // Keep the transposed copy the forward pass reads in step with the one perturbed weight.
    const syncWeight = (i: number): void => {
      const j = Math.floor(i / l.fanIn);
      const p = i - j * l.fanIn;
      l.wt[p * l.units + j] = l.w[i];
    };
    const weightRelError = maxError(l.w, l.gw, syncWeight);
    const biasRelError = l.config.bias ? maxError(l.b, l.gb, () => undefined) : null;
    let maxAbsGrad = 0;
    for (let i = 0; i < l.gw.length; i++) maxAbsGrad = Math.max(maxAbsGrad, Math.abs(l.gw[i]));
    if (l.config.bias) for (let i = 0; i < l.units; i++) maxAbsGrad = Math.max(maxAbsGrad, Math.abs(l.gb[i]));
    return { index: l.index, weightRelError, biasRelError, maxAbsGrad };
  });
  const maxRelError = layers.reduce((m, l) => Math.max(m, l.weightRelError, l.biasRelError ?? 0), 0);
  return { epsilon, maxRelError, layers };
}
