// Builds what the gradient panel and the side view draw (PanelState, PanelRun) from the results store.
// Pure data in, plain JSON-safe data out: no vscode at run time, so it is unit-tested directly.
//
// Conventions: layer indices are 1-based after repeats (as in the engine); lines are 0-based (as VS Code
// counts); a PanelLayer's line is −1 when the spec does not parse right now (nothing to reveal).
import type { LayerRecord, RunResult, Trace } from '../../engine/types';
import type { Finding, RuleId, Thresholds } from '../../diagnostics/types';
import type { FirstLast, PanelLayer, PanelRun, PanelState, PanelStatus } from '../../protocol';
import type { NetworkSpec } from '../../spec/types';
import type { SpecProgress, SpecResults, SpecRun } from '../results';
import { DEFAULT_THRESHOLDS } from '../../diagnostics/thresholds';
import { evenIndices, minMaxIndices } from './decimate';

export interface PanelBuildOptions {
  /** Loss points per run at most (min–max decimated; first and last kept). */
  maxLossPoints: number;
  /** Heatmap columns (recorded iterations) at most (evenly spaced; first and last kept). */
  maxHeatmapColumns: number;
  /** A first-iteration trace with more numbers than this is left out (the tables would be unreadable). */
  maxTraceValues: number;
  /** Previous runs are drawn faded as loss curves only: no heatmap, no trace. */
  lightPrevious: boolean;
}

export const PANEL_LIMITS: PanelBuildOptions = {
  maxLossPoints: 2000,
  maxHeatmapColumns: 256,
  maxTraceValues: 100_000,
  lightPrevious: true,
};

/** The side view draws only the verdict, the first-iteration bars and the findings. */
export const SIDE_VIEW_LIMITS: PanelBuildOptions = {
  maxLossPoints: 200,
  maxHeatmapColumns: 0,
  maxTraceValues: 0,
  lightPrevious: true,
};

/** log₁₀ x, or null where it cannot be drawn on a log axis (zero, negative, NaN, ±Infinity). Rounded to
 *  1e-3 decades: plenty for a colour, and it keeps a 1000 × 256 heatmap small on the wire. */
export function log10OrNull(x: number): number | null {
  if (!(x > 0) || !Number.isFinite(x)) return null;
  return Math.round(Math.log10(x) * 1000) / 1000;
}

function firstLast(series: number[]): FirstLast {
  return { first: series.length > 0 ? series[0] : NaN, last: series.length > 0 ? series[series.length - 1] : NaN };
}

/** The rules that flag each layer: flags[k − 1] for layer k. Only findings of this run count. */
export function layerFlags(findings: Finding[], layerCount: number): RuleId[][] {
  const flags: RuleId[][] = Array.from({ length: layerCount }, () => []);
  for (const finding of findings) {
    if (!finding.layers) continue;
    const from = Math.max(1, finding.layers[0]);
    const to = Math.min(layerCount, finding.layers[1]);
    for (let k = from; k <= to; k++) if (!flags[k - 1].includes(finding.rule)) flags[k - 1].push(finding.rule);
  }
  return flags;
}

/** Where layer k came from: its `layers:` entry and that entry's first line (0-based). */
export function layerSource(spec: NetworkSpec | undefined, layer: number): { entry: number; line: number } {
  const entry = spec?.entries.find((e) => layer >= e.firstLayer && layer <= e.lastLayer);
  return entry ? { entry: entry.entry, line: entry.keyRange.start.line } : { entry: -1, line: -1 };
}

function panelLayer(record: LayerRecord, spec: NetworkSpec | undefined, flags: RuleId[]): PanelLayer {
  const source = layerSource(spec, record.index);
  return {
    index: record.index,
    entry: source.entry,
    line: source.line,
    units: record.units,
    activation: record.activation,
    gradNorm: firstLast(record.gradNorm),
    deltaNorm: firstLast(record.deltaNorm),
    meanAbsActivation: firstLast(record.meanAbsActivation),
    saturation: firstLast(record.saturation),
    deadShare: firstLast(record.deadShare),
    flags,
  };
}

function traceSize(trace: Trace): number {
  let n = 0;
  for (const rows of trace.h) for (const row of rows) n += row.length;
  return 2 * n;
}

function heatmap(result: RunResult, maxColumns: number): PanelRun['heatmap'] {
  if (maxColumns <= 0) return { iterations: [], log10GradNorm: [] };
  const columns = evenIndices(result.recorded.length, maxColumns);
  return {
    iterations: columns.map((c) => result.recorded[c]),
    log10GradNorm: result.layers.map((layer) => columns.map((c) => log10OrNull(layer.gradNorm[c] ?? NaN))),
  };
}

export interface RunContext {
  spec: NetworkSpec | undefined;
  findings: Finding[]; // all findings of the spec; the run's own are picked by label
}

export function buildPanelRun(run: SpecRun, context: RunContext, options: PanelBuildOptions): PanelRun {
  const { result } = run;
  const findings = context.findings.filter((f) => f.run === run.label);
  const flags = layerFlags(findings, result.layers.length);
  const lossIndices = minMaxIndices(result.loss, options.maxLossPoints);
  const out: PanelRun = {
    label: run.label,
    iterations: result.iterations,
    loss: { iteration: lossIndices.map((i) => i + 1), value: lossIndices.map((i) => result.loss[i]) },
    finalLoss: result.finalLoss,
    layers: result.layers.map((record, i) => panelLayer(record, context.spec, flags[i])),
    heatmap: heatmap(result, options.maxHeatmapColumns),
    findings,
  };
  if (result.trace && options.maxTraceValues > 0 && traceSize(result.trace) <= options.maxTraceValues) {
    out.trace = result.trace;
  }
  if (result.stopped) out.stopped = result.stopped;
  return out;
}

/** The label of the run being trained: the one the progress carries (the spec reader's plan label), else a
 *  guess for writers that leave it out: sweeps of one axis are labelled `path=value` by the spec reader;
 *  otherwise a neutral name until the run is done. */
export function liveLabel(spec: NetworkSpec | undefined, progress: SpecProgress): string {
  return progress.label ?? progressLabel(spec, progress.run, progress.runs);
}

export function progressLabel(spec: NetworkSpec | undefined, run: number, runs: number): string {
  if (runs <= 1 && (!spec || spec.sweep.length === 0)) return '';
  if (spec && spec.sweep.length === 1 && run < spec.sweep[0].values.length) {
    return `${spec.sweep[0].path}=${String(spec.sweep[0].values[run])}`;
  }
  return `run ${run + 1} of ${runs}`;
}

/** The progress line the webviews show (no snapshot: the run itself travels separately). */
export function panelProgress(spec: NetworkSpec | undefined, progress: SpecProgress): NonNullable<PanelState['progress']> & { label: string } {
  const { run, runs, iteration, iterations, loss } = progress;
  return { run, runs, label: liveLabel(spec, progress), iteration, iterations, loss };
}

/** The runs to draw: finished runs, then (while training) the partial run from the latest snapshot. */
function currentRuns(results: SpecResults): SpecRun[] {
  const progress = results.progress;
  if (results.status !== 'training' || !progress) return results.runs;
  const done = results.runs.slice(0, progress.run);
  if (!progress.snapshot) return done;
  return [...done, { label: liveLabel(results.spec, progress), result: progress.snapshot }];
}

function statusOf(results: SpecResults): PanelStatus {
  switch (results.status) {
    case 'analyzing':
    case 'training':
    case 'done':
    case 'error':
      return results.status;
    default:
      return results.runs.length > 0 ? 'done' : 'empty';
  }
}

function messageOf(results: SpecResults, status: PanelStatus): string | undefined {
  if (results.message) return results.message;
  if (!results.spec && results.errors.length > 0) {
    const first = results.errors[0];
    const more = results.errors.length > 1 ? ` (and ${results.errors.length - 1} more)` : '';
    return `Line ${first.range.start.line + 1}: ${first.message}${more}`;
  }
  if (status === 'empty') return 'Run Train Network to see the curves.';
  if (results.kind === 'analysis' && status === 'done') {
    return 'Initial weights only (one forward and backward pass). Run Train Network to see the loss curves.';
  }
  return undefined;
}

function baseName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** The state for no spec at all (no spec editor has been active yet). */
export function emptyPanelState(thresholds: Thresholds = DEFAULT_THRESHOLDS): PanelState {
  return {
    spec: null,
    status: 'empty',
    message: 'Open a network spec (*.nn.yaml or *.nn.json) to see its gradients.',
    runs: [],
    previous: null,
    thresholds,
  };
}

export function buildPanelState(
  results: SpecResults | undefined,
  options: PanelBuildOptions = PANEL_LIMITS,
): PanelState {
  if (!results) return emptyPanelState();
  const status = statusOf(results);
  const context: RunContext = { spec: results.spec, findings: results.findings };
  const runs = currentRuns(results).map((run) => buildPanelRun(run, context, options));
  const previousOptions = options.lightPrevious
    ? { ...options, maxHeatmapColumns: 0, maxTraceValues: 0 }
    : options;
  const previous = results.previousRuns?.length
    ? results.previousRuns.map((run) => buildPanelRun(run, { spec: results.spec, findings: [] }, previousOptions))
    : null;
  const state: PanelState = {
    spec: {
      file: results.uri,
      name: results.spec?.name ?? baseName(results.uri),
      layerCount: results.spec?.layerCount ?? runs[0]?.layers.length ?? 0,
    },
    status,
    runs,
    previous,
    thresholds: results.thresholds,
    kind: results.kind,
  };
  const message = messageOf(results, status);
  if (message !== undefined) state.message = message;
  if (results.progress) {
    state.progress = panelProgress(results.spec, results.progress);
  }
  return state;
}
