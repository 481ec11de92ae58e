import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TrainConfig } from '../../../src/engine/types';
import type { HostToWorker, WorkerToHost } from '../../../src/protocol';
import { createWorkerHandler } from '../../../src/worker/handler';
import { ChunkSizer } from '../../../src/worker/chunkSizer';

/** seed 002's network: 100 tanh layers of one unit, no bias, every weight w; x = y = [−0.5, 0.5]. */
function deepTanh(w: number, iterations: number): TrainConfig {
  return {
    inputs: 1,
    layers: Array.from({ length: 100 }, () => ({ units: 1, activation: { kind: 'tanh' as const }, bias: false, init: { kind: 'constant' as const, value: w } })),
    loss: 'mse',
    optimizer: { kind: 'sgd' },
    learningRate: 0.1,
    iterations,
    batchSize: 'full',
    seed: 1,
    data: { samples: 2, inputs: 1, outputs: 1, x: new Float64Array([-0.5, 0.5]), y: new Float64Array([-0.5, 0.5]) },
  };
}

function harness(options: Parameters<typeof createWorkerHandler>[1] = {}) {
  const posted: WorkerToHost[] = [];
  let onPost: (() => void) | undefined;
  const handler = createWorkerHandler((m) => {
    posted.push(m);
    onPost?.();
  }, options);
  const until = (predicate: (m: WorkerToHost) => boolean): Promise<WorkerToHost> =>
    new Promise((resolve) => {
      const check = (): void => {
        const hit = posted.find(predicate);
        if (hit) resolve(hit);
      };
      onPost = check;
      check();
    });
  const send = (m: HostToWorker): void => handler.onMessage(m);
  return { posted, send, until, handler };
}

describe('worker: request handler', () => {
  it('trains every run of a request, reporting runDone per run then done with all results', async () => {
    const h = harness();
    h.send({ type: 'train', id: 1, runs: [{ label: 'w=1', config: deepTanh(1, 50) }, { label: 'w=5', config: deepTanh(5, 20) }], progressMs: 0 });
    const done = await h.until((m) => m.type === 'done');
    assert.equal(done.type === 'done' && done.results.map((r) => r.iterations).join(','), '50,20');
    assert.equal(done.type === 'done' && done.cancelled, false);
    assert.deepEqual(
      h.posted.filter((m) => m.type === 'runDone').map((m) => (m.type === 'runDone' ? m.run : -1)),
      [0, 1],
    );
    assert.ok(h.posted.some((m) => m.type === 'progress' && m.id === 1), 'progress was posted');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(h.handler.running.size, 0);
  });

  it('a cancel between chunks stops the run early and answers done with cancelled', async () => {
    // chunkMs 0 → one iteration per chunk, so the cancel is read after the first yield.
    const h = harness({ chunkMs: 0 });
    h.send({ type: 'train', id: 7, runs: [{ label: '', config: deepTanh(1, 100000) }], progressMs: 1e9 });
    h.send({ type: 'cancel', id: 7 });
    const done = await h.until((m) => m.type === 'done');
    assert.equal(done.type === 'done' && done.cancelled, true);
    const result = done.type === 'done' ? done.results[0] : undefined;
    assert.ok(result && result.iterations < 100000, `stopped after ${result?.iterations} iterations`);
    assert.equal(result?.stopped, 'cancelled');
  });

  it('analyze gives one forward/backward pass per run, with the vanishing gradient of w = 5 visible', async () => {
    const h = harness();
    h.send({ type: 'analyze', id: 3, runs: [{ label: '', config: deepTanh(5, 1000) }] });
    const done = await h.until((m) => m.type === 'done');
    const r = done.type === 'done' ? done.results[0] : undefined;
    assert.equal(r?.iterations, 1);
    const g1 = r?.layers[0].gradNorm[0] ?? NaN;
    const g100 = r?.layers[99].gradNorm[0] ?? NaN;
    assert.ok(g1 > 0 && g1 < 1e-290, `layer 1 gradient ${g1}`);
    assert.ok(g100 > 1e-6, `layer 100 gradient ${g100}`);
  });

  it('check answers with a gradient check report', async () => {
    const h = harness();
    h.send({ type: 'check', id: 4, run: { label: '', config: deepTanh(1, 1) } });
    const msg = await h.until((m) => m.type === 'checkDone' || m.type === 'failed');
    assert.equal(msg.type, 'checkDone');
    assert.equal(msg.type === 'checkDone' && msg.report.layers.length, 100);
  });

  it('an engine error becomes a failed answer, and the handler keeps serving', async () => {
    const h = harness();
    const bad = { ...deepTanh(1, 1), layers: [] };
    h.send({ type: 'train', id: 5, runs: [{ label: '', config: bad }], progressMs: 0 });
    h.send({ type: 'analyze', id: 6, runs: [{ label: '', config: deepTanh(1, 1) }] });
    const failed = await h.until((m) => m.type === 'failed');
    assert.equal(failed.id, 5);
    const done = await h.until((m) => m.type === 'done' && m.id === 6);
    assert.equal(done.type === 'done' && done.results.length, 1);
  });
});

describe('worker: chunk sizing', () => {
  it('starts with one iteration and aims each chunk at the time budget', () => {
    const s = new ChunkSizer(20, 1000);
    assert.equal(s.next(), 1);
    s.observe(1, 250); // a W2-sized step
    assert.equal(s.next(), 1);
    const fast = new ChunkSizer(20, 1000);
    fast.observe(1, 0.1);
    assert.equal(fast.next(), 200);
    fast.observe(200, 0); // faster than the clock can tell
    assert.ok(fast.next() >= 200 && fast.next() <= 1000);
  });
});

describe('worker: spec jobs', () => {
  const text = [
    'inputs: 1',
    'layers:',
    '  - units: 1',
    '    activation: tanh',
    '    bias: false',
    '    init: 5.0',
    '    repeat: 100',
    'loss: mse',
    'data:',
    '  x: [[-0.5], [0.5]]',
    '  y: [[-0.5], [0.5]]',
    'train: {optimizer: sgd, learningRate: 0.1, iterations: 1000, batchSize: full}',
    '',
  ].join('\n');
  const source = { text, file: '/virtual/deep.nn.yaml', format: 'yaml' as const, trusted: true };

  it('analyzeSpec parses, analyzes at the initial weights and diagnoses the vanishing gradient', async () => {
    const h = harness();
    h.send({ type: 'analyzeSpec', id: 1, source, thresholds: {} });
    const m = await h.until((x) => x.type === 'specAnalyzed' || x.type === 'failed');
    assert.equal(m.type, 'specAnalyzed');
    if (m.type !== 'specAnalyzed') return;
    assert.equal(m.parse.spec?.layerCount, 100);
    assert.equal(m.runs[0].result.iterations, 1);
    const v = m.findings.find((f) => f.rule === 'vanishing-gradient');
    assert.equal(v?.range.start.line, 2, 'on the `- units:` line of the entry');
  });

  it('analyzeSpec judges each sweep run by its own learning rate (slow-descent: only 0.26 is above 2/λ_max)', async () => {
    const h = harness();
    const file = path.join(__dirname, '../../../examples/slow-descent.nn.yaml');
    const sweep = { text: readFileSync(file, 'utf8'), file, format: 'yaml' as const, trusted: true };
    h.send({ type: 'analyzeSpec', id: 7, source: sweep, thresholds: {} });
    const m = await h.until((x) => x.type === 'specAnalyzed' || x.type === 'failed');
    assert.equal(m.type, 'specAnalyzed');
    if (m.type !== 'specAnalyzed') return;
    assert.deepEqual(m.runs.map((r) => r.label), ['train.learningRate=0.1', 'train.learningRate=0.2', 'train.learningRate=0.26']);
    const tooHigh = m.findings.filter((f) => f.rule === 'learning-rate-too-high');
    assert.deepEqual(tooHigh.map((f) => f.run), ['train.learningRate=0.26']);
    assert.match(tooHigh[0].message, /0\.25/);
    assert.equal('config' in m.runs[0], false, 'the runs sent to the host carry no config (no dataset copy)');
  });

  it('user thresholds apply: a tiny vanishing threshold and ratio silence the finding', async () => {
    const h = harness();
    h.send({ type: 'analyzeSpec', id: 2, source, thresholds: { vanishing: 1e-320, vanishingRatio: 1e-320, vanishingSensitivity: 1e-320 } });
    const m = await h.until((x) => x.type === 'specAnalyzed');
    assert.equal(m.type === 'specAnalyzed' && m.thresholds.vanishing, 1e-320);
    assert.equal(m.type === 'specAnalyzed' && m.findings.some((f) => f.rule === 'vanishing-gradient'), false);
  });

  it('a broken spec comes back with its errors and no runs', async () => {
    const h = harness();
    h.send({ type: 'analyzeSpec', id: 3, source: { ...source, text: text.replace('units: 1', 'units: two') }, thresholds: {} });
    const m = await h.until((x) => x.type === 'specAnalyzed');
    assert.equal(m.type === 'specAnalyzed' && m.parse.spec, undefined);
    assert.equal(m.type === 'specAnalyzed' && m.parse.errors[0]?.range.start.line, 2);
    assert.equal(m.type === 'specAnalyzed' && m.runs.length, 0);
  });

  it('planSpec caps the iterations of an automatic rerun', async () => {
    const h = harness();
    h.send({ type: 'planSpec', id: 4, source, iterations: 50 });
    const m = await h.until((x) => x.type === 'specPlanned');
    assert.equal(m.type === 'specPlanned' && m.plans[0].config.iterations, 50);
    h.send({ type: 'planSpec', id: 5, source });
    const full = await h.until((x) => x.type === 'specPlanned' && x.id === 5);
    assert.equal(full.type === 'specPlanned' && full.plans[0].config.iterations, 1000);
  });

  it('in Restricted Mode a CSV is not read: the error sits at the spec, nothing throws', async () => {
    const h = harness();
    const csv = text.replace(/data:\n {2}x: .*\n {2}y: .*\n/, 'data: {csv: data.csv, x: [a], y: [b]}\n');
    h.send({ type: 'analyzeSpec', id: 6, source: { ...source, text: csv, trusted: false }, thresholds: {} });
    const m = await h.until((x) => x.type === 'specAnalyzed' || x.type === 'failed');
    assert.equal(m.type, 'specAnalyzed');
    assert.match(m.type === 'specAnalyzed' ? m.parse.errors.map((e) => e.message).join('\n') : '', /Restricted Mode/);
  });
});
