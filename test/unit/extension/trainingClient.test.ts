import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { HostToWorker, WorkerToHost } from '../../../src/protocol';
import type { RunResult } from '../../../src/engine/types';
import { type Lane, TrainingClient, WorkerCrashedError, type WorkerLike } from '../../../src/extension/trainingClient';

class FakeWorker extends EventEmitter implements WorkerLike {
  readonly sent: HostToWorker[] = [];
  terminated = false;
  constructor(readonly lane: Lane) {
    super();
  }
  postMessage(message: HostToWorker): void {
    this.sent.push(message);
  }
  reply(message: WorkerToHost): void {
    this.emit('message', message);
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
}

const result = (iterations: number): RunResult => ({
  requestedIterations: iterations,
  iterations,
  loss: [1],
  finalLoss: 0.5,
  recorded: [1],
  layers: [],
  params: 1,
  elapsedMs: 1,
});

const run = { label: '', config: {} as never };

function setup(): { client: TrainingClient; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  const client = new TrainingClient((lane) => {
    const w = new FakeWorker(lane);
    workers.push(w);
    return w;
  });
  return { client, workers };
}

describe('extension: TrainingClient', () => {
  it('starts no worker until the first request, then reuses it', () => {
    const { client, workers } = setup();
    assert.equal(workers.length, 0);
    client.train('a', [run], 100);
    client.train('b', [run], 100);
    assert.equal(workers.length, 1);
    assert.equal(client.isStarted('train'), true);
    assert.equal(client.isStarted('analyze'), false);
  });

  it('sends analyses to their own lane, so they never wait behind a training', () => {
    const { client, workers } = setup();
    client.train('a', [run], 100);
    client.analyze('a', [run]);
    assert.deepEqual(
      workers.map((w) => [w.lane, w.sent.map((m) => m.type)]),
      [
        ['train', ['train']],
        ['analyze', ['analyze']],
      ],
    );
  });

  it('matches answers to requests by id and forwards progress', async () => {
    const { client, workers } = setup();
    const progress: number[] = [];
    const r1 = client.train('a', [run], 100, { onProgress: (_run, p) => progress.push(p.iteration) });
    const r2 = client.train('b', [run], 100);
    const w = workers[0];
    w.reply({ type: 'progress', id: r1.id, run: 0, progress: { iteration: 7, iterations: 10, loss: 1 }, snapshot: result(7) });
    w.reply({ type: 'done', id: r2.id, results: [result(2)], cancelled: false });
    w.reply({ type: 'done', id: r1.id, results: [result(1)], cancelled: false });
    assert.equal((await r2.done).results[0].iterations, 2);
    assert.equal((await r1.done).results[0].iterations, 1);
    assert.deepEqual(progress, [7]);
    assert.deepEqual(client.pendingIds, []);
  });

  it('a new request for the same key cancels the one it replaces', () => {
    const { client, workers } = setup();
    const first = client.train('spec', [run], 100);
    client.train('spec', [run], 100);
    client.train('other', [run], 100);
    const cancels = workers[0].sent.filter((m) => m.type === 'cancel');
    assert.deepEqual(cancels, [{ type: 'cancel', id: first.id }]);
  });

  it('a failed answer rejects with the worker message', async () => {
    const { client, workers } = setup();
    const r = client.analyze(undefined, [run]);
    workers[0].reply({ type: 'failed', id: r.id, message: 'boom' });
    await assert.rejects(r.done, /boom/);
  });

  it('a crash fails the pending requests of that lane and the next request starts a new worker', async () => {
    const { client, workers } = setup();
    const t = client.train('a', [run], 100);
    const a = client.analyze('a', [run]);
    workers[0].emit('exit', 1);
    await assert.rejects(t.done, WorkerCrashedError);
    assert.equal(client.pendingIds.includes(a.id), true, 'the analyze lane is untouched');
    client.train('a', [run], 100);
    assert.equal(workers.length, 3);
    assert.equal(workers[2].lane, 'train');
  });

  it('dispose terminates the workers and fails what is pending', async () => {
    const { client, workers } = setup();
    const t = client.train('a', [run], 100);
    client.dispose();
    await assert.rejects(t.done, /shutting down/);
    assert.equal(workers[0].terminated, true);
    await assert.rejects(client.analyze('x', [run]).done, /shutting down/);
  });

  it('a cancelled gradient check resolves to undefined', async () => {
    const { client, workers } = setup();
    const c = client.check('a', run);
    workers[0].reply({ type: 'done', id: c.id, results: [], cancelled: true });
    assert.equal(await c.done, undefined);
  });
});
