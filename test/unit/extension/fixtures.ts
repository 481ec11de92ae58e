// Hand-built specs and runs for the editor features' pure tests (no spec reader, no engine run needed).
import type { LayerRecord, RunResult } from '../../../src/engine/types';
import type { LayerEntry, NetworkSpec, Range } from '../../../src/spec/types';

export const line = (l: number, from = 0, to = 20): Range => ({ start: { line: l, column: from }, end: { line: l, column: to } });

/** seed 002's network: one entry of 100 tanh layers of one unit, no bias, every weight `w`. */
export function deepTanhSpec(w: number, sweep = false): NetworkSpec {
  const entry: LayerEntry = {
    entry: 0,
    firstLayer: 1,
    lastLayer: 100,
    units: 1,
    activation: { kind: 'tanh' },
    bias: false,
    init: { kind: 'constant', value: w },
    repeat: 100,
    range: { start: { line: 4, column: 2 }, end: { line: 8, column: 15 } },
    keyRange: line(4, 2, 12),
    keys: { init: line(7, 4, 11), activation: line(5, 4, 20) },
  };
  return {
    file: '/ws/deep-tanh.nn.yaml',
    format: 'yaml',
    name: 'deep tanh',
    inputs: 1,
    entries: [entry],
    layerCount: 100,
    params: 100,
    loss: 'mse',
    data: { samples: 2, inputs: 1, outputs: 1, x: new Float64Array([-0.5, 0.5]), y: new Float64Array([-0.5, 0.5]) },
    dataSource: { kind: 'inline' },
    train: { optimizer: { kind: 'sgd' }, learningRate: 0.1, iterations: 1000, batchSize: 'full' },
    seed: 1,
    sweep: sweep ? [{ path: 'layers[0].init', values: [1, 5, 0.9], range: line(20, 2, 40) }] : [],
    diagnose: {},
    ranges: { loss: line(10, 0, 9), 'train.learningRate': line(15, 2, 19), 'layers[0].init': line(7, 4, 11) },
  };
}

function layer(index: number, gradNorm: number[]): LayerRecord {
  const n = gradNorm.length;
  const fill = (v: number): number[] => new Array<number>(n).fill(v);
  return {
    index,
    units: 1,
    fanIn: 1,
    activation: 'tanh',
    params: 1,
    gradNorm,
    biasGradNorm: fill(0),
    deltaNorm: gradNorm.map((g) => g * 2),
    meanAbsActivation: fill(0.999),
    meanAbsPreactivation: fill(5),
    meanDerivative: fill(1.8e-4),
    saturation: fill(1),
    deadShare: fill(0),
    weightNorm: fill(5),
    updateRatio: fill(1e-9),
  };
}

/** A run of the 100-layer network whose layer k has ‖∂J/∂W_k‖ = 10^(k − 101) at the first and last record. */
export function deepTanhRun(iterations: number): RunResult {
  const recorded = iterations === 1 ? [1] : [1, iterations];
  const layers = Array.from({ length: 100 }, (_, i) => layer(i + 1, recorded.map(() => 10 ** (i - 100))));
  return {
    requestedIterations: iterations,
    iterations,
    loss: new Array<number>(iterations).fill(0.125),
    finalLoss: 0.125,
    recorded,
    layers,
    params: 100,
    elapsedMs: 3,
  };
}
