// While a sweep trains, the results store keeps the runs of the current request that are already finished, so
// a view opened mid-training shows them (and their labels) instead of only the run being trained.
// Pure (no vscode): the store calls it, unit tests call it directly.
import type { SpecResults, SpecRun } from './results';

/**
 * The entry after run `index` (0-based) of the training in progress finished with `run`; undefined when the
 * entry is not training any more (a late answer of a request that was superseded or has already settled).
 * Runs finish in order, so runs 0…index−1 are already there; anything beyond `index` is dropped.
 */
export function withFinishedRun(prev: SpecResults, index: number, run: SpecRun): SpecResults | undefined {
  if (prev.status !== 'training' || index < 0 || index > prev.runs.length) return undefined;
  const runs = [...prev.runs.slice(0, index), run];
  return { ...prev, version: prev.version + 1, runs };
}
