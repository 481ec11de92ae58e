// The training side's engine room: parses specs, analyzes them on every edit (initial weights, one
// forward/backward pass in the worker's analyze lane), trains on command or automatically, and writes the
// results store and the Problems panel. Per spec:
//   - every parse bumps `textGen`; an answer computed for an older text is dropped;
//   - an edit cancels the spec's running training (its findings would point at old lines);
//   - a new training cancels the one it replaces (the client cancels by key as well).
import * as vscode from 'vscode';
import { diagnoseSpec, resolveThresholds } from '../diagnostics';
import type { Finding, Thresholds } from '../diagnostics/types';
import type { GradientCheckReport } from '../engine/types';
import type { SpecSource } from '../protocol';
import type { NetworkSpec, SpecError } from '../spec/types';
import type { Config } from './config';
import { formatMs, formatNumber } from './format';
import { documentShape, type Problems } from './problems';
import type { SpecProgress, SpecRun } from './results';
import { specFormat } from './specFiles';
import type { SpecStore } from './store';
import type { TrainingClient } from './trainingClient';
import { textShape } from './ranges';

const PROGRESS_MS = 100; // worker → host progress messages (the store throttles its events to the same rate)

interface SpecState {
  textGen: number;
  trainGen: number;
  training?: { cancel(): void };
  analysis?: { cancel(): void };
  /** The analysis of the latest text, until it is applied (hovers wait for it). */
  pending?: Promise<void>;
  busy: Set<Promise<unknown>>;
  lastTraining?: SpecRun[];
  /** textGen of the text the last finished training ran on (its findings beat an analysis of that text). */
  trainedTextGen?: number;
}

export type TrainOutcome =
  | { kind: 'done'; spec: NetworkSpec; runs: SpecRun[]; findings: Finding[]; cancelled: boolean; ms: number }
  | { kind: 'invalid'; errors: SpecError[] }
  | { kind: 'failed'; message: string }
  | { kind: 'superseded' };

export interface TrainOptions {
  /** Cap on iterations (automatic reruns); the spec's own count otherwise. */
  maxIterations?: number;
  onProgress?: (progress: SpecProgress) => void;
  token?: vscode.CancellationToken;
}

export type CheckOutcome =
  | { kind: 'done'; spec: NetworkSpec; runs: { label: string; report: GradientCheckReport }[] }
  | { kind: 'invalid'; errors: SpecError[] }
  | { kind: 'cancelled' };

export class SpecService implements vscode.Disposable {
  private readonly states = new Map<string, SpecState>();
  private readonly trainingChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeTraining = this.trainingChanged.event;
  /** ms from an edit (parse start) to its findings in Problems, latest first (for tests and the report). */
  readonly analysisLatencies: number[] = [];

  constructor(
    private readonly store: SpecStore,
    private readonly client: TrainingClient,
    private readonly config: Config,
    private readonly problems: Problems,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get trainingCount(): number {
    let n = 0;
    for (const s of this.states.values()) if (s.training) n++;
    return n;
  }

  isTraining(uri: string): boolean {
    return this.states.get(uri)?.training !== undefined;
  }

  /** Refreshes the document's findings: the worker parses its text, analyzes it at the initial weights
   *  (one forward and backward pass) and diagnoses that; the host only applies the answer. */
  analyzeDocument(doc: vscode.TextDocument): void {
    const started = performance.now();
    const key = doc.uri.toString();
    const s = this.state(key);
    const gen = ++s.textGen;
    const request = this.client.analyzeSpec(key, this.source(doc.uri, doc.getText()), this.config.value.thresholds);
    s.analysis = request;
    const work = request.done.then(
      (a) => {
        if (!a || gen !== s.textGen) return;
        s.analysis = undefined;
        if (!a.parse.spec) {
          this.showErrors(doc.uri, a.parse.errors, this.shapeOf(key));
          return;
        }
        if (s.trainedTextGen === gen) return; // a training of this very text already reported
        const spec = a.parse.spec;
        // While a training of this text runs, refresh Problems and the spec now and leave the runs to it.
        const patch = s.training
          ? { spec, errors: [] }
          : { spec, errors: [], status: 'done' as const, kind: 'analysis' as const, runs: a.runs, findings: a.findings, progress: undefined, message: undefined };
        this.store.update(key, a.thresholds, patch);
        this.problems.set(doc.uri, [], a.findings, spec, this.shapeOf(key));
        this.analysisLatencies.unshift(performance.now() - started);
        this.analysisLatencies.length = Math.min(this.analysisLatencies.length, 50);
      },
      (error: unknown) => {
        if (gen !== s.textGen) return;
        s.analysis = undefined;
        this.fail(key, this.thresholds(undefined), `Analysis failed: ${messageOf(error)}`);
      },
    );
    s.pending = work;
    this.track(s, work);
  }

  /** Resolves once the latest edit of the spec is analyzed (hovers then see ranges of the current text). */
  async settled(uri: string): Promise<void> {
    const s = this.states.get(uri);
    if (s?.pending) await s.pending;
  }

  /** Trains the spec (its open document's text, else the file on disk). */
  train(uri: vscode.Uri, options: TrainOptions = {}): Promise<TrainOutcome> {
    const key = uri.toString();
    const s = this.state(key);
    const work = this.trainWork(uri, s, options);
    this.track(s, work);
    return work;
  }

  private async trainWork(uri: vscode.Uri, s: SpecState, options: TrainOptions): Promise<TrainOutcome> {
    const key = uri.toString();
    const text = await this.readText(uri);
    const gen = ++s.trainGen;
    const textGen = s.textGen;
    const planned = await this.client.planSpec(`${key}#plan`, this.source(uri, text), options.maxIterations).done;
    if (gen !== s.trainGen) return { kind: 'superseded' };
    if (!planned.parse.spec) {
      this.showErrors(uri, planned.parse.errors, this.shapeOf(key) ?? textShape(text));
      return { kind: 'invalid', errors: planned.parse.errors };
    }
    const spec = planned.parse.spec;
    const thresholds = this.thresholds(spec);
    const plans = planned.plans;
    s.training?.cancel();
    const before = this.store.get(key);
    const previousRuns = s.lastTraining;
    const first = plans[0].config;
    this.store.update(key, thresholds, {
      spec,
      errors: [],
      status: 'training',
      kind: 'training',
      runs: [],
      previousRuns,
      message: undefined,
      progress: { run: 0, runs: plans.length, iteration: 0, iterations: first.iterations, loss: NaN },
    });
    const started = performance.now();
    const request = this.client.train(key, plans.map((p) => ({ label: p.label, config: p.config })), PROGRESS_MS, {
      onProgress: (run, progress, snapshot) => {
        if (gen !== s.trainGen) return;
        const p: SpecProgress = { run, runs: plans.length, label: plans[run]?.label, ...progress, snapshot };
        this.store.setProgress(key, p);
        options.onProgress?.(p);
      },
      onRunDone: (run, result) => {
        if (gen === s.trainGen) this.store.finishRun(key, run, { label: plans[run].label, result });
      },
    });
    s.training = request;
    this.trainingChanged.fire();
    const cancelListener = options.token?.onCancellationRequested(() => request.cancel());
    try {
      const outcome = await request.done;
      if (gen !== s.trainGen || textGen !== s.textGen) return { kind: 'superseded' };
      const ms = performance.now() - started;
      const runs = outcome.results.map((result, i) => ({ label: plans[i].label, result }));
      if (runs.length === 0) {
        // Cancelled before the first iteration: show what was there before.
        this.store.update(key, thresholds, {
          status: before?.status === 'training' ? 'done' : (before?.status ?? 'done'),
          kind: before?.kind,
          runs: before?.runs ?? [],
          findings: before?.findings ?? [],
          progress: undefined,
        });
        return { kind: 'done', spec, runs, findings: before?.findings ?? [], cancelled: true, ms };
      }
      // Each run's own config, so a swept learning rate is judged as trained (the runs stored stay config-free).
      const findings = diagnoseSpec(spec, runs.map((r, i) => ({ ...r, config: plans[i].config })), thresholds);
      s.lastTraining = runs;
      s.trainedTextGen = textGen;
      this.store.update(key, thresholds, { status: 'done', kind: 'training', runs, findings, progress: undefined });
      this.problems.set(uri, [], findings, spec, this.shapeOf(key) ?? textShape(text));
      this.logRun(spec, runs, ms, outcome.cancelled);
      return { kind: 'done', spec, runs, findings, cancelled: outcome.cancelled, ms };
    } catch (error) {
      if (gen !== s.trainGen) return { kind: 'superseded' };
      const message = `Training failed: ${messageOf(error)}`;
      this.fail(key, thresholds, message);
      return { kind: 'failed', message };
    } finally {
      cancelListener?.dispose();
      if (gen === s.trainGen) {
        s.training = undefined;
        this.trainingChanged.fire();
      }
    }
  }

  /** Backprop against central finite differences on every run of the spec (each sweep point), at the initial
   *  weights, one run after another; cancelling stops at the run in progress. */
  async check(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<CheckOutcome> {
    const text = await this.readText(uri);
    const key = `${uri.toString()}#check`;
    const planned = await this.client.planSpec(key, this.source(uri, text), 1).done;
    if (!planned.parse.spec) {
      this.showErrors(uri, planned.parse.errors, this.shapeOf(uri.toString()) ?? textShape(text));
      return { kind: 'invalid', errors: planned.parse.errors };
    }
    const runs: { label: string; report: GradientCheckReport }[] = [];
    for (const plan of planned.plans) {
      const request = this.client.check(key, { label: plan.label, config: plan.config });
      const listener = token?.onCancellationRequested(() => request.cancel());
      try {
        const report = await request.done;
        if (!report || token?.isCancellationRequested) return { kind: 'cancelled' };
        runs.push({ label: plan.label, report });
      } finally {
        listener?.dispose();
      }
    }
    return { kind: 'done', spec: planned.parse.spec, runs };
  }

  /** Cancels the spec's training (all trainings without a uri). */
  stop(uri?: string): void {
    for (const [key, s] of this.states) if (uri === undefined || key === uri) s.training?.cancel();
  }

  /** A spec changed on screen: its running training is stale. */
  cancelTraining(uri: string): void {
    const s = this.states.get(uri);
    if (!s?.training) return;
    s.trainGen++; // its answer is dropped
    s.training.cancel();
    s.training = undefined;
    this.trainingChanged.fire();
  }

  /** The spec closed or its file is gone: cancel its work, clear its diagnostics and results. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const s = this.states.get(key);
    if (s) {
      s.textGen++;
      s.trainGen++;
      s.training?.cancel();
      s.analysis?.cancel();
      const wasTraining = s.training !== undefined;
      this.states.delete(key);
      if (wasTraining) this.trainingChanged.fire();
    }
    this.problems.clear(uri);
    this.store.delete(key);
  }

  /** Resolves when the spec (every spec without a uri) has no analysis or training in flight. */
  async whenIdle(uri?: string, isPending: (uri: string) => boolean = () => false): Promise<void> {
    for (;;) {
      const states = uri === undefined ? [...this.states.entries()] : [[uri, this.states.get(uri)] as const];
      const busy = states.flatMap(([, s]) => (s ? [...s.busy] : []));
      const waiting = states.some(([k]) => isPending(k));
      if (busy.length === 0 && !waiting) return;
      if (busy.length > 0) await Promise.allSettled(busy);
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private state(key: string): SpecState {
    let s = this.states.get(key);
    if (!s) {
      s = { textGen: 0, trainGen: 0, busy: new Set() };
      this.states.set(key, s);
    }
    return s;
  }

  private track(s: SpecState, work: Promise<unknown>): void {
    const p = work.catch(() => undefined).finally(() => s.busy.delete(p));
    s.busy.add(p);
  }

  private source(uri: vscode.Uri, text: string): SpecSource {
    // Restricted Mode: a spec may name any CSV file; the worker reads it only once the workspace is trusted.
    const file = uri.scheme === 'file' ? uri.fsPath : uri.toString();
    return { text, file, format: specFormat(uri.path), trusted: vscode.workspace.isTrusted };
  }

  private thresholds(spec: NetworkSpec | undefined): Thresholds {
    return resolveThresholds({ ...this.config.value.thresholds, ...(spec?.diagnose ?? {}) });
  }

  private showErrors(uri: vscode.Uri, errors: SpecError[], shape: ReturnType<typeof textShape> | undefined): void {
    const key = uri.toString();
    const s = this.state(key);
    s.analysis?.cancel();
    s.analysis = undefined;
    this.store.update(key, this.thresholds(undefined), {
      spec: undefined,
      errors,
      status: 'error',
      kind: undefined,
      runs: [],
      findings: [],
      progress: undefined,
      message: undefined,
    });
    this.problems.set(uri, errors, [], undefined, shape);
  }

  private fail(key: string, thresholds: Thresholds, message: string): void {
    this.store.update(key, thresholds, { status: 'error', message, progress: undefined });
    this.log.error(`${key}: ${message}`);
  }

  private shapeOf(key: string): ReturnType<typeof textShape> | undefined {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    return doc ? documentShape(doc) : undefined;
  }

  private async readText(uri: vscode.Uri): Promise<string> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) return doc.getText();
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }

  private logRun(spec: NetworkSpec, runs: SpecRun[], ms: number, cancelled: boolean): void {
    const losses = runs
      .map((r) => `${r.label ? `${r.label}: ` : ''}${formatNumber(r.result.loss[0] ?? NaN)} → ${formatNumber(r.result.finalLoss)}`)
      .join('; ');
    const iterations = runs.map((r) => r.result.iterations).join('/');
    this.log.info(
      `trained ${spec.file}: ${runs.length} run${runs.length === 1 ? '' : 's'}, ${iterations} iterations, ${formatMs(ms)}, ` +
        `loss ${losses}${cancelled ? ' (cancelled)' : ''}`,
    );
  }

  dispose(): void {
    for (const s of this.states.values()) {
      s.training?.cancel();
      s.analysis?.cancel();
    }
    this.states.clear();
    this.trainingChanged.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
