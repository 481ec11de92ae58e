// The network's parameters and its batched forward and backward passes (the seeds' δ recursion):
//   U_k = H_{k−1} W_kᵀ + 1 b_kᵀ,  H_k = φ_k(U_k)                        (rows = samples)
//   G_L = ∂J/∂H_L ⊙ φ'(U_L), or (H_L − Y)/m when the loss is fused with the output activation
//   G_{k−1} = φ'(U_{k−1}) ⊙ (G_k W_k);  ∂J/∂W_k = G_kᵀ H_{k−1};  ∂J/∂b_k = 1ᵀ G_k
// A softmax layer that is not fused with cross-entropy uses its full Jacobian row by row:
//   G = P ⊙ (∂J/∂H − ⟨∂J/∂H, P⟩ 1ᵀ).
import { createActivation, type Activation } from './activations';
import { columnSums, firstNonFinite, gemmNN, gemmTN, nonFiniteProbe, transpose } from './linalg';
import { initializeLayer } from './init';
import { lossFactor, lossGradient, lossSum, planLoss, type LossPlan } from './loss';
import { createRng, Stream } from './rng';
import type { Dataset, LayerConfig, Phase, TrainConfig } from './types';

export interface Layer {
  index: number; // 1-based
  units: number;
  fanIn: number;
  config: LayerConfig;
  act: Activation;
  w: Float64Array; // units × fanIn
  wt: Float64Array; // fanIn × units, the transposed copy the forward pass reads (refreshed after updates)
  b: Float64Array; // units; stays 0 without bias
  gw: Float64Array; // ∂J/∂W_k, units × fanIn
  gb: Float64Array; // ∂J/∂b_k (0 without bias)
}

/** Views of m rows into a workspace: u, h, d = φ'(u), g = ∂J/∂u per layer (index k−1 for layer k). */
export interface BatchBuffers {
  rows: number;
  u: Float64Array[];
  h: Float64Array[];
  d: Float64Array[];
  g: Float64Array[];
}

/** Where a non-finite value first appeared within one pass. */
export interface NonFiniteHit {
  layer: number;
  phase: Phase;
  value: number;
}

export function parameterCount(inputs: number, layers: LayerConfig[]): number {
  let fanIn = inputs;
  let total = 0;
  for (const l of layers) {
    total += l.units * fanIn + (l.bias ? l.units : 0);
    fanIn = l.units;
  }
  return total;
}

export class Network {
  readonly layers: Layer[];
  readonly loss: LossPlan;
  readonly inputs: number;
  readonly outputs: number;

  constructor(config: TrainConfig) {
    if (config.layers.length === 0) throw new Error('a network needs at least one layer');
    this.inputs = config.inputs;
    let fanIn = config.inputs;
    this.layers = config.layers.map((lc, i) => {
      const layer: Layer = {
        index: i + 1,
        units: lc.units,
        fanIn,
        config: lc,
        act: createActivation(lc.activation),
        w: new Float64Array(lc.units * fanIn),
        wt: new Float64Array(lc.units * fanIn),
        b: new Float64Array(lc.units),
        gw: new Float64Array(lc.units * fanIn),
        gb: new Float64Array(lc.units),
      };
      // One stream per layer: changing one layer's init leaves the others' weights as they were.
      initializeLayer(lc.init, lc.units, fanIn, layer.w, layer.b, createRng(config.seed, Stream.init, i + 1));
      if (!lc.bias) layer.b.fill(0);
      transpose(layer.w, layer.wt, lc.units, fanIn);
      fanIn = lc.units;
      return layer;
    });
    this.outputs = fanIn;
    const last = config.layers[config.layers.length - 1];
    this.loss = planLoss(config.loss, last.activation.kind);
  }

  /** Refreshes the transposed copy of layer k's weights (call after changing w). */
  syncTransposed(layer: Layer): void {
    transpose(layer.w, layer.wt, layer.units, layer.fanIn);
  }

  /** Forward pass over x (m × inputs) into buf. Returns the first non-finite u or h, or null. */
  forward(x: Float64Array, buf: BatchBuffers): NonFiniteHit | null {
    const m = buf.rows;
    let input = x;
    for (let k = 0; k < this.layers.length; k++) {
      const layer = this.layers[k];
      const u = buf.u[k];
      const h = buf.h[k];
      gemmNN(input, layer.wt, u, m, layer.fanIn, layer.units, layer.config.bias ? layer.b : null);
      layer.act.forward(u, h, m, layer.units);
      const n = m * layer.units;
      if (Number.isNaN(nonFiniteProbe(u, n) + nonFiniteProbe(h, n))) {
        const hit = locate(k + 1, 'forward', u, n) ?? locate(k + 1, 'forward', h, n);
        if (hit) return hit;
      }
      input = h;
    }
    return null;
  }

  /** J of the batch in buf (after forward) against targets y (m × outputs). */
  batchLoss(buf: BatchBuffers, y: Float64Array): number {
    return this.lossSum(buf, y) * lossFactor(this.loss.kind, buf.rows);
  }

  /**
   * J over the whole dataset at the current weights, one forward pass per chunk of ws.capacity rows
   * (m in J's normalisation is the number of samples). NaN when a value is not finite.
   */
  datasetLoss(data: Dataset, ws: Workspace): number {
    let sum = 0;
    for (let start = 0; start < data.samples; start += ws.capacity) {
      const rows = Math.min(ws.capacity, data.samples - start);
      const buf = ws.rows(rows);
      const x = rows === data.samples ? data.x : data.x.subarray(start * this.inputs, (start + rows) * this.inputs);
      const y = rows === data.samples ? data.y : data.y.subarray(start * this.outputs, (start + rows) * this.outputs);
      if (this.forward(x, buf)) return NaN;
      sum += this.lossSum(buf, y);
    }
    const j = sum * lossFactor(this.loss.kind, data.samples);
    return Number.isFinite(j) ? j : NaN;
  }

  private lossSum(buf: BatchBuffers, y: Float64Array): number {
    const L = this.layers.length - 1;
    return lossSum(this.loss, buf.u[L], buf.h[L], y, buf.rows, this.outputs);
  }

  /**
   * Backward pass after forward: fills d, g in buf and gw, gb of every layer. Returns the first non-finite
   * g or gradient (in backward order, i.e. the highest layer where it appears), or null.
   */
  backward(x: Float64Array, y: Float64Array, buf: BatchBuffers): NonFiniteHit | null {
    const m = buf.rows;
    const layers = this.layers;
    const L = layers.length - 1;
    for (let k = 0; k <= L; k++) layers[k].act.derivative(buf.u[k], buf.h[k], buf.d[k]);

    const out = layers[L];
    lossGradient(this.loss, buf.h[L], y, buf.g[L], m, out.units);
    if (!this.loss.fused) applyDerivative(out, buf.g[L], buf.d[L], buf.h[L], m);

    for (let k = L; k >= 0; k--) {
      const layer = layers[k];
      const g = buf.g[k];
      const n = m * layer.units;
      const input = k === 0 ? x : buf.h[k - 1];
      gemmTN(g, input, layer.gw, m, layer.units, layer.fanIn);
      if (layer.config.bias) columnSums(g, layer.gb, m, layer.units);
      if (Number.isNaN(nonFiniteProbe(g, n) + nonFiniteProbe(layer.gw, layer.gw.length) + nonFiniteProbe(layer.gb, layer.units))) {
        const hit =
          locate(k + 1, 'backward', g, n) ??
          locate(k + 1, 'backward', layer.gw, layer.gw.length) ??
          locate(k + 1, 'backward', layer.gb, layer.units);
        if (hit) return hit;
      }
      if (k > 0) {
        const below = layers[k - 1];
        gemmNN(g, layer.w, buf.g[k - 1], m, layer.units, layer.fanIn, null);
        applyDerivative(below, buf.g[k - 1], buf.d[k - 1], buf.h[k - 1], m);
      }
    }
    return null;
  }
}

/** g ← φ'(u) ⊙ g for elementwise activations; the softmax Jacobian-vector product otherwise. */
function applyDerivative(layer: Layer, g: Float64Array, d: Float64Array, h: Float64Array, m: number): void {
  const n = layer.units;
  if (layer.act.elementwise) {
    const len = m * n;
    for (let i = 0; i < len; i++) g[i] *= d[i];
    return;
  }
  for (let r = 0; r < m; r++) {
    const row = r * n;
    let dot = 0;
    for (let j = 0; j < n; j++) dot += g[row + j] * h[row + j];
    for (let j = 0; j < n; j++) g[row + j] = h[row + j] * (g[row + j] - dot);
  }
}

function locate(layer: number, phase: Phase, x: Float64Array, n: number): NonFiniteHit | null {
  const i = firstNonFinite(x, n);
  return i < 0 ? null : { layer, phase, value: x[i] };
}

/** Buffers for up to `capacity` rows, with cached views for each batch size actually used. */
export class Workspace {
  private readonly u: Float64Array[];
  private readonly h: Float64Array[];
  private readonly d: Float64Array[];
  private readonly g: Float64Array[];
  private readonly cache = new Map<number, BatchBuffers>();

  constructor(
    private readonly net: Network,
    readonly capacity: number,
  ) {
    const make = (): Float64Array[] => net.layers.map((l) => new Float64Array(capacity * l.units));
    this.u = make();
    this.h = make();
    this.d = make();
    this.g = make();
  }

  rows(m: number): BatchBuffers {
    if (m > this.capacity) throw new Error(`batch of ${m} rows exceeds the workspace (${this.capacity})`);
    let views = this.cache.get(m);
    if (!views) {
      const cut = (arrs: Float64Array[]): Float64Array[] =>
        arrs.map((a, k) => a.subarray(0, m * this.net.layers[k].units));
      views = { rows: m, u: cut(this.u), h: cut(this.h), d: cut(this.d), g: cut(this.g) };
      this.cache.set(m, views);
    }
    return views;
  }
}
