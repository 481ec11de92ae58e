// Builders for engine configs in tests (no spec reader needed).
import type {
  ActivationSpec,
  Dataset,
  InitSpec,
  LayerConfig,
  LossKind,
  OptimizerConfig,
  TrainConfig,
} from '../../../src/engine';

export function dataset(x: number[][], y: number[][]): Dataset {
  return {
    samples: x.length,
    inputs: x[0].length,
    outputs: y[0].length,
    x: Float64Array.from(x.flat()),
    y: Float64Array.from(y.flat()),
  };
}

export function layer(units: number, activation: ActivationSpec, bias: boolean, init: InitSpec): LayerConfig {
  return { units, activation, bias, init };
}

export interface ConfigParts {
  layers: LayerConfig[];
  data: Dataset;
  loss?: LossKind;
  optimizer?: OptimizerConfig;
  learningRate?: number;
  iterations?: number;
  batchSize?: 'full' | number;
  seed?: number;
  trace?: boolean;
  maxRecorded?: number;
}

export function config(p: ConfigParts): TrainConfig {
  return {
    inputs: p.data.inputs,
    layers: p.layers,
    loss: p.loss ?? 'mse',
    optimizer: p.optimizer ?? { kind: 'sgd' },
    learningRate: p.learningRate ?? 0.1,
    iterations: p.iterations ?? 1,
    batchSize: p.batchSize ?? 'full',
    seed: p.seed ?? 1,
    data: p.data,
    record: { trace: p.trace ?? false, ...(p.maxRecorded === undefined ? {} : { maxRecorded: p.maxRecorded }) },
  };
}

/** Seed 002's network: `depth` tanh layers of one unit, x = y = (−0.5, 0.5), mse, sgd α = 0.1. */
export function seed002(init: InitSpec, options: { depth?: number; bias?: boolean; iterations?: number; trace?: boolean } = {}): TrainConfig {
  const tanh: ActivationSpec = { kind: 'tanh' };
  return config({
    layers: Array.from({ length: options.depth ?? 100 }, () => layer(1, tanh, options.bias ?? false, init)),
    data: dataset([[-0.5], [0.5]], [[-0.5], [0.5]]),
    learningRate: 0.1,
    iterations: options.iterations ?? 1000,
    trace: options.trace ?? false,
  });
}

