// Gradients at the initial weights (the `grad` command) and the gradient check: backprop against central
// finite differences of the full-data loss.
import { BatchSource } from './batches';
import { KinkWatch } from './kinkWatch';
import { Network, Workspace } from './network';
import { createRng, Stream, type Rng } from './rng';
import type { GradientCheckLayer, GradientCheckReport, GradientReport, TrainConfig } from './types';
import { validateConfig } from './validate';

/** At most this many weights (and biases) per layer are perturbed; larger layers are sampled. */
export const CHECK_SAMPLES_PER_LAYER = 64;
export const DEFAULT_CHECK_EPSILON = 1e-4;
/** An entry whose relative error is at or above this fails, and with it its layer and the check. */
export const CHECK_THRESHOLD = 1e-6;
/** Step sizes tried in turn for an entry whose stencil straddles a kink: ε, ε/10, ε/100. */
const STEP_DIVISORS: readonly number[] = [1, 10, 100];

export interface FullPass {
  net: Network;
  ws: Workspace;
  loss: number;
}

/** Forward and backward over the full dataset at the initial weights; throws if a value is not finite. */
export function fullBatchPass(config: TrainConfig): FullPass {
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


export interface GradientCheckOptions {
  /** Base step ε (default DEFAULT_CHECK_EPSILON). */
  epsilon?: number;
  /**
   * Test hook: changes backprop's gradients (∂J/∂W_k as units × fanIn, ∂J/∂b_k) before they are compared, to
   * show that a wrong backprop fails. Not for production use.
   */
  alterBackprop?: (layer: number, weightGrad: Float64Array, biasGrad: Float64Array) => void;
}

interface EntryTally {
  worst: number;
  checked: number;
  skipped: number;
  narrowed: number;
}

/**
 * Central differences against backprop, per layer, at the initial weights.
 * For each checked parameter θ (all of a layer's, or CHECK_SAMPLES_PER_LAYER sampled with the seed):
 *   fd = (8(J(θ+h) − J(θ−h)) − (J(θ+2h) − J(θ−2h))) / (12h),  h = (θ + ε/d) − θ (exactly representable)
 * the fourth-order central stencil: its truncation error (~h⁴) is negligible at ε = 1e-4, where the rounding
 * noise of J (~2⁻⁵²·|J|/h ≈ 1e-12·|J|) is a hundred times smaller than with the plain two-point quotient at
 * 1e-6, so well-scaled gradients agree to ~1e-10. The symmetric differences are taken first: equal J values give
 * fd = 0 exactly, and nearby ones subtract without rounding.
 *
 * Kinks. The stencil is only valid where J is smooth in θ over [θ−2h, θ+2h]. J stops being smooth where a
 * pre-activation u of some layer and sample crosses a kink of its activation (relu, leaky-relu, elu and selu
 * at 0; abs, sign, max, min inside an expr; see ./kinks.ts). The rule: at each of the four stencil points every
 * u of the perturbed layer and the layers above must lie on the same smooth piece as at θ itself, with "on
 * the kink" (switch exactly 0) a piece of its own. If one does not, the entry is tried again with d = 10,
 * then d = 100 (`narrowed` counts entries decided at a smaller step); if every step straddles a kink (u sits
 * on it, as in a dead relu layer feeding u = b = 0), the entry is `skipped`: there backprop reports a
 * one-sided convention (relu'(0) = 0) that no difference quotient can confirm or refute. Pieces are compared
 * only at the stencil points: a u that leaves its piece and comes back between two of them is not seen.
 * A u that stays exactly on a kink at every point (it does not depend on θ) does not straddle it.
 *
 *   relative error = |bp − fd| / max(|bp| + |fd|, τ),   τ = 1e-4 · max(|J|, 1e-300) · ε/h
 * τ keeps entries whose gradient is tiny next to J (where fd is mostly rounding noise, which grows as 1/h)
 * from reporting a ratio of two noise values: they are judged by their absolute disagreement relative to the
 * noise scale. A layer's error is the max over its checked entries; NaN counts as Infinity. An entry, its
 * layer and the report pass when the error is below CHECK_THRESHOLD; a layer whose entries were all skipped
 * passes (nothing disagreed) and shows its skipped count.
 */
export function gradientCheck(config: TrainConfig, options?: GradientCheckOptions): GradientCheckReport {
  const epsilon = options?.epsilon ?? DEFAULT_CHECK_EPSILON;
  if (!(epsilon > 0)) throw new Error(`epsilon must be positive, got ${epsilon}`);
  const { net, ws } = fullBatchPass(config);
  const alter = options?.alterBackprop;
  if (alter) for (const l of net.layers) alter(l.index, l.gw, l.gb);
  const data = config.data;
  // The workspace holds every sample (one chunk), so after datasetLoss buf has every u of that pass.
  const loss = net.datasetLoss(data, ws);
  const buf = ws.rows(data.samples);
  const watch = new KinkWatch(net, buf);
  const noiseScale = 1e-4 * Math.max(Math.abs(loss), 1e-300) * epsilon;
  const rng = createRng(config.seed, Stream.check);

  const checkEntries = (k: number, params: Float64Array, grad: Float64Array, afterChange: (i: number) => void): EntryTally => {
    const lossAt = (i: number, value: number): number => {
      params[i] = value;
      afterChange(i);
      return net.datasetLoss(data, ws);
    };
    // J at θ − 2h, θ − h, θ + h, θ + 2h; undefined as soon as a pre-activation is off its piece.
    const stencil = (i: number, theta: number, h: number): number[] | undefined => {
      const js: number[] = [];
      for (const m of [-2, -1, 1, 2]) {
        const j = lossAt(i, theta + m * h);
        if (!watch.empty && !Number.isNaN(j) && watch.moved(buf, k)) return undefined;
        js.push(j);
      }
      return js;
    };
    const tally: EntryTally = { worst: 0, checked: 0, skipped: 0, narrowed: 0 };
    for (const i of sampleIndices(params.length, CHECK_SAMPLES_PER_LAYER, rng)) {
      const theta = params[i];
      let js: number[] | undefined;
      let h = 0;
      for (const d of STEP_DIVISORS) {
        h = theta + epsilon / d - theta;
        js = stencil(i, theta, h);
        if (js) {
          if (d > 1) tally.narrowed++;
          break;
        }
      }
      params[i] = theta;
      afterChange(i);
      if (!js) {
        tally.skipped++;
        continue;
      }
      tally.checked++;
      const fd = (8 * (js[2] - js[1]) - (js[3] - js[0])) / (12 * h);
      const bp = grad[i];
      const err = Math.abs(bp - fd) / Math.max(Math.abs(bp) + Math.abs(fd), noiseScale / h);
      tally.worst = Number.isNaN(err) ? Infinity : Math.max(tally.worst, err);
    }
    return tally;
  };

  const layers: GradientCheckLayer[] = net.layers.map((l, k) => {
    // Keep the transposed copy the forward pass reads in step with the one perturbed weight.
    const syncWeight = (i: number): void => {
      const j = Math.floor(i / l.fanIn);
      const p = i - j * l.fanIn;
      l.wt[p * l.units + j] = l.w[i];
    };
    const w = checkEntries(k, l.w, l.gw, syncWeight);
    const b = l.config.bias ? checkEntries(k, l.b, l.gb, () => undefined) : null;
    let maxAbsGrad = 0;
    for (let i = 0; i < l.gw.length; i++) maxAbsGrad = Math.max(maxAbsGrad, Math.abs(l.gw[i]));
    if (l.config.bias) for (let i = 0; i < l.units; i++) maxAbsGrad = Math.max(maxAbsGrad, Math.abs(l.gb[i]));
    return {
      index: l.index,
      weightRelError: w.worst,
      biasRelError: b ? b.worst : null,
      maxAbsGrad,
      checked: w.checked + (b?.checked ?? 0),
      skipped: w.skipped + (b?.skipped ?? 0),
      narrowed: w.narrowed + (b?.narrowed ?? 0),
      pass: w.worst < CHECK_THRESHOLD && (b?.worst ?? 0) < CHECK_THRESHOLD,
    };
  });
  const sum = (f: (l: GradientCheckLayer) => number): number => layers.reduce((s, l) => s + f(l), 0);
  return {
    epsilon,
    threshold: CHECK_THRESHOLD,
    maxRelError: layers.reduce((m, l) => Math.max(m, l.weightRelError, l.biasRelError ?? 0), 0),
    checked: sum((l) => l.checked),
    skipped: sum((l) => l.skipped),
    narrowed: sum((l) => l.narrowed),
    pass: layers.every((l) => l.pass),
    layers,
  };
}
