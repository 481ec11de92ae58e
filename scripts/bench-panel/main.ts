// Host half of `node scripts/bench-panel.mjs`: trains the large case with the real engine (1,000 tanh layers of
// one unit, 10,000 iterations, the engine's default recording), builds the panel's state and a live progress
// message from it, and prints the figures. Writes the state to the file named by argv[2] for the browser half.
import { writeFileSync } from 'node:fs';
import { train } from '../../src/engine';
import { DEFAULT_THRESHOLDS } from '../../src/diagnostics';
import { buildPanelState } from '../../src/extension/panel/panelState';
import { planUpdate, summarize } from '../../src/extension/panel/updatePlan';
import { PANEL_LIMITS } from '../../src/extension/panel/panelState';
import type { SpecResults } from '../../src/extension/results';

const LAYERS = Number(process.env.GL_BENCH_LAYERS ?? 1000);
const ITERATIONS = Number(process.env.GL_BENCH_ITERATIONS ?? 10_000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed<T>(f: () => T, repeats = 5): { value: T; ms: number } {
  let value: T | undefined;
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    value = f();
    times.push(performance.now() - t0);
  }
  return { value: value as T, ms: median(times) };
}

const layers = Array.from({ length: LAYERS }, () => ({
  units: 1,
  activation: { kind: 'tanh' as const },
  bias: false,
  init: { kind: 'constant' as const, value: 1 },
}));
const t0 = performance.now();
const result = train({
  inputs: 1,
  layers,
  loss: 'mse',
  optimizer: { kind: 'sgd' },
  learningRate: 0.1,
  iterations: ITERATIONS,
  batchSize: 'full',
  seed: 1,
  data: { samples: 2, inputs: 1, outputs: 1, x: new Float64Array([-0.5, 0.5]), y: new Float64Array([-0.5, 0.5]) },
});
const trainMs = performance.now() - t0;
const uri = 'file:///bench/large.nn.yaml';
const base: SpecResults = {
  uri,
  version: 1,
  spec: undefined,
  errors: [],
  status: 'done',
  kind: 'training',
  runs: [{ label: '', result }],
  findings: [],
  thresholds: DEFAULT_THRESHOLDS,
};
const state = timed(() => buildPanelState(base));
const json = timed(() => JSON.stringify({ type: 'state', state: state.value }));
const training = (version: number): SpecResults => ({
  ...base,
  version,
  status: 'training',
  runs: [],
  progress: { run: 0, runs: 1, iteration: ITERATIONS, iterations: ITERATIONS, loss: result.loss[ITERATIONS - 1], snapshot: result },
});
const progress = timed(() => planUpdate(summarize(uri, training(1)), uri, training(2), { limits: PANEL_LIMITS, live: true }));
const progressBytes = JSON.stringify(progress.value?.message).length;
writeFileSync(process.argv[2], json.value);

const run = state.value.runs[0];
const figures = {
  case: `${LAYERS} layers × ${ITERATIONS} iterations (recorded ${result.recorded.length})`,
  engineTrainMs: Math.round(trainMs),
  buildStateMs: Number(state.ms.toFixed(1)),
  stateJsonMs: Number(json.ms.toFixed(1)),
  stateMessageKB: Math.round(json.value.length / 1024),
  progressMessageMs: Number(progress.ms.toFixed(1)),
  progressMessageKB: Math.round(progressBytes / 1024),
  lossPoints: run.loss.iteration.length,
  heatmap: `${run.heatmap.log10GradNorm.length} × ${run.heatmap.iterations.length}`,
};
console.log(JSON.stringify(figures));
