// Every message between the extension host, the training worker and the webviews, typed, in one place.
// Direction is in the union's name. Requests carry an `id`; every answer repeats it.
// The webview imports only this file (types only), so nothing here may import runtime code.
import type {
  GradientCheckReport,
  Progress,
  RunResult,
  Trace,
  TrainConfig,
} from './engine/types';
import type { Finding, RuleId, Severity, Thresholds } from './diagnostics/types';
import type { ParseResult, RunPlan } from './spec/types';

// ───────────────────────────── host ⇄ training worker ─────────────────────────────

export interface WorkerRun {
  label: string;
  config: TrainConfig;
}

export type HostToWorker =
  /** Train every run in order; progress at most every `progressMs` ms. */
  | { type: 'train'; id: number; runs: WorkerRun[]; progressMs: number }
  /** One forward and backward pass per run at the initial weights, no training (findings on edit). */
  | { type: 'analyze'; id: number; runs: WorkerRun[] }
  /** Backprop against central finite differences. */
  | { type: 'check'; id: number; run: WorkerRun }
  | { type: 'cancel'; id: number }
  /** Parse → plan (one iteration) → analyze → diagnose, all in the worker, so a keystroke costs the host
   *  nothing even when the spec reads a large CSV. `thresholds` are the user's settings (the spec's
   *  `diagnose:` overrides them). */
  | { type: 'analyzeSpec'; id: number; source: SpecSource; thresholds: Record<string, number> }
  /** Parse → plan for training; `iterations` caps the spec's count (automatic reruns; 1 for a gradient check). */
  | { type: 'planSpec'; id: number; source: SpecSource; iterations?: number };

export type WorkerToHost =
  | { type: 'progress'; id: number; run: number; progress: Progress; snapshot: RunResult }
  | { type: 'runDone'; id: number; run: number; result: RunResult }
  | { type: 'done'; id: number; results: RunResult[]; cancelled: boolean }
  | { type: 'checkDone'; id: number; report: GradientCheckReport }
  | { type: 'failed'; id: number; message: string }
  | { type: 'specAnalyzed'; id: number; parse: ParseResult; runs: WorkerRunResult[]; findings: Finding[]; thresholds: Thresholds }
  | { type: 'specPlanned'; id: number; parse: ParseResult; plans: RunPlan[] };

/** A spec's text as the editor has it, for the worker to parse. */
export interface SpecSource {
  text: string;
  file: string; // path (or URI string) used in messages and to resolve a CSV next to the spec
  format: 'yaml' | 'json';
  /** Workspace trust: when false a CSV named by the spec is not read (an error at the `csv:` value). */
  trusted: boolean;
}

export interface WorkerRunResult {
  label: string;
  result: RunResult;
}

// ───────────────────────────── host ⇄ gradient panel / side view ─────────────────────────────

export interface FirstLast {
  first: number;
  last: number;
}

export interface PanelLayer {
  index: number; // 1-based after repeats
  entry: number; // 0-based `layers:` entry it came from
  line: number; // 0-based line of that entry in the spec
  units: number;
  activation: string;
  gradNorm: FirstLast;
  deltaNorm: FirstLast;
  meanAbsActivation: FirstLast;
  saturation: FirstLast;
  deadShare: FirstLast;
  flags: RuleId[]; // rules that flag this layer
}

export interface PanelRun {
  label: string; // '' without a sweep
  iterations: number;
  loss: { iteration: number[]; value: number[] }; // decimated for drawing (first and last kept)
  finalLoss: number;
  layers: PanelLayer[];
  /** log₁₀ ‖∂J/∂W_k‖ per layer (rows) over decimated recorded iterations (columns); null where not finite/zero. */
  heatmap: { iterations: number[]; log10GradNorm: (number | null)[][] };
  trace?: Trace; // first iteration's h_k and g_k (seed 002 tables)
  findings: Finding[];
  stopped?: 'cancelled' | 'non-finite';
}

export type PanelStatus = 'empty' | 'analyzing' | 'training' | 'done' | 'error';

export interface PanelState {
  spec: { file: string; name: string; layerCount: number } | null;
  status: PanelStatus;
  message?: string; // error text or a hint ('Run Train Network to see the curves')
  runs: PanelRun[];
  previous: PanelRun[] | null; // the last run of the same spec, drawn faded
  thresholds: Thresholds;
  /** `label`: the run being trained ('' without a sweep). */
  progress?: { run: number; runs: number; label?: string; iteration: number; iterations: number; loss: number };
  /** 'analysis': the runs are one forward and backward pass at the initial weights (no loss curve yet). */
  kind?: 'training' | 'analysis';
}

/** 'csv': one row per layer; 'loss-csv': one row per iteration; 'json': the shape of `train --json`. */
export type ExportFormat = 'csv' | 'json' | 'loss-csv';

export type HostToWebview =
  | { type: 'state'; state: PanelState }
  /** Live: the progress line and (throttled) a partial run to redraw. */
  | { type: 'progress'; progress: NonNullable<PanelState['progress']>; run?: PanelRun }
  /** The gradientLens.exportRun command asks for a chart's PNG; the webview answers 'savePng' with the token. */
  | { type: 'requestPng'; chart: string; token: number };

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'revealLayer'; layer: number }
  | { type: 'revealFinding'; run: number; finding: number }
  | { type: 'train' }
  | { type: 'openPanel' } // from the side view
  | { type: 'export'; format: ExportFormat; run: number }
  /** `token`: the answer to a 'requestPng' ('' as dataUrl when the chart has nothing drawn). */
  | { type: 'savePng'; chart: string; dataUrl: string; token?: number };

export type { Finding, RuleId, Severity, Thresholds };
