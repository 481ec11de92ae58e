import * as assert from 'node:assert/strict';
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
