// Hand-built runs and store entries for the panel's tests: every number is chosen, so a test can say which
// value must come out where.
import type { LayerRecord, RunResult } from '../../../src/engine/types';
import type { Finding, Thresholds } from '../../../src/diagnostics/types';
import type { SpecResults, SpecRun } from '../../../src/extension/results';
import type { LayerEntry, NetworkSpec } from '../../../src/spec/types';

export const THRESHOLDS: Thresholds = {
  vanishing: 1e-8,
  exploding: 1e3,
  vanishingActivation: 1e-3,
  saturation: 0.5,
  dead: 0.5,
  stalled: 1e-2,
};

/** Layer k's ‖∂J/∂W_k‖ at recorded column c: 10^(−3k) · (c + 1), so each value says where it came from. */
export function gradNormAt(k: number, c: number): number {
  return 10 ** (-3 * k) * (c + 1);
}

export interface RunShape {
  layers: number;
  iterations: number;
  recorded: number; // recorded iterations (first and last included)
  trace?: boolean;
  samples?: number;
}

export function makeResult(shape: RunShape): RunResult {
  const recorded = Array.from({ length: shape.recorded }, (_, c) =>
    shape.recorded === 1 ? 1 : 1 + Math.round((c * (shape.iterations - 1)) / (shape.recorded - 1)),
  );
  const series = (f: (c: number) => number) => recorded.map((_, c) => f(c));
  const layers: LayerRecord[] = Array.from({ length: shape.layers }, (_, i) => {
    const k = i + 1;
    return {
      index: k,
      units: 1,
      fanIn: 1,
      activation: 'tanh',
      params: 1,
      gradNorm: series((c) => gradNormAt(k, c)),
      biasGradNorm: series(() => 0),
      deltaNorm: series((c) => 2 * gradNormAt(k, c)),
      meanAbsActivation: series(() => 1 / k),
      meanAbsPreactivation: series(() => 1),
      meanDerivative: series(() => 0.5),
      saturation: series((c) => c / Math.max(1, shape.recorded - 1)),
      deadShare: series(() => 0),
      weightNorm: series(() => 1),
      updateRatio: series(() => 1e-3),
    };
  });
  const loss = Array.from({ length: shape.iterations }, (_, t) => 0.125 / (t + 1));
  const result: RunResult = {
    requestedIterations: shape.iterations,
    iterations: shape.iterations,
    loss,
    finalLoss: loss[loss.length - 1] / 2,
    recorded,
    layers,
    params: shape.layers,
    elapsedMs: 1,
  };
  if (shape.trace) {
    const m = shape.samples ?? 2;
    result.trace = {
      h: Array.from({ length: shape.layers + 1 }, (_, k) => Array.from({ length: m }, (_, i) => [(i === 0 ? -1 : 1) / (k + 1)])),
      g: Array.from({ length: shape.layers + 1 }, (_, k) => (k === 0 ? null : Array.from({ length: m }, (_, i) => [gradNormAt(k, 0) * (i + 1)]))),
    };
  }
  return result;
}

/** A spec whose `layers:` has two entries: layers 1..split on line 3, the rest (a repeat) on line 7. */
export function makeSpec(layers: number, split = 1): NetworkSpec {
  const range = (line: number) => ({ start: { line, column: 2 }, end: { line, column: 20 } });
  const entry = (index: number, first: number, last: number, line: number): LayerEntry => ({
    entry: index,
    firstLayer: first,
    lastLayer: last,
    units: 1,
    activation: { kind: 'tanh' },
    bias: false,
    init: { kind: 'constant', value: 5 },
    repeat: last - first + 1,
    range: range(line),
    keyRange: range(line),
    keys: {},
  });
  const entries = [entry(0, 1, split, 3)];
  if (layers > split) entries.push(entry(1, split + 1, layers, 7));
  return {
    file: '/w/deep.nn.yaml',
    format: 'yaml',
    name: 'deep tanh',
    inputs: 1,
    entries,
    layerCount: layers,
    params: layers,
    loss: 'mse',
    data: { samples: 2, inputs: 1, outputs: 1, x: new Float64Array([-0.5, 0.5]), y: new Float64Array([-0.5, 0.5]) },
    dataSource: { kind: 'inline' },
    train: { optimizer: { kind: 'sgd' }, learningRate: 0.1, iterations: 1000, batchSize: 'full' },
    seed: 1,
    sweep: [],
    diagnose: {},
    ranges: {},
  } as NetworkSpec;
}

export function makeFinding(run: string, rule: Finding['rule'], layers: [number, number] | null, line = 4): Finding {
  return {
    rule,
    severity: 'warning',
    layers,
    entry: layers ? 0 : null,
    range: { start: { line: line - 1, column: 2 }, end: { line: line - 1, column: 10 } },
    line,
    message: `${rule} in ${run || 'the run'}`,
    evidence: {},
    run,
  };
}

export function makeResults(runs: SpecRun[], patch: Partial<SpecResults> = {}): SpecResults {
  return {
    uri: 'file:///w/deep.nn.yaml',
    version: 1,
    spec: makeSpec(runs[0]?.result.layers.length ?? 1),
    errors: [],
    status: 'done',
    kind: 'training',
    runs,
    findings: [],
    thresholds: THRESHOLDS,
    ...patch,
  };
}
