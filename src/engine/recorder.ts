// Per-layer statistics at a decimated set of iterations. The stride is fixed up front from the requested
// iteration count so that at most maxRecorded iterations are kept: 1, 1 + s, 1 + 2s, … and always the last.
// Values are measured before the update (gradients, activations, weight norm) and committed together with
// the update ratio, so an iteration that stops on a non-finite update leaves no partial entry.
import { norm2 } from './linalg';
import type { BatchBuffers, Network } from './network';
import type { LayerSeries } from './types';

export const DEFAULT_MAX_RECORDED = 2000;

/** Number of iterations kept with stride s out of n: 1, 1+s, … plus n itself when off the grid. */
function keptCount(n: number, s: number): number {
  return Math.floor((n - 1) / s) + 1 + ((n - 1) % s === 0 ? 0 : 1);
}

/** The smallest stride that keeps at most maxRecorded (≥ 2) of n iterations. */
export function recordStride(n: number, maxRecorded: number): number {
  const cap = Math.max(2, Math.floor(maxRecorded));
  if (n <= cap) return 1;
  let s = Math.max(1, Math.floor((n - 1) / (cap - 1)));
  while (keptCount(n, s) > cap) s++;
  return s;
}

// Order of the pending values per layer.
const GRAD = 0;
const BIAS_GRAD = 1;
const DELTA = 2;
const ACT = 3;
const PRE = 4;
const DERIV = 5;
const SAT = 6;
const DEAD = 7;
const WEIGHT = 8;
const FIELDS = 9;

export function emptySeries(): LayerSeries {
  return {
    gradNorm: [],
    biasGradNorm: [],
    deltaNorm: [],
    meanAbsActivation: [],
    meanAbsPreactivation: [],
    meanDerivative: [],
    saturation: [],
    deadShare: [],
    weightNorm: [],
    updateRatio: [],
  };
}

export class Recorder {
  readonly stride: number;
  readonly recorded: number[] = [];
  readonly series: LayerSeries[];
  private readonly pending: Float64Array;

  constructor(
    private readonly requested: number,
    maxRecorded: number,
    layerCount: number,
  ) {
    this.stride = recordStride(requested, maxRecorded);
    this.series = Array.from({ length: layerCount }, emptySeries);
    this.pending = new Float64Array(layerCount * FIELDS);
  }

  /** Whether iteration t (1-based) is kept. */
  wants(t: number): boolean {
    return (t - 1) % this.stride === 0 || t === this.requested;
  }

  /** Measures everything but the update ratio, after the backward pass and before the update. */
  measure(net: Network, buf: BatchBuffers): void {
    const m = buf.rows;
    net.layers.forEach((layer, k) => {
      const p = k * FIELDS;
      const n = m * layer.units;
      const u = buf.u[k];
      const h = buf.h[k];
      const d = buf.d[k];
      const bound = layer.act.info.bound.value;
      // |φ'(u)| below 1% of sup|φ'| counts as saturated; without a finite positive bound nothing does.
      const threshold = Number.isFinite(bound) && bound > 0 ? 0.01 * bound : 0;
      let sumH = 0;
      let sumU = 0;
      let sumD = 0;
      let saturated = 0;
      for (let i = 0; i < n; i++) {
        sumH += Math.abs(h[i]);
        sumU += Math.abs(u[i]);
        const ad = Math.abs(d[i]);
        sumD += ad;
        if (ad < threshold) saturated++;
      }
      let dead = 0;
      for (let j = 0; j < layer.units; j++) {
        let alive = false;
        for (let i = j; i < n && !alive; i += layer.units) alive = d[i] !== 0;
        if (!alive) dead++;
      }
      this.pending[p + GRAD] = norm2(layer.gw, layer.gw.length);
      this.pending[p + BIAS_GRAD] = layer.config.bias ? norm2(layer.gb, layer.units) : 0;
      this.pending[p + DELTA] = norm2(buf.g[k], n);
      this.pending[p + ACT] = sumH / n;
      this.pending[p + PRE] = sumU / n;
      this.pending[p + DERIV] = sumD / n;
      this.pending[p + SAT] = saturated / n;
      this.pending[p + DEAD] = dead / layer.units;
      this.pending[p + WEIGHT] = norm2(layer.w, layer.w.length);
    });
  }

  /**
   * Keeps the measured values for iteration t. updateNorms[k] is ‖ΔW‖ of layer k (0-based), or null when
   * there was no update (analyze). Ratio ‖ΔW‖/‖W‖ with W before the update; 0/0 → 0, and when ‖W‖ = 0 the
   * new weights are ΔW itself, so the ratio is 1.
   */
  commit(t: number, updateNorms: Float64Array | null): void {
    this.recorded.push(t);
    this.series.forEach((s, k) => {
      const p = k * FIELDS;
      s.gradNorm.push(this.pending[p + GRAD]);
      s.biasGradNorm.push(this.pending[p + BIAS_GRAD]);
      s.deltaNorm.push(this.pending[p + DELTA]);
      s.meanAbsActivation.push(this.pending[p + ACT]);
      s.meanAbsPreactivation.push(this.pending[p + PRE]);
      s.meanDerivative.push(this.pending[p + DERIV]);
      s.saturation.push(this.pending[p + SAT]);
      s.deadShare.push(this.pending[p + DEAD]);
      const w = this.pending[p + WEIGHT];
      s.weightNorm.push(w);
      const dw = updateNorms ? updateNorms[k] : 0;
      s.updateRatio.push(dw === 0 ? 0 : w === 0 ? 1 : dw / w);
    });
  }
}
