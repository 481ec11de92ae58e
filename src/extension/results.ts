// The extension's one source of truth about specs and their runs. The training side (commands, worker
// client, Problems, hovers, CodeLens, status bar) writes it; the views (gradient panel, side view) read it.
import type * as vscode from 'vscode';
import type { RunResult } from '../engine/types';
import type { Finding, Thresholds } from '../diagnostics/types';
import type { NetworkSpec, SpecError } from '../spec/types';

export type SpecStatus = 'idle' | 'analyzing' | 'training' | 'done' | 'error';

export interface SpecRun {
  label: string;
  result: RunResult;
}

export interface SpecProgress {
  run: number; // 0-based index of the run being trained
  runs: number;
  label?: string; // the run's label ('' without a sweep); absent from writers that do not know it
  iteration: number;
  iterations: number;
  loss: number;
  snapshot?: RunResult; // partial result of the run being trained (throttled)
}

export interface SpecResults {
  uri: string; // vscode.Uri.toString()
  version: number; // bumps on every change, so views can skip redundant redraws
  spec: NetworkSpec | undefined; // undefined while the text does not parse
  errors: SpecError[];
  status: SpecStatus;
  /** 'training' (a full run) or 'analysis' (initial weights only: one forward and backward pass). */
  kind: 'training' | 'analysis' | undefined;
  /** While training: the finished runs of the current request (0…progress.run − 1), then all of them. */
  runs: SpecRun[];
  findings: Finding[];
  thresholds: Thresholds;
  progress?: SpecProgress;
  previousRuns?: SpecRun[]; // the last full training of the same spec before this one
  message?: string; // a failure's text
}

export interface ResultsStore extends vscode.Disposable {
  get(uri: string): SpecResults | undefined;
  /** The spec the user is looking at: the active editor's, or the last active one. */
  readonly activeUri: string | undefined;
  /** Fires with the uri whose results changed (progress included, throttled to ≤ 10 per second). */
  readonly onDidChange: vscode.Event<string>;
  readonly onDidChangeActive: vscode.Event<string | undefined>;
}
