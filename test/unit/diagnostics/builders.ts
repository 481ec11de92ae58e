// Hand-built specs and runs for the rule tests: no engine, no spec reader. A "scalar chain" is seed 002's
// network (one unit per layer, no bias, x = y = (−0.5, 0.5), J = 1/(2m) Σ (h_L − y)²) computed here directly
// in float64, so the rules can be tested on the seed's real numbers independently of the engine.
import type { ActivationSpec, LayerRecord, LayerSeries, LossKind, RunResult } from '../../../src/engine/types';
import type { LayerEntry, NetworkSpec, Range } from '../../../src/spec/types';

export function range(line: number, column = 2, length = 10): Range {
  return { start: { line, column }, end: { line, column: column + length } };
}

export interface EntryShape {
  units: number;
  activation?: ActivationSpec;
  repeat?: number;
  line: number; // 0-based line of the entry's `- units:` key
}

export function makeSpec(opts: {
  inputs?: number;
  entries: EntryShape[];
  loss?: LossKind;
  x?: number[];
  learningRate?: number;
  batchSize?: 'full' | number;
  samples?: number;
}): NetworkSpec {
  let next = 1;
  const entries: LayerEntry[] = opts.entries.map((e, i) => {
    const repeat = e.repeat ?? 1;
    const entry: LayerEntry = {
      entry: i,
      firstLayer: next,
      lastLayer: next + repeat - 1,
      units: e.units,
      activation: e.activation ?? { kind: 'tanh' },
      bias: false,
      init: { kind: 'constant', value: 1 },
      repeat,
      range: range(e.line, 2, 40),
      keyRange: range(e.line),
      keys: {},
    };
    next += repeat;
    return entry;
  });
  const x = opts.x ?? [-0.5, 0.5];
  return {
    file: 'test.nn.yaml',
    format: 'yaml',
    name: 'test',
    inputs: opts.inputs ?? 1,
    entries,
    layerCount: next - 1,
    params: 0,
    loss: opts.loss ?? 'mse',
    data: { samples: opts.samples ?? x.length, inputs: 1, outputs: 1, x: Float64Array.from(x), y: Float64Array.from(x) },
    dataSource: { kind: 'inline' },
    train: {
      optimizer: { kind: 'sgd' },
      learningRate: opts.learningRate ?? 0.1,
      iterations: 1000,
      batchSize: opts.batchSize ?? 'full',
    },
    seed: 1,
    sweep: [],
    diagnose: {},
    ranges: { loss: range(20, 0, 9), train: range(21, 0, 6), 'train.learningRate': range(23, 2, 17) },
  };
}

/** Per-layer values at the first and (optionally) last recorded iteration. */
export type LayerValues = Partial<Record<keyof LayerSeries, number | [number, number]>>;

const DEFAULTS: Record<keyof LayerSeries, number> = {
  gradNorm: 0.01,
  biasGradNorm: 0,
  deltaNorm: 0.01,
  meanAbsActivation: 0.5,
  meanAbsPreactivation: 0.5,
  meanDerivative: 0.8,
  saturation: 0,
  deadShare: 0,
  weightNorm: 1,
  updateRatio: 1e-3,
};

export function layerRecord(index: number, values: LayerValues, opts: { units?: number; fanIn?: number; activation?: string } = {}): LayerRecord {
  const series = {} as LayerSeries;
  for (const key of Object.keys(DEFAULTS) as (keyof LayerSeries)[]) {
    const v = values[key] ?? DEFAULTS[key];
    series[key] = Array.isArray(v) ? [...v] : [v, v];
  }
  const units = opts.units ?? 1;
  const fanIn = opts.fanIn ?? 1;
  return { ...series, index, units, fanIn, activation: opts.activation ?? 'tanh', params: units * fanIn };
}

export function makeRun(layers: LayerRecord[], loss: number[], extra: Partial<RunResult> = {}): RunResult {
  return {
    requestedIterations: loss.length,
    iterations: loss.length,
    loss,
    finalLoss: loss[loss.length - 1],
    recorded: loss.length > 1 ? [1, loss.length] : [1],
    layers,
    params: layers.length,
    elapsedMs: 1,
    ...extra,
  };
}

/** Seed 002's network trained with plain gradient descent; statistics at iteration 1 and the last one. */
export function scalarChain(w0: number, opts: { layers?: number; iterations?: number; learningRate?: number } = {}): RunResult {
  const L = opts.layers ?? 100;
  const iterations = opts.iterations ?? 1000;
  const lr = opts.learningRate ?? 0.1;
  const x = [-0.5, 0.5];
  const y = [-0.5, 0.5];
  const m = x.length;
  const w = new Array<number>(L + 1).fill(w0);
  const loss: number[] = [];
  const snapshots: LayerSeries[][] = [];
  let finalLoss = NaN;
  for (let it = 1; it <= iterations + 1; it++) {
    const h: number[][] = [x];
    const u: number[][] = [x];
    for (let k = 1; k <= L; k++) {
      u.push(h[k - 1].map((v) => v * w[k]));
      h.push(u[k].map(Math.tanh));
    }
    const J = h[L].reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / (2 * m);
    if (it > iterations) {
      finalLoss = J;
      break;
    }
    loss.push(J);
    const g: number[][] = [];
    g[L] = h[L].map((v, i) => ((1 - v * v) * (v - y[i])) / m);
    for (let k = L - 1; k >= 1; k--) g[k] = g[k + 1].map((gv, i) => (1 - h[k][i] ** 2) * gv * w[k + 1]);
    const grads: number[] = [];
    for (let k = 1; k <= L; k++) grads[k] = h[k - 1][0] * g[k][0] + h[k - 1][1] * g[k][1];
    if (it === 1 || it === iterations) {
      const rows: LayerSeries[] = [];
      for (let k = 1; k <= L; k++) {
        const d = h[k].map((v) => 1 - v * v);
        rows.push({
          gradNorm: [Math.abs(grads[k])],
          biasGradNorm: [0],
          deltaNorm: [Math.hypot(...g[k])],
          meanAbsActivation: [(Math.abs(h[k][0]) + Math.abs(h[k][1])) / 2],
          meanAbsPreactivation: [(Math.abs(u[k][0]) + Math.abs(u[k][1])) / 2],
          meanDerivative: [(d[0] + d[1]) / 2],
          saturation: [d.filter((v) => v < 0.01).length / 2],
          deadShare: [0],
          weightNorm: [Math.abs(w[k])],
          updateRatio: [Math.abs((lr * grads[k]) / w[k])],
        });
      }
      snapshots.push(rows);
    }
    for (let k = 1; k <= L; k++) w[k] -= lr * grads[k];
  }
  const layers: LayerRecord[] = [];
  for (let k = 1; k <= L; k++) {
    const series = {} as LayerSeries;
    for (const key of Object.keys(DEFAULTS) as (keyof LayerSeries)[]) {
      series[key] = snapshots.flatMap((rows) => rows[k - 1][key]);
    }
    layers.push({ ...series, index: k, units: 1, fanIn: 1, activation: 'tanh', params: 1 });
  }
  return makeRun(layers, loss, { finalLoss, recorded: iterations > 1 ? [1, iterations] : [1] });
}

/** Seed 002's spec shape: one tanh entry of one unit repeated `layers` times, on line 6 (0-based). */
export function chainSpec(layers = 100): NetworkSpec {
  return makeSpec({ entries: [{ units: 1, repeat: layers, line: 6 }] });
}
