// Small numeric helpers over a run's per-layer series, and the words that explain them.
// A series holds one value per recorded iteration: index 0 is iteration 1 (the initial weights), the last
// index is the last recorded iteration.
import type { LayerRecord } from '../engine/types';
import type { LayerEntry } from '../spec/types';
import { formatNumber } from './format';

export type Stage = 'first' | 'last';

export function valueAt(series: readonly number[], stage: Stage): number {
  const v = stage === 'first' ? series[0] : series[series.length - 1];
  return v ?? NaN;
}

/** Median of the finite values (NaN when there are none). */
export function median(values: readonly number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Root-mean-square weight of a layer: ‖W_k‖_F / √(units · fanIn). */
export function weightRms(layer: LayerRecord, stage: Stage): number {
  return valueAt(layer.weightNorm, stage) / Math.sqrt(layer.units * layer.fanIn);
}

/**
 * The factor by which δ = ∂J/∂u changes per layer going backward, over layers first..last (and the step into
 * the layer above the group): the geometric mean of ‖g_k‖ / ‖g_{k+1}‖. Below 1 the signal vanishes, above 1 it
 * explodes. NaN when no pair of consecutive positive finite norms exists.
 */
export function deltaStep(layers: readonly LayerRecord[], first: number, last: number): number {
  let logSum = 0;
  let pairs = 0;
  for (let k = first; k <= last && k < layers.length; k++) {
    const lower = valueAt(layers[k - 1].deltaNorm, 'first');
    const upper = valueAt(layers[k].deltaNorm, 'first');
    if (lower > 0 && upper > 0 && Number.isFinite(lower) && Number.isFinite(upper)) {
      logSum += Math.log(lower / upper);
      pairs++;
    }
  }
  return pairs ? Math.exp(logSum / pairs) : NaN;
}

/** Median over layers first..last of one statistic at one stage. */
export function groupMedian(
  layers: readonly LayerRecord[],
  first: number,
  last: number,
  pick: (layer: LayerRecord) => number,
): number {
  return median(layers.slice(first - 1, last).map(pick));
}

/** How the activation's derivative is written in messages: "tanh'(u)", or "φ'(u)" for parametrised ones. */
export function derivativeName(entry: LayerEntry): string {
  const k = entry.activation.kind;
  const plain = k === 'sigmoid' || k === 'tanh' || k === 'relu' || k === 'softplus' || k === 'linear';
  return `${plain ? k : 'φ'}'(u)`;
}

/** "tanh'(u) ≈ 1.82e-4 at |u| ≈ 5" from the group's medians at iteration 1. */
export function derivativeText(entry: LayerEntry, layers: readonly LayerRecord[], first: number, last: number): string {
  const d = groupMedian(layers, first, last, (l) => valueAt(l.meanDerivative, 'first'));
  const u = groupMedian(layers, first, last, (l) => valueAt(l.meanAbsPreactivation, 'first'));
  return `${derivativeName(entry)} ≈ ${formatNumber(d)} at |u| ≈ ${formatNumber(u)}`;
}

/** "w ≈ 5" for one-weight layers, else "RMS weight ≈ 0.3". */
export function weightText(layers: readonly LayerRecord[], first: number, last: number): string {
  const rms = groupMedian(layers, first, last, (l) => weightRms(l, 'first'));
  const single = layers.slice(first - 1, last).every((l) => l.units * l.fanIn === 1);
  return `${single ? '|w|' : 'RMS weight'} ≈ ${formatNumber(rms)}`;
}

/**
 * The per-layer δ factor and its cause: "each layer scales δ by ~9.57e-4 going back (|w| ≈ 5, tanh'(u) ≈ …)"
 * when the factor points the given way (< 1 for vanishing, > 1 for exploding), else the cause alone.
 */
export function deltaStepText(
  entry: LayerEntry,
  layers: readonly LayerRecord[],
  first: number,
  last: number,
  direction: 'shrinks' | 'grows',
): { step: number; text: string } {
  const step = deltaStep(layers, first, last);
  const cause = `${weightText(layers, first, last)}, ${derivativeText(entry, layers, first, last)}`;
  const matches = Number.isFinite(step) && (direction === 'shrinks' ? step < 1 : step > 1);
  return { step, text: matches ? `each layer scales δ by ~${formatNumber(step)} going back (${cause})` : cause };
}

export interface InitAdvice {
  name: 'xavier' | 'he' | 'lecun';
  std: number;
}

/** The standard init for the activation: he for the ReLU family, lecun for selu, xavier otherwise. */
export function recommendedInit(entry: LayerEntry, fanIn: number): InitAdvice {
  const k = entry.activation.kind;
  if (k === 'relu' || k === 'leaky-relu') return { name: 'he', std: Math.sqrt(2 / fanIn) };
  if (k === 'selu') return { name: 'lecun', std: Math.sqrt(1 / fanIn) };
  return { name: 'xavier', std: Math.sqrt(2 / (fanIn + entry.units)) };
}

export function initAdviceText(entry: LayerEntry, layer: LayerRecord): string {
  const advice = recommendedInit(entry, layer.fanIn);
  return `${advice.name} gives std ${formatNumber(advice.std)} here`;
}

export function meanAbs(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.abs(values[i]);
  return values.length ? s / values.length : NaN;
}
