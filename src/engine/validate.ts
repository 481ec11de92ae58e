// Consistency checks on a TrainConfig before anything is allocated. The spec reader reports user errors
// with source ranges; these throw plain Errors for configs built in code (tests, benches, other callers).
import type { TrainConfig } from './types';

function positiveInteger(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a positive integer, got ${value}`);
}

export function validateConfig(config: TrainConfig): void {
  const { data, layers } = config;
  positiveInteger(config.inputs, 'inputs');
  if (layers.length === 0) throw new Error('a network needs at least one layer');
  layers.forEach((l, i) => positiveInteger(l.units, `layers[${i}].units`));
  if (!Number.isInteger(config.iterations) || config.iterations < 0) {
    throw new Error(`iterations must be a non-negative integer, got ${config.iterations}`);
  }
  if (!Number.isFinite(config.learningRate)) throw new Error(`learningRate must be finite, got ${config.learningRate}`);
  if (config.batchSize !== 'full') positiveInteger(config.batchSize, 'batchSize');
  positiveInteger(data.samples, 'data.samples');
  if (data.inputs !== config.inputs) {
    throw new Error(`data has ${data.inputs} inputs per sample, the network takes ${config.inputs}`);
  }
  const outputs = layers[layers.length - 1].units;
  if (data.outputs !== outputs) {
    throw new Error(`data has ${data.outputs} targets per sample, the output layer has ${outputs} units`);
  }
  if (data.x.length !== data.samples * data.inputs || data.y.length !== data.samples * data.outputs) {
    throw new Error('data.x / data.y lengths do not match samples × inputs / outputs');
  }
}
