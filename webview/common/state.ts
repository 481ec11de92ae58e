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
