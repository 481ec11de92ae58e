// The engine benchmark's workloads (bundled and run by scripts/bench.mjs). Seeded data, full-batch SGD.
// Each workload times iterations through the public Trainer (recording included) and reports the median
// ms per iteration and GFLOP/s, counting 2·m·n_in·n_out per matrix product: one forward, two backward.
import { createRng, createTrainer, type ActivationSpec, type LayerConfig, type LossKind, type TrainConfig } from '../../src/engine';

export interface WorkloadFigure {
  id: string;
  msPerIteration: number;
  gflops: number;
}

interface Workload {
  id: string;
  title: string;
  config: TrainConfig;
  /** Iterations per timed block (a block's time / its size is one sample), blocks timed, blocks warmed up. */
  block: number;
  blocks: number;
  warmup: number;
}

function randomData(samples: number, inputs: number, outputs: number, classes: boolean, seed: number) {
  const rng = createRng(seed, 99);
  const x = new Float64Array(samples * inputs);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Float64Array(samples * outputs);
  for (let i = 0; i < samples; i++) {
    if (classes) y[i * outputs + rng.int(outputs)] = 1;
    else for (let j = 0; j < outputs; j++) y[i * outputs + j] = 0.5 * Math.tanh(rng.normal());
  }
  return { samples, inputs, outputs, x, y };
}

function dense(inputs: number, widths: number[], hidden: ActivationSpec, output: ActivationSpec, loss: LossKind, samples: number, iterations: number): TrainConfig {
  const layers: LayerConfig[] = widths.map((units, i) => ({
    units,
    activation: i === widths.length - 1 ? output : hidden,
    bias: true,
    init: { kind: hidden.kind === 'relu' ? 'he' : 'xavier' },
  }));
  return {
    inputs,
    layers,
    loss,
    optimizer: { kind: 'sgd' },
    learningRate: 0.01,
    iterations,
    batchSize: 'full',
    seed: 1,
    data: randomData(samples, inputs, widths[widths.length - 1], loss === 'cross-entropy', 1),
  };
}

function workloads(): Workload[] {
  const tanh: ActivationSpec = { kind: 'tanh' };
  const seed002: TrainConfig = {
    inputs: 1,
    layers: Array.from({ length: 100 }, () => ({ units: 1, activation: tanh, bias: false, init: { kind: 'constant', value: 1 } })),
    loss: 'mse',
    optimizer: { kind: 'sgd' },
    learningRate: 0.1,
    iterations: 1000,
    batchSize: 'full',
    seed: 1,
    data: { samples: 2, inputs: 1, outputs: 1, x: Float64Array.from([-0.5, 0.5]), y: Float64Array.from([-0.5, 0.5]) },
  };
  return [
    { id: 'W1', title: 'seed 002: 100 × 1 tanh, 2 samples, 1000 iterations', config: seed002, block: 50, blocks: 20, warmup: 0 },
    {
      id: 'W2',
      title: '64-256-256-10 tanh, softmax cross-entropy, batch 512',
      config: dense(64, [256, 256, 10], tanh, { kind: 'softmax' }, 'cross-entropy', 512, 40),
      block: 1, blocks: 30, warmup: 5,
    },
    {
      id: 'W3',
      title: '784-512-512-10 relu, softmax cross-entropy, batch 1024',
      config: dense(784, [512, 512, 10], { kind: 'relu' }, { kind: 'softmax' }, 'cross-entropy', 1024, 8),
      block: 1, blocks: 6, warmup: 2,
    },
    {
      id: 'W4',
      title: '200 × 32 tanh, mse, batch 256',
      config: dense(32, Array.from({ length: 200 }, () => 32), tanh, tanh, 'mse', 256, 40),
      block: 1, blocks: 30, warmup: 5,
    },
  ];
}

/** Floating-point operations of one iteration: 3 products of 2·m·n_in·n_out per layer. */
function flopsPerIteration(c: TrainConfig): number {
  let fanIn = c.inputs;
  let flops = 0;
  for (const l of c.layers) {
    flops += 3 * 2 * c.data.samples * fanIn * l.units;
    fanIn = l.units;
  }
  return flops;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function measure(w: Workload): WorkloadFigure {
  const trainer = createTrainer(w.config);
  trainer.step(w.warmup * w.block);
  const samples: number[] = [];
  for (let b = 0; b < w.blocks && !trainer.done; b++) {
    const start = performance.now();
    trainer.step(w.block);
    samples.push((performance.now() - start) / w.block);
  }
  const ms = median(samples);
  return { id: w.id, msPerIteration: ms, gflops: flopsPerIteration(w.config) / (ms * 1e6) };
}

export function runBench(options: { json: boolean; only?: string[]; log: (line: string) => void }): WorkloadFigure[] {
  const figures: WorkloadFigure[] = [];
  for (const w of workloads()) {
    if (options.only && !options.only.includes(w.id)) continue;
    const f = measure(w);
    figures.push(f);
    if (!options.json) {
      options.log(`${w.id}  ${f.msPerIteration.toFixed(3).padStart(10)} ms/iteration  ${f.gflops.toFixed(3).padStart(7)} GFLOP/s   ${w.title}`);
    }
  }
  if (options.json) options.log(JSON.stringify({ workloads: figures }));
  return figures;
}
