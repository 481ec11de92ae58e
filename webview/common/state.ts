// Small readings of a PanelState shared by the panel and the side view.
import type { Finding, PanelRun, PanelState } from '../../src/protocol';

const WEIGHT: Record<Finding['severity'], number> = { error: 1_000_000, warning: 1_000, info: 1 };

/** The run to show first: the one with the worst findings (errors, then warnings, then notes); the first on
 *  a tie. A sweep usually exists to show the run that fails next to the ones that do not. */
export function defaultRun(runs: PanelRun[]): number {
  let best = 0;
  let bestScore = -1;
  runs.forEach((run, i) => {
    const score = run.findings.reduce((sum, f) => sum + WEIGHT[f.severity], 0);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

export type StatusKind = 'empty' | 'busy' | 'done' | 'error' | 'stopped';

export function statusText(state: PanelState | null): { kind: StatusKind; text: string } {
  if (!state) return { kind: 'empty', text: 'Waiting for the extension…' };
  switch (state.status) {
    case 'empty':
      return { kind: 'empty', text: state.spec ? 'Not run yet' : 'No spec' };
    case 'analyzing':
      return { kind: 'busy', text: 'Analysing…' };
    case 'training':
      return { kind: 'busy', text: 'Training…' };
    case 'error':
      return { kind: 'error', text: 'Error' };
    case 'done': {
      const stopped = state.runs.find((r) => r.stopped);
      if (stopped) return { kind: 'stopped', text: stopped.stopped === 'cancelled' ? 'Stopped' : 'Stopped: non-finite value' };
      return { kind: 'done', text: state.kind === 'analysis' ? 'Initial weights' : 'Trained' };
    }
  }
}

function sameInitialValues(saved: PanelRun, fresh: PanelRun): boolean {
  return (
    saved.label === fresh.label &&
    saved.layers.length === fresh.layers.length &&
    Object.is(saved.loss.value[0], fresh.loss.value[0]) &&
    saved.layers.every((layer, k) => Object.is(layer.gradNorm.first, fresh.layers[k].gradNorm.first))
  );
}

/**
 * After a window reload the panel shows the state it saved, and the host (whose results live in memory) has at
 * most a fresh analysis at the initial weights. Keep the saved state while the host's is not news for it:
 * - nothing yet for the same spec (no runs, not training), or
 * - the initial-weights analysis of the same, unchanged spec: the same runs with the same first-iteration loss
 *   and ‖∂J/∂W_k‖, which a full-batch training of that very text starts from (so an edit, which changes
 *   them, shows at once; a mini-batch training differs at iteration 1 and gives way to the analysis).
 * A saved state of a training still in progress gives way too.
 */
export function keepsSavedState(saved: PanelState, incoming: PanelState): boolean {
  if (incoming.spec !== null && incoming.spec.file !== saved.spec?.file) return false;
  if (incoming.runs.length === 0) return incoming.status !== 'training';
  // A training cut short by the reload is not kept: its 'Training…' would never end.
  if (saved.kind !== 'training' || saved.status !== 'done') return false;
  if (incoming.kind !== 'analysis' || incoming.runs.length !== saved.runs.length) return false;
  return incoming.runs.every((run, i) => sameInitialValues(saved.runs[i], run));
}
