// The host side of the training worker (no 'vscode' import: unit-tested with a fake worker).
// Two lanes, each its own worker thread started lazily on first use and reused: 'train' (training and
// gradient checks, long) and 'analyze' (one forward/backward pass per edit, short), so findings on edit are
// never queued behind a training chunk. Requests are matched by id. A request with the same `key` (a spec
// uri) in the same lane cancels the one it replaces. A crash fails every pending request of that lane; the
// next request starts a fresh worker.
import type { GradientCheckReport, Progress, RunResult } from '../engine/types';
import type { Finding, Thresholds } from '../diagnostics/types';
import type { HostToWorker, SpecSource, WorkerRun, WorkerRunResult, WorkerToHost } from '../protocol';
import type { ParseResult, RunPlan } from '../spec/types';

export type Lane = 'train' | 'analyze';

/** The part of node's worker_threads.Worker the client uses. */
export interface WorkerLike {
  postMessage(message: HostToWorker): void;
  on(event: 'message', listener: (message: WorkerToHost) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export type WorkerFactory = (lane: Lane) => WorkerLike;

export interface RunsOutcome {
  results: RunResult[];
  cancelled: boolean;
}

export interface SpecAnalysisOutcome {
  parse: ParseResult;
  runs: WorkerRunResult[];
  findings: Finding[];
  thresholds: Thresholds;
}

export interface SpecPlanOutcome {
  parse: ParseResult;
  plans: RunPlan[];
}

export interface TrainListener {
  onProgress?(run: number, progress: Progress, snapshot: RunResult): void;
  onRunDone?(run: number, result: RunResult): void;
}

export interface Request<T> {
  readonly id: number;
  readonly done: Promise<T>;
  cancel(): void;
}

interface Pending {
  lane: Lane;
  kind: HostToWorker['type'];
  key: string | undefined;
  listener: TrainListener;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class WorkerCrashedError extends Error {}

/** Host time spent handling worker answers (store updates and their listeners included), for measurements. */
export interface MessageStats {
  messages: number;
  totalMs: number;
  maxMs: number;
}

export class TrainingClient {
  private nextId = 1;
  private readonly workers = new Map<Lane, WorkerLike>();
  private readonly pending = new Map<number, Pending>();
  private readonly byKey = new Map<string, number>(); // `${lane}:${key}` → id
  private disposed = false;
  readonly stats: MessageStats = { messages: 0, totalMs: 0, maxMs: 0 };

  constructor(private readonly createWorker: WorkerFactory) {}

  train(key: string | undefined, runs: WorkerRun[], progressMs: number, listener: TrainListener = {}): Request<RunsOutcome> {
    return this.send('train', key, listener, (id) => ({ type: 'train', id, runs, progressMs }));
  }

  analyze(key: string | undefined, runs: WorkerRun[]): Request<RunsOutcome> {
    return this.send('analyze', key, {}, (id) => ({ type: 'analyze', id, runs }));
  }

  /** Parse, plan, analyze and diagnose a spec's text in the analyze lane; undefined when cancelled. */
  analyzeSpec(key: string | undefined, source: SpecSource, thresholds: Record<string, number>): Request<SpecAnalysisOutcome | undefined> {
    return this.send('analyze', key, {}, (id) => ({ type: 'analyzeSpec', id, source, thresholds }));
  }

  /** Parse and plan a spec's text (analyze lane: never queued behind a training). */
  planSpec(key: string | undefined, source: SpecSource, iterations?: number): Request<SpecPlanOutcome> {
    return this.send('analyze', key, {}, (id) => ({ type: 'planSpec', id, source, ...(iterations === undefined ? {} : { iterations }) }));
  }

  /** Resolves to undefined when the check was cancelled before it started. */
  check(key: string | undefined, run: WorkerRun): Request<GradientCheckReport | undefined> {
    return this.send('train', key, {}, (id) => ({ type: 'check', id, run }));
  }

  /** Ids of requests not yet answered. */
  get pendingIds(): number[] {
    return [...this.pending.keys()];
  }

  /** Whether a worker thread is running in this lane. */
  isStarted(lane: Lane): boolean {
    return this.workers.has(lane);
  }

  cancel(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.workers.get(p.lane)?.postMessage({ type: 'cancel', id });
  }

  dispose(): void {
    this.disposed = true;
    const workers = [...this.workers.values()];
    this.workers.clear();
    this.failAll(undefined, new Error('Gradient Lens is shutting down'));
    for (const w of workers) void w.terminate();
  }

  private send<T>(lane: Lane, key: string | undefined, listener: TrainListener, make: (id: number) => HostToWorker): Request<T> {
    const id = this.nextId++;
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const done = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    if (this.disposed) {
      reject(new Error('Gradient Lens is shutting down'));
      return { id, done, cancel: () => undefined };
    }
    if (key !== undefined) {
      const slot = `${lane}:${key}`;
      const previous = this.byKey.get(slot);
      if (previous !== undefined) this.cancel(previous);
      this.byKey.set(slot, id);
    }
    const message = make(id);
    this.pending.set(id, { lane, kind: message.type, key, listener, resolve: resolve as (v: unknown) => void, reject });
    try {
      this.worker(lane).postMessage(message);
    } catch (error) {
      this.settle(id);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
    return { id, done, cancel: () => this.cancel(id) };
  }

  private worker(lane: Lane): WorkerLike {
    const existing = this.workers.get(lane);
    if (existing) return existing;
    const w = this.createWorker(lane);
    this.workers.set(lane, w);
    w.on('message', (message: WorkerToHost) => {
      const t0 = performance.now();
      this.onMessage(message);
      const ms = performance.now() - t0;
      this.stats.messages++;
      this.stats.totalMs += ms;
      this.stats.maxMs = Math.max(this.stats.maxMs, ms);
    });
    w.on('error', (error: Error) => this.onCrash(lane, w, `the ${lane} worker failed: ${error.message}`));
    w.on('exit', (code: number) => this.onCrash(lane, w, `the ${lane} worker exited (code ${code})`));
    return w;
  }

  private onCrash(lane: Lane, w: WorkerLike, reason: string): void {
    if (this.workers.get(lane) !== w) return; // already replaced or disposed
    this.workers.delete(lane);
    this.failAll(lane, new WorkerCrashedError(reason));
  }

  private failAll(lane: Lane | undefined, error: Error): void {
    for (const [id, p] of [...this.pending]) {
      if (lane !== undefined && p.lane !== lane) continue;
      this.settle(id);
      p.reject(error);
    }
  }

  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    if (p.key !== undefined && this.byKey.get(`${p.lane}:${p.key}`) === id) this.byKey.delete(`${p.lane}:${p.key}`);
    return p;
  }

  private onMessage(message: WorkerToHost): void {
    const p = this.pending.get(message.id);
    if (!p) return; // an answer to a request already failed by a crash or dispose
    switch (message.type) {
      case 'progress':
        p.listener.onProgress?.(message.run, message.progress, message.snapshot);
        break;
      case 'runDone':
        p.listener.onRunDone?.(message.run, message.result);
        break;
      case 'done':
        this.settle(message.id);
        // A check or spec analysis answers 'done' only when it was cancelled before it started.
        p.resolve(p.kind === 'check' || p.kind === 'analyzeSpec' ? undefined : { results: message.results, cancelled: message.cancelled });
        break;
      case 'checkDone':
        this.settle(message.id)?.resolve(message.report);
        break;
      case 'specAnalyzed':
        this.settle(message.id);
        p.resolve({ parse: message.parse, runs: message.runs, findings: message.findings, thresholds: message.thresholds });
        break;
      case 'specPlanned':
        this.settle(message.id);
        p.resolve({ parse: message.parse, plans: message.plans });
        break;
      case 'failed':
        this.settle(message.id)?.reject(new Error(message.message));
        break;
    }
  }
}
