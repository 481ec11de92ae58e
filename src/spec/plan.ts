// planRuns: a validated spec → one TrainConfig per run (the base run, or one per sweep point), with the
// layers expanded for `repeat` and, when a point changes a generator's parameters or the seed, its own data.
import { generateData } from '../engine';
import type { Dataset, LayerConfig, TrainConfig } from '../engine/types';
import { classIndicesToOneHot } from './data';
import { LIMITS } from './limits';
import type { LayerEntry, NetworkSpec, RunPlan, SweepPoint } from './types';

export interface PlanOverrides {
  iterations?: number;
  trace?: boolean;
  maxRecorded?: number;
}

/** One LayerConfig per layer: an entry with `repeat: n` gives n copies with the same init rule. */
export function expandLayers(entries: readonly LayerEntry[]): LayerConfig[] {
  const layers: LayerConfig[] = [];
  for (const e of entries) {
    for (let i = 0; i < e.repeat; i++) layers.push({ units: e.units, activation: e.activation, bias: e.bias, init: e.init });
  }
  return layers;
}

function basePoint(spec: NetworkSpec): SweepPoint {
  return { label: '', inputs: spec.inputs, entries: spec.entries, loss: spec.loss, train: spec.train, seed: spec.seed, dataSource: spec.dataSource };
}

function checkOverrides(o: PlanOverrides): void {
  if (o.iterations !== undefined && (!Number.isInteger(o.iterations) || o.iterations < 1 || o.iterations > LIMITS.iterations)) {
    throw new RangeError(`iterations must be a whole number from 1 to ${LIMITS.iterations}, got ${o.iterations}`);
  }
  if (o.maxRecorded !== undefined && (!Number.isInteger(o.maxRecorded) || o.maxRecorded < 2)) {
    throw new RangeError(`maxRecorded must be a whole number ≥ 2, got ${o.maxRecorded}`);
  }
}

export function planRuns(spec: NetworkSpec, overrides: PlanOverrides = {}): RunPlan[] {
  checkOverrides(overrides);
  const generated = new Map<string, Dataset>();
  const baseKey = JSON.stringify([spec.dataSource, spec.seed]);
  // Inline and CSV data are the same for every run; generated data follows the point's generator and seed.
  const dataFor = (p: SweepPoint, outputs: number): Dataset => {
    const source = p.dataSource;
    const key = JSON.stringify([source, p.seed]);
    if (source.kind !== 'generate' || key === baseKey) return spec.data;
    let data = generated.get(key);
    if (!data) {
      const options = { kind: source.generator as 'xor', samples: source.samples, noise: source.noise, seed: p.seed };
      data = generateData(source.classes !== undefined ? { ...options, classes: source.classes } : options);
      if (p.loss === 'cross-entropy' && data.outputs === 1 && outputs >= 2) data = classIndicesToOneHot(data, outputs).dataset;
      generated.set(key, data);
    }
    return data;
  };
  const record = { ...(overrides.trace !== undefined && { trace: overrides.trace }), ...(overrides.maxRecorded !== undefined && { maxRecorded: overrides.maxRecorded }) };
  return (spec.points ?? [basePoint(spec)]).map((p) => {
    const layers = expandLayers(p.entries);
    const config: TrainConfig = {
      inputs: p.inputs,
      layers,
      loss: p.loss,
      optimizer: p.train.optimizer,
      learningRate: p.train.learningRate,
      iterations: overrides.iterations ?? p.train.iterations,
      batchSize: p.train.batchSize,
      seed: p.seed,
      data: dataFor(p, layers[layers.length - 1].units),
    };
    if (Object.keys(record).length > 0) config.record = record;
    return { label: p.label, config };
  });
}
