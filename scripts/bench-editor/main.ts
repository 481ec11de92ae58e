// Editor-side figures, outside VS Code (the extension-host tests measure the same inside the real editor):
//   1. event-loop stall of the host while a W2-sized network (64-256-256-10 tanh, softmax CE, batch 512)
//      trains on the worker: a setInterval drift probe on the host thread;
//   2. edit → fresh findings for every example spec: parse + plan + analyze (worker, analyze lane) + diagnose.
// Run with `node scripts/bench-editor.mjs` (bundles this file and the worker with esbuild first).
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { generateData } from '../../src/engine';
import type { TrainConfig } from '../../src/engine/types';
import { TrainingClient, type WorkerLike } from '../../src/extension/trainingClient';

const workerPath = process.argv[2];
const examplesDir = process.argv[3];
const json = process.argv.includes('--json');

function w2(iterations: number): TrainConfig {
  const data = generateData({ kind: 'gaussian', samples: 512, noise: 0.5, seed: 1, classes: 10 });
  // 64 inputs: the generator gives 2 features; widen them deterministically (the figure is about time).
  const x = new Float64Array(512 * 64);
  for (let i = 0; i < 512; i++) for (let j = 0; j < 64; j++) x[i * 64 + j] = data.x[i * 2 + (j % 2)] * Math.cos(j);
  return {
    inputs: 64,
    layers: [
      { units: 256, activation: { kind: 'tanh' }, bias: true, init: { kind: 'xavier' } },
      { units: 256, activation: { kind: 'tanh' }, bias: true, init: { kind: 'xavier' } },
      { units: 10, activation: { kind: 'softmax' }, bias: true, init: { kind: 'xavier' } },
    ],
    loss: 'cross-entropy',
    optimizer: { kind: 'sgd' },
    learningRate: 0.1,
    iterations,
    batchSize: 'full',
    seed: 1,
    data: { samples: 512, inputs: 64, outputs: data.outputs, x, y: data.y },
  };
}

/** Largest delay (ms) of a 5 ms interval timer beyond its period while `work` runs. */
async function stallDuring(work: () => Promise<unknown>): Promise<{ maxMs: number; p99Ms: number; ticks: number; hostBusyMs: number }> {
  // The drift probe also counts time the OS gives other processes (2 shared cores); the event loop's own
  // active time (eventLoopUtilization) is what the host spent on messages, probe included.
  const elu0 = performance.eventLoopUtilization();
  const period = 5;
  const lags: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - last - period));
    last = now;
  }, period);
  await work();
  clearInterval(timer);
  const elu = performance.eventLoopUtilization(elu0);
  lags.sort((a, b) => a - b);
  return { maxMs: lags[lags.length - 1] ?? 0, p99Ms: lags[Math.floor(lags.length * 0.99)] ?? 0, ticks: lags.length, hostBusyMs: elu.active };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const client = new TrainingClient((lane) => new Worker(workerPath, { name: lane }) as unknown as WorkerLike);
  const out: Record<string, unknown> = {};

  // 1. Stall while W2 trains (with progress and snapshots every 100 ms, as the extension asks).
  const idle = await stallDuring(() => new Promise((r) => setTimeout(r, 1000)));
  let iterations = 0;
  let progressMessages = 0;
  let maxHandlerMs = 0;
  const t0 = performance.now();
  const training = await stallDuring(async () => {
    const outcome = await client.train('w2', [{ label: '', config: w2(30) }], 100, {
      onProgress: (_run, progress, snapshot) => {
        const h0 = performance.now();
        progressMessages++;
        if (snapshot.loss.length > progress.iterations) throw new Error("snapshot longer than the run");
        maxHandlerMs = Math.max(maxHandlerMs, performance.now() - h0);
      },
    }).done;
    iterations = outcome.results[0].iterations;
  });
  const trainMs = performance.now() - t0;
  out.stall = { idle, training, iterations, trainMs: Math.round(trainMs), msPerIteration: +(trainMs / iterations).toFixed(1), progressMessages, maxHandlerMs };

  // 2. Edit → findings per example (warm: the analyze worker is running, as after the first edit).
  const rows: { example: string; medianMs: number; maxMs: number; runs: number; findings: number }[] = [];
  const files = readdirSync(examplesDir).filter((f) => /\.nn\.(ya?ml|json)$/.test(f)).sort();
  for (const f of files) {
    const file = path.join(examplesDir, f);
    const text = readFileSync(file, 'utf8');
    const times: number[] = [];
    let runs = 0;
    let findings = 0;
    for (let i = 0; i < 8; i++) {
      const start = performance.now();
      // What the extension does on a keystroke: the text goes to the worker, which parses, plans, analyzes
      // at the initial weights and diagnoses; the host applies the answer.
      const a = await client.analyzeSpec(file, { text, file, format: 'yaml', trusted: true }, {}).done;
      if (!a?.parse.spec) throw new Error(`${f}: ${a?.parse.errors.map((e) => e.message).join('; ')}`);
      if (i > 0) times.push(performance.now() - start); // the first is a warm-up (JIT)
      runs = a.runs.length;
      findings = a.findings.length;
    }
    rows.push({ example: f, medianMs: +median(times).toFixed(1), maxMs: +Math.max(...times).toFixed(1), runs, findings });
  }
  out.editToFindings = rows;
  client.dispose();

  if (json) {
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  const s = out.stall as {
    idle: { maxMs: number };
    training: { maxMs: number; p99Ms: number; ticks: number; hostBusyMs: number };
    iterations: number;
    trainMs: number;
    msPerIteration: number;
    progressMessages: number;
  };
  console.log(`W2 (64-256-256-10 tanh, softmax CE, batch 512) on the worker: ${s.iterations} iterations, ${s.msPerIteration} ms/iteration, ${s.progressMessages} progress messages`);
  console.log(`host event-loop stall while training: max ${s.training.maxMs.toFixed(1)} ms, p99 ${s.training.p99Ms.toFixed(1)} ms over ${s.training.ticks} ticks (idle baseline max ${s.idle.maxMs.toFixed(1)} ms)`);
  console.log(`host event loop busy ${s.training.hostBusyMs.toFixed(0)} ms of ${s.trainMs} ms (${((100 * s.training.hostBusyMs) / s.trainMs).toFixed(1)}%, probe included)`);
  console.log('\nedit → findings (text → worker: parse + plan + analyze + diagnose → host), ms:');
  for (const r of rows) console.log(`  ${r.example.padEnd(44)} median ${String(r.medianMs).padStart(6)}  max ${String(r.maxMs).padStart(6)}  runs ${r.runs}  findings ${r.findings}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
