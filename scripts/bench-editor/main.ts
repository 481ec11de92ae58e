// Editor-side figures, outside VS Code (the extension-host tests measure the same inside the real editor):
//   1. event-loop stall of the host in three conditions, interleaved over rounds: (a) idle, (b) a worker
//      thread spinning on the CPU (no messages: the machine's own scheduling cost of a busy core), (c) our
//      training worker on a W2-sized network (64-256-256-10 tanh, softmax CE, batch 512) with progress and
//      snapshots every 100 ms, as the extension asks. (c) ≈ (b) means the stall is CPU contention, not ours;
//   2. edit → fresh findings for every example spec: parse + plan + analyze (worker, analyze lane) + diagnose.
// Run with `node scripts/bench-editor.mjs [--rounds N] [--stall-only] [--json]` (bundles this file and the worker with esbuild first).
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { generateData } from '../../src/engine';
import type { TrainConfig } from '../../src/engine/types';
import { TrainingClient, type WorkerLike } from '../../src/extension/trainingClient';
import { stallDuring, type StallFigures } from './stallProbe';

const workerPath = process.argv[2];
const spinPath = process.argv[3];
const examplesDir = process.argv[4];
const json = process.argv.includes('--json');
const stallOnly = process.argv.includes('--stall-only');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const W2_ITERATIONS = 30;

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

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface TrainFigures {
  iterations: number;
  msPerIteration: number;
  progressMessages: number;
  snapshotBytes: number; // structured-clone size of the largest progress snapshot
  maxHandlerMs: number; // longest host handling of one worker answer (client stats, deserialization excluded)
}

type Condition = 'idle' | 'spin' | 'train';
const LABELS: Record<Condition, string> = {
  idle: '(a) idle',
  spin: '(b) CPU-bound dummy worker',
  train: '(c) training worker, W2',
};

function spin(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const w = new Worker(spinPath, { workerData: { ms }, name: 'spin' });
    w.on('error', reject);
    w.on('exit', () => resolve());
  });
}

async function trainW2(client: TrainingClient): Promise<TrainFigures> {
  let progressMessages = 0;
  let snapshotBytes = 0;
  const t0 = performance.now();
  const outcome = await client.train('w2', [{ label: '', config: w2(W2_ITERATIONS) }], 100, {
    onProgress: (_run, progress, snapshot) => {
      progressMessages++;
      if (snapshot.loss.length > progress.iteration) throw new Error('snapshot longer than the run');
      if (progressMessages % 4 === 1) snapshotBytes = Math.max(snapshotBytes, serialize(snapshot).length);
    },
  }).done;
  const ms = performance.now() - t0;
  const iterations = outcome.results[0].iterations;
  return {
    iterations,
    msPerIteration: +(ms / iterations).toFixed(1),
    progressMessages,
    snapshotBytes,
    maxHandlerMs: client.stats.maxMs, // since the client started
  };
}

async function main(): Promise<void> {
  const client = new TrainingClient((lane) => new Worker(workerPath, { name: lane }) as unknown as WorkerLike);
  const out: Record<string, unknown> = {};

  // 1. Stall in conditions (a) (b) (c), interleaved so the machine's other load affects each alike. A first
  //    W2 run warms the worker (JIT) and fixes the duration of (a) and (b) to that of a training.
  const warm = performance.now();
  await trainW2(client);
  const spanMs = Math.round(performance.now() - warm);
  const stall: Record<Condition, StallFigures[]> = { idle: [], spin: [], train: [] };
  const training: TrainFigures[] = [];
  for (let r = 0; r < rounds; r++) {
    stall.idle.push(await stallDuring(() => new Promise((resolve) => setTimeout(resolve, spanMs))));
    stall.spin.push(await stallDuring(() => spin(spanMs)));
    stall.train.push(await stallDuring(async () => training.push(await trainW2(client))));
  }
  out.stall = { spanMs, rounds, conditions: stall, training };
  if (stallOnly) {
    client.dispose();
    report(out);
    return;
  }

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

  report(out);
}

const f1 = (x: number): string => x.toFixed(1).padStart(6);

function report(out: Record<string, unknown>): void {
  if (json) {
    console.log(JSON.stringify(out, (k, v: unknown) => (k === 'samples' ? undefined : v), 2));
    return;
  }
  const s = out.stall as { spanMs: number; rounds: number; conditions: Record<Condition, StallFigures[]>; training: TrainFigures[] };
  const t = s.training;
  console.log(
    `host event-loop stall, ${s.rounds} rounds of ~${s.spanMs} ms per condition, interleaved (ms; delay = monitorEventLoopDelay, ` +
      'drift = 5 ms interval probe; active = host event loop busy, probes included):',
  );
  console.log(`  ${'condition'.padEnd(30)} ${'delay max'.padStart(9)} ${'p99'.padStart(6)} ${'mean'.padStart(6)} ${'drift max'.padStart(9)} ${'p99'.padStart(6)} ${'active'.padStart(6)} ${'gc max'.padStart(6)}`);
  for (const c of ['idle', 'spin', 'train'] as Condition[]) {
    for (const f of s.conditions[c]) {
      console.log(
        `  ${LABELS[c].padEnd(30)} ${f1(f.delayMaxMs).padStart(9)} ${f1(f.delayP99Ms)} ${f1(f.delayMeanMs)} ${f1(f.driftMaxMs).padStart(9)} ${f1(f.driftP99Ms)} ${f1(f.hostActiveMs)} ${f1(f.gcMaxMs)}`,
      );
    }
  }
  console.log(
    `  W2 on the worker: ${t.map((x) => x.iterations).join('/')} iterations at ${t.map((x) => x.msPerIteration).join('/')} ms/iteration; ` +
      `${t.map((x) => x.progressMessages).join('/')} progress messages; snapshot ≤ ${Math.max(...t.map((x) => x.snapshotBytes))} bytes; ` +
      `longest host handling of a worker answer ${Math.max(...t.map((x) => x.maxHandlerMs)).toFixed(2)} ms`,
  );
  const rows = out.editToFindings as { example: string; medianMs: number; maxMs: number; runs: number; findings: number }[] | undefined;
  if (!rows) return;
  console.log('\nedit → findings (text → worker: parse + plan + analyze + diagnose → host), ms:');
  for (const r of rows) console.log(`  ${r.example.padEnd(44)} median ${String(r.medianMs).padStart(6)}  max ${String(r.maxMs).padStart(6)}  runs ${r.runs}  findings ${r.findings}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
