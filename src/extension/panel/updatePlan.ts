// What a view needs after the store changed: nothing, a progress line (with, for the live panel, the run being
// trained), or the full state. Pure, so the decision is unit-tested without an editor.
import type { HostToWebview } from '../../protocol';
import type { SpecResults } from '../results';
import { buildPanelRun, buildPanelState, panelProgress, type PanelBuildOptions } from './panelState';

/** What the webview already has: when any of it differs, only a full state will do. */
export interface ShownSummary {
  uri: string | undefined;
  version: number | undefined;
  status: SpecResults['status'] | undefined;
  kind: SpecResults['kind'];
  runs: number;
  findings: number;
  previous: number;
}

export function summarize(uri: string | undefined, results: SpecResults | undefined): ShownSummary {
  return {
    uri,
    version: results?.version,
    status: results?.status,
    kind: results?.kind,
    runs: results?.runs.length ?? 0,
    findings: results?.findings.length ?? 0,
    previous: results?.previousRuns?.length ?? 0,
  };
}

/** True when the change is only training progress: same spec, still training, same finished runs. */
export function isProgressOnly(shown: ShownSummary | undefined, next: ShownSummary): boolean {
  return (
    shown !== undefined &&
    shown.uri === next.uri &&
    shown.status === 'training' &&
    next.status === 'training' &&
    shown.kind === next.kind &&
    shown.runs === next.runs &&
    shown.findings === next.findings &&
    shown.previous === next.previous
  );
}

/** Live runs are sent up to 10 times a second: a coarser heatmap keeps each message small (the full one
 *  comes with the state when the run is done). */
export const LIVE_HEATMAP_COLUMNS = 64;

export interface PlanOptions {
  limits: PanelBuildOptions;
  /** Send the run being trained with each progress message (the panel); false: the progress line only. */
  live: boolean;
}

/**
 * The message that brings a view from `shown` to the store's current `results` for `uri`, or undefined when
 * the view is already up to date (same version).
 */
export function planUpdate(
  shown: ShownSummary | undefined,
  uri: string | undefined,
  results: SpecResults | undefined,
  options: PlanOptions,
): { message: HostToWebview; summary: ShownSummary } | undefined {
  const next = summarize(uri, results);
  if (shown && shown.uri === next.uri && shown.version === next.version && next.version !== undefined) return undefined;
  if (results?.progress && isProgressOnly(shown, next)) {
    const progress = panelProgress(results.spec, results.progress);
    const { snapshot } = results.progress;
    const message: HostToWebview = { type: 'progress', progress };
    if (options.live && snapshot) {
      const label = progress.label;
      const limits = { ...options.limits, maxHeatmapColumns: Math.min(options.limits.maxHeatmapColumns, LIVE_HEATMAP_COLUMNS) };
      message.run = buildPanelRun({ label, result: snapshot }, { spec: results.spec, findings: [] }, limits);
    }
    return { message, summary: next };
  }
  return { message: { type: 'state', state: buildPanelState(results, options.limits) }, summary: next };
}
