// How the extension asks for runs (no 'vscode' import): recording budgets that keep a run's result small
// enough to send between threads and draw, whatever the spec's size.
import type { NetworkSpec } from '../spec/types';

/** Per-layer statistics kept per run: layers × recorded iterations stays below this many points. */
export const RECORD_BUDGET = 400_000;
/** The first iteration's h_k and g_k are kept (the seed tables) when batch × Σ units is at most this. */
export const TRACE_BUDGET = 50_000;

export function maxRecordedFor(spec: Pick<NetworkSpec, 'layerCount'>): number {
  return Math.max(16, Math.min(2000, Math.floor(RECORD_BUDGET / Math.max(1, spec.layerCount))));
}

export function wantsTrace(spec: Pick<NetworkSpec, 'entries' | 'data' | 'train'>): boolean {
  const units = spec.entries.reduce((s, e) => s + e.units * e.repeat, 0);
  const batch = spec.train.batchSize === 'full' ? spec.data.samples : Math.min(spec.train.batchSize, spec.data.samples);
  return batch * (units + spec.data.inputs) <= TRACE_BUDGET;
}

/** Iterations of an automatic rerun: the spec's own, capped by gradientLens.autoRunMaxIterations. */
export function autoRunIterations(specIterations: number, cap: number | undefined): number {
  return cap === undefined ? specIterations : Math.max(1, Math.min(specIterations, Math.floor(cap)));
}
