// Markdown for hovers on a spec (no 'vscode' import; the provider in ./hovers.ts wraps these strings).
// Figures come from the store's runs; before any run only the static parts are shown.
import type { ActivationInfo, LayerRecord, LayerSeries, LossKind, RunResult } from '../engine/types';
import type { Finding } from '../diagnostics/types';
import type { LayerEntry, NetworkSpec } from '../spec/types';
import type { SpecRun } from './results';
import { escapeMarkdown, formatNumber, formatShare } from './format';

/** At most this many runs of a sweep get a table in a hover (the panel shows them all). */
export const MAX_HOVER_RUNS = 3;

interface Figure {
  label: string;
  series: keyof LayerSeries;
  share?: boolean;
}

const FIGURES: Figure[] = [
  { label: '‖∂J/∂W‖', series: 'gradNorm' },
  { label: '‖δ‖', series: 'deltaNorm' },
  { label: 'mean \\|h\\|', series: 'meanAbsActivation' },
  { label: 'saturation', series: 'saturation', share: true },
  { label: 'dead units', series: 'deadShare', share: true },
  { label: 'update ratio', series: 'updateRatio' },
];

/** Layers shown for an entry: its only layer, or first / middle / last of a repeated entry (1-based). */
export function sampleLayers(entry: Pick<LayerEntry, 'firstLayer' | 'lastLayer'>): number[] {
  const { firstLayer: a, lastLayer: b } = entry;
  if (b <= a) return [a];
  if (b === a + 1) return [a, b];
  return [a, Math.round((a + b) / 2), b];
}

function layerLabel(entry: LayerEntry, spec: NetworkSpec): string {
  return entry.firstLayer === entry.lastLayer
    ? `layer ${entry.firstLayer} of ${spec.layerCount}`
    : `layers ${entry.firstLayer}–${entry.lastLayer} of ${spec.layerCount}`;
}

/** Units of the layer below the entry's first layer (the inputs for entry 0). */
export function fanInOf(entry: LayerEntry, spec: NetworkSpec): number {
  return entry.entry === 0 ? spec.inputs : spec.entries[entry.entry - 1].units;
}

function cell(record: LayerRecord, series: keyof LayerSeries, share: boolean, training: boolean): string {
  const values = record[series];
  const fmt = share ? formatShare : formatNumber;
  if (values.length === 0) return '—';
  if (!training || values.length === 1) return fmt(values[0]);
  return `${fmt(values[0])} → ${fmt(values[values.length - 1])}`;
}

/** The figures table of one run for the sampled layers of an entry. */
export function figuresTable(entry: LayerEntry, result: RunResult, training: boolean): string {
  const layers = sampleLayers(entry)
    .map((k) => result.layers.find((l) => l.index === k))
    .filter((l): l is LayerRecord => l !== undefined);
  if (layers.length === 0) return '';
  const lines = [
    `| | ${layers.map((l) => `layer ${l.index}`).join(' | ')} |`,
    `|---|${layers.map(() => '---:').join('|')}|`,
  ];
  for (const f of FIGURES) {
    if (f.series === 'updateRatio' && !training) continue; // no update at initialization
    lines.push(`| ${f.label} | ${layers.map((l) => cell(l, f.series, f.share === true, training)).join(' | ')} |`);
  }
  return lines.join('\n');
}

function iterationCaption(result: RunResult, training: boolean): string {
  if (!training) return 'at initialization (one forward and backward pass, no update)';
  const first = result.recorded[0] ?? 1;
  const last = result.recorded[result.recorded.length - 1] ?? result.iterations;
  const stopped = result.stopped ? ` (stopped: ${result.stopped})` : '';
  return `iteration ${first} → iteration ${last}${stopped}`;
}

function activationLines(info: ActivationInfo): string[] {
  const b = info.bound;
  const where = b.at === null ? '' : ` at z = ${formatNumber(b.at)}`;
  const how = b.exact ? '' : ` (numerical${b.range ? ` over [${b.range[0]}, ${b.range[1]}]` : ''})`;
  return [
    `\`${info.formula}\``,
    '',
    `\`${info.derivative}\``,
    '',
    `sup |φ'| = ${formatNumber(b.value)}${where}${how}`,
  ];
}

export interface LayerHoverInput {
  spec: NetworkSpec;
  entry: LayerEntry;
  activation: ActivationInfo;
  params: number; // weights + biases of the whole entry (every repeated copy)
  runs: SpecRun[];
  kind: 'training' | 'analysis' | undefined;
}

export function layerHover(input: LayerHoverInput): string {
  const { spec, entry, activation, params, runs, kind } = input;
  const units = `${entry.units} unit${entry.units === 1 ? '' : 's'}`;
  const parts: string[] = [
    `**${escapeMarkdown(activation.name)}**, ${units} · ${layerLabel(entry, spec)}` +
      (entry.repeat > 1 ? ` (repeat ${entry.repeat})` : ''),
    '',
    `Parameters: ${params.toLocaleString('en-US')}${entry.bias ? '' : ' (no bias)'}`,
    '',
    ...activationLines(activation),
  ];
  const training = kind === 'training';
  for (const run of runs.slice(0, MAX_HOVER_RUNS)) {
    const table = figuresTable(entry, run.result, training);
    if (!table) continue;
    const label = run.label ? `**${escapeMarkdown(run.label)}**: ` : '';
    parts.push('', `${label}${iterationCaption(run.result, training)}`, '', table);
  }
  if (runs.length > MAX_HOVER_RUNS) parts.push('', `…and ${runs.length - MAX_HOVER_RUNS} more runs in the gradient panel.`);
  if (runs.length === 0) parts.push('', '_Figures appear after the first analysis or training run._');
  return parts.join('\n');
}

interface LossText {
  title: string;
  formula: string;
  derivative: string;
  note?: string;
}

const LOSSES: Record<LossKind, LossText> = {
  mse: {
    title: 'mean squared error',
    formula: 'J = 1/(2m) Σᵢ ‖ŷᵢ − yᵢ‖²',
    derivative: '∂J/∂ŷᵢ = (ŷᵢ − yᵢ)/m',
  },
  sse: {
    title: 'sum of squared errors',
    formula: 'E = Σᵢ ‖ŷᵢ − yᵢ‖²',
    derivative: '∂E/∂ŷᵢ = 2(ŷᵢ − yᵢ)',
    note: 'No 1/m: the gradient grows with the number of samples.',
  },
  'cross-entropy': {
    title: 'softmax cross-entropy',
    formula: 'J = −1/m Σᵢ log pᵢ,yᵢ,  p = softmax(u_L)',
    derivative: '∂J/∂u_L = (P − Y)/m  (through the softmax; ∂J/∂pᵢc = −yᵢc/(m·pᵢc))',
  },
  'binary-cross-entropy': {
    title: 'binary cross-entropy',
    formula: 'J = −1/m Σᵢ Σⱼ [yᵢⱼ log ŷᵢⱼ + (1 − yᵢⱼ) log(1 − ŷᵢⱼ)],  ŷ = σ(u_L)',
    derivative: '∂J/∂u_L = (ŷ − y)/m  (through the sigmoid; ∂J/∂ŷ = (ŷ − y)/(m·ŷ(1 − ŷ)))',
  },
};

export function lossHover(spec: NetworkSpec, runs: SpecRun[], kind: 'training' | 'analysis' | undefined): string {
  const l = LOSSES[spec.loss];
  const batch = spec.train.batchSize;
  const m =
    batch === 'full' ? `m = ${spec.data.samples} samples` : `m = ${batch} (the mini-batch size; ${spec.data.samples} samples)`;
  const parts = [`**${spec.loss}**: ${l.title}`, '', `\`${l.formula}\``, '', `\`${l.derivative}\``, '', m];
  if (l.note) parts.push('', l.note);
  for (const run of runs.slice(0, MAX_HOVER_RUNS)) {
    const r = run.result;
    if (r.loss.length === 0) continue;
    const label = run.label ? `${escapeMarkdown(run.label)}: ` : '';
    parts.push(
      '',
      kind === 'training'
        ? `${label}J = ${formatNumber(r.loss[0])} at iteration 1 → ${formatNumber(r.finalLoss)} after ${r.iterations}`
        : `${label}J = ${formatNumber(r.loss[0])} at initialization`,
    );
  }
  return parts.join('\n');
}

/** Standard deviation of the weights an init rule draws (0 for a constant; null for explicit weights). */
export function initStd(init: LayerEntry['init'], fanIn: number, fanOut: number): number | null {
  switch (init.kind) {
    case 'constant':
      return 0;
    case 'xavier':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'lecun':
      return Math.sqrt(1 / fanIn);
    case 'normal':
      return init.std;
    case 'uniform':
      return (init.high - init.low) / Math.sqrt(12);
    case 'explicit':
      return null;
  }
}

function initDescription(init: LayerEntry['init'], fanIn: number, fanOut: number): string {
  const std = initStd(init, fanIn, fanOut);
  const scale = (s: number): string => `std ${formatNumber(s)}, std·√fan-in = ${formatNumber(s * Math.sqrt(fanIn))}`;
  switch (init.kind) {
    case 'constant':
      return `every weight = ${formatNumber(init.value)} (biases 0): ‖W‖₂ = |w|·√(fan-in·fan-out) = ${formatNumber(
        Math.abs(init.value) * Math.sqrt(fanIn * fanOut),
      )}`;
    case 'xavier':
      return `normal, std = √(2/(fan-in + fan-out)): ${scale(std ?? 0)}`;
    case 'he':
      return `normal, std = √(2/fan-in): ${scale(std ?? 0)}`;
    case 'lecun':
      return `normal, std = √(1/fan-in): ${scale(std ?? 0)}`;
    case 'normal':
      return `normal, mean ${formatNumber(init.mean)}: ${scale(init.std)}`;
    case 'uniform':
      return `uniform on [${formatNumber(init.low)}, ${formatNumber(init.high)}]: ${scale(std ?? 0)}`;
    case 'explicit': {
      const w = init.weights.flat();
      const norm = Math.sqrt(w.reduce((s, v) => s + v * v, 0));
      return `explicit weights: ‖W‖_F = ${formatNumber(norm)}, largest |w| = ${formatNumber(Math.max(0, ...w.map(Math.abs)))}`;
    }
  }
}

export function initHover(spec: NetworkSpec, entry: LayerEntry, activation: ActivationInfo): string {
  const fanIn = fanInOf(entry, spec);
  const parts = [`**init** of ${layerLabel(entry, spec)}: fan-in ${fanIn}, fan-out ${entry.units}`, '', initDescription(entry.init, fanIn, entry.units)];
  if (entry.repeat > 1 && fanIn !== entry.units) {
    parts.push('', `Layers ${entry.firstLayer + 1}–${entry.lastLayer} (fan-in ${entry.units}): ${initDescription(entry.init, entry.units, entry.units)}`);
  }
  const std = initStd(entry.init, entry.units, entry.units);
  const w = entry.init.kind === 'constant' ? Math.abs(entry.init.value) : std !== null ? std * Math.sqrt(entry.units) : null;
  if (w !== null && w > 0) {
    parts.push(
      '',
      `Each layer scales δ by about ${formatNumber(w)}·φ'(u); ${activation.name} has sup |φ'| = ${formatNumber(activation.bound.value)}, ` +
        `so the gain per layer is at most ${formatNumber(w * activation.bound.value)} (below 1 it shrinks with depth; φ'(u) falls as |u| grows).`,
    );
  }
  return parts.join('\n');
}

/** The finding that sits on the learning rate, when a run produced one: instability first, then slow convergence. */
function learningRateFinding(findings: Finding[]): Finding | undefined {
  return findings.find((f) => f.rule === 'learning-rate-too-high') ?? findings.find((f) => f.rule === 'slow-convergence');
}

/** One line per run (up to MAX_HOVER_RUNS) that carries λ_max at the initial weights. */
function sharpnessLines(runs: SpecRun[], optimizer: string): string[] {
  const lines: string[] = [];
  for (const run of runs.slice(0, MAX_HOVER_RUNS)) {
    const s = run.result.sharpness;
    if (!s) continue;
    const label = run.label ? `${escapeMarkdown(run.label)}: ` : '';
    lines.push(
      `${label}λ_max ≈ ${formatNumber(s.lambdaMax)} at the initial weights → stable for η < ${formatNumber(s.stableBelow)}, ` +
        `monotone for η < ${formatNumber(s.stableBelow / 2)}${s.converged ? '' : ' (power iteration not settled: a rough estimate)'}`,
    );
  }
  if (lines.length > 0 && optimizer !== 'sgd') lines.push(`_These are plain gradient descent's bounds; ${optimizer} has others._`);
  return lines.length > 1 ? lines.map((l) => `- ${l}`) : lines;
}

export function learningRateHover(spec: NetworkSpec, findings: Finding[], runs: SpecRun[], kind: 'training' | 'analysis' | undefined): string {
  const t = spec.train;
  const parts = [
    `**learningRate** η = ${formatNumber(t.learningRate)} (${t.optimizer.kind})`,
    '',
    'Gradient descent is stable only when η < 2/λ_max, λ_max the largest curvature (Hessian eigenvalue) of the loss; ' +
      'it decreases monotonically when η < 1/λ_max (seed 001: for J = ½(a w₁² + b w₂²), 0 < η < min(1/a, 1/b)).',
  ];
  const bounds = sharpnessLines(runs, t.optimizer.kind);
  if (bounds.length > 0) parts.push('', ...bounds);
  const f = learningRateFinding(findings);
  if (f) {
    parts.push('', `**${f.severity}**: ${escapeMarkdown(f.message)}`);
    if (f.fix) parts.push('', `Fix: ${escapeMarkdown(f.fix)}`);
  } else if (kind === 'training' && runs.length > 0) {
    const r = runs[0].result;
    parts.push('', `The last training showed no instability: J ${formatNumber(r.loss[0] ?? NaN)} → ${formatNumber(r.finalLoss)}.`);
  } else if (bounds.length === 0) {
    parts.push(
      '',
      runs.length === 0
        ? '_λ_max and the bound are estimated at the first analysis or training run._'
        : '_λ_max was not estimated at this edit (too costly per edit, or no positive curvature); Train Network estimates it when cheap enough._',
    );
  }
  return parts.join('\n');
}
