// The ResultsStore implementation (contract: ./results.ts). Only the training side writes; views read.
// Events: every non-progress update fires at once; progress updates fire at most every 100 ms per spec.
import * as vscode from 'vscode';
import { Throttle } from './debounce';
import { withFinishedRun } from './finishedRuns';
import type { ResultsStore, SpecProgress, SpecResults, SpecRun } from './results';
import type { Thresholds } from '../diagnostics/types';

const PROGRESS_EVENT_MS = 100; // ≤ 10 progress events per second per spec (results.ts contract)

export class SpecStore implements ResultsStore {
  private readonly entries = new Map<string, SpecResults>();
  private readonly progressThrottles = new Map<string, Throttle<string>>();
  private readonly changed = new vscode.EventEmitter<string>();
  private readonly activeChanged = new vscode.EventEmitter<string | undefined>();
  private active: string | undefined;

  readonly onDidChange = this.changed.event;
  readonly onDidChangeActive = this.activeChanged.event;

  get activeUri(): string | undefined {
    return this.active;
  }

  get(uri: string): SpecResults | undefined {
    return this.entries.get(uri);
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  setActive(uri: string | undefined): void {
    if (uri === this.active) return;
    this.active = uri;
    this.activeChanged.fire(uri);
  }

  /** Merges `patch` into the spec's entry (creating it with `thresholds`), bumps its version, fires. */
  update(uri: string, thresholds: Thresholds, patch: Partial<Omit<SpecResults, 'uri' | 'version'>>): SpecResults {
    const prev = this.entries.get(uri);
    const next: SpecResults = {
      uri,
      version: (prev?.version ?? 0) + 1,
      spec: undefined,
      errors: [],
      status: 'idle',
      kind: undefined,
      runs: [],
      findings: [],
      thresholds,
      ...prev,
      ...patch,
    };
    next.version = (prev?.version ?? 0) + 1;
    this.entries.set(uri, next);
    this.progressThrottles.get(uri)?.clear(); // this event carries the newer state
    this.changed.fire(uri);
    return next;
  }

  /** Live progress of a training run; the event is throttled, the data is current at once. */
  setProgress(uri: string, progress: SpecProgress): void {
    const prev = this.entries.get(uri);
    if (!prev) return;
    this.entries.set(uri, { ...prev, version: prev.version + 1, progress });
    let throttle = this.progressThrottles.get(uri);
    if (!throttle) {
      throttle = new Throttle<string>(PROGRESS_EVENT_MS, (u) => this.changed.fire(u));
      this.progressThrottles.set(uri, throttle);
    }
    throttle.push(uri);
  }

  /** Run `index` of the training in progress finished: kept in `runs` at once (not throttled). */
  finishRun(uri: string, index: number, run: SpecRun): void {
    const prev = this.entries.get(uri);
    const next = prev && withFinishedRun(prev, index, run);
    if (!next) return;
    this.entries.set(uri, next);
    this.progressThrottles.get(uri)?.clear(); // this event carries the newer state
    this.changed.fire(uri);
  }

  delete(uri: string): void {
    this.progressThrottles.get(uri)?.clear();
    this.progressThrottles.delete(uri);
    if (!this.entries.delete(uri)) return;
    this.changed.fire(uri);
    if (this.active === uri) this.setActive(undefined);
  }

  dispose(): void {
    for (const t of this.progressThrottles.values()) t.clear();
    this.progressThrottles.clear();
    this.changed.dispose();
    this.activeChanged.dispose();
  }
}
