// The training worker's logic, free of worker_threads so unit tests can drive it in-process.
// Long work is stepped in small chunks with a yield to the event loop in between (setImmediate), so a
// 'cancel' (or an 'analyze' for another spec) is read between two chunks instead of after the whole run.
import { analyze, createTrainer, gradientCheck } from '../engine';
import type { RunResult, Trainer } from '../engine/types';
import type { HostToWorker, SpecSource, WorkerRun, WorkerToHost } from '../protocol';
import { ChunkSizer } from './chunkSizer';
import { analyzeSource, parseSource, planFor } from './specJobs';
import { autoRunIterations } from '../extension/runOptions';

export interface WorkerHandlerOptions {
  /** Wall-clock budget of one chunk of training steps, in ms (the cancel latency). Default 15. */
  chunkMs?: number;
  /** Waits for the event loop; injectable for tests. Default setImmediate. */
  yieldToLoop?: () => Promise<void>;
  now?: () => number;
}

export interface WorkerHandler {
  onMessage(message: HostToWorker): void;
  /** Ids of requests still running (tests, shutdown). */
  readonly running: ReadonlySet<number>;
}

const defaultYield = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createWorkerHandler(post: (message: WorkerToHost) => void, options: WorkerHandlerOptions = {}): WorkerHandler {
  const chunkMs = options.chunkMs ?? 15;
  const yieldToLoop = options.yieldToLoop ?? defaultYield;
  const now = options.now ?? (() => performance.now());
  const running = new Set<number>();
  const cancelled = new Set<number>();
  // Trainers of running 'train' requests, so a cancel also stops the run inside the engine.
  const trainers = new Map<number, Trainer>();

  const fail = (id: number, error: unknown): void => {
    post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  };

  async function trainRuns(id: number, runs: WorkerRun[], progressMs: number): Promise<void> {
    const results: RunResult[] = [];
    let lastProgress = -Infinity;
    for (let r = 0; r < runs.length && !cancelled.has(id); r++) {
      const trainer = createTrainer(runs[r].config);
      trainers.set(id, trainer);
      const sizer = new ChunkSizer(chunkMs);
      while (!trainer.done) {
        if (cancelled.has(id)) trainer.cancel();
        if (trainer.done) break;
        const t0 = now();
        const n = sizer.next();
        trainer.step(n);
        sizer.observe(n, now() - t0);
        if (now() - lastProgress >= progressMs && !trainer.done) {
          lastProgress = now();
          post({ type: 'progress', id, run: r, progress: trainer.progress(), snapshot: trainer.snapshot() });
        }
        await yieldToLoop();
      }
      const result = trainer.result();
      results.push(result);
      post({ type: 'runDone', id, run: r, result });
      await yieldToLoop();
    }
    trainers.delete(id);
    post({ type: 'done', id, results, cancelled: cancelled.has(id) });
  }

  async function analyzeRuns(id: number, runs: WorkerRun[]): Promise<void> {
    const results: RunResult[] = [];
    for (const run of runs) {
      // Each run is one forward and backward pass; yield between runs of a sweep so a newer edit's
      // request (which cancels this one) is seen early.
      await yieldToLoop();
      if (cancelled.has(id)) break;
      results.push(analyze(run.config));
    }
    post({ type: 'done', id, results, cancelled: cancelled.has(id) });
  }

  async function check(id: number, run: WorkerRun): Promise<void> {
    await yieldToLoop();
    if (cancelled.has(id)) {
      post({ type: 'done', id, results: [], cancelled: true });
      return;
    }
    post({ type: 'checkDone', id, report: gradientCheck(run.config) });
  }

  async function analyzeSpec(id: number, source: SpecSource, settings: Record<string, number>): Promise<void> {
    await yieldToLoop(); // a newer edit's request may already have cancelled this one
    if (cancelled.has(id)) {
      post({ type: 'done', id, results: [], cancelled: true });
      return;
    }
    const a = analyzeSource(source, settings, () => cancelled.has(id));
    post({ type: 'specAnalyzed', id, parse: a.parse, runs: a.runs, findings: a.findings, thresholds: a.thresholds });
  }

  async function planSpec(id: number, source: SpecSource, iterations: number | undefined): Promise<void> {
    await yieldToLoop();
    const parse = parseSource(source);
    const spec = parse.spec;
    const capped = spec && iterations !== undefined ? autoRunIterations(spec.train.iterations, iterations) : undefined;
    post({ type: 'specPlanned', id, parse, plans: spec ? planFor(spec, capped) : [] });
  }

  function start(id: number, work: () => Promise<void>): void {
    running.add(id);
    work()
      .catch((error: unknown) => fail(id, error))
      .finally(() => {
        running.delete(id);
        cancelled.delete(id);
        trainers.delete(id);
      });
  }

  return {
    running,
    onMessage(message: HostToWorker): void {
      switch (message.type) {
        case 'train':
          start(message.id, () => trainRuns(message.id, message.runs, message.progressMs));
          break;
        case 'analyze':
          start(message.id, () => analyzeRuns(message.id, message.runs));
          break;
        case 'check':
          start(message.id, () => check(message.id, message.run));
          break;
        case 'analyzeSpec':
          start(message.id, () => analyzeSpec(message.id, message.source, message.thresholds));
          break;
        case 'planSpec':
          start(message.id, () => planSpec(message.id, message.source, message.iterations));
          break;
        case 'cancel':
          if (running.has(message.id)) {
            cancelled.add(message.id);
            trainers.get(message.id)?.cancel();
          }
          break;
      }
    },
  };
}
