// Text of the verdict CodeLens and the status-bar item (no 'vscode' import).
import type { SpecResults } from './results';
import { formatNumber } from './format';

export interface VerdictText {
  /** Short text with a codicon, e.g. '$(warning) vanishing in layers 1–60'. */
  text: string;
  tooltip: string;
}

/** The verdict says 'healthy' or names the problems; anything else (training, errors) is a state line. */
export function verdictText(results: SpecResults | undefined, verdict: (r: SpecResults) => string): VerdictText | undefined {
  if (!results) return undefined;
  const name = results.spec?.name ?? 'this spec';
  if (results.status === 'error') {
    const n = results.errors.length;
    if (n > 0) return { text: `$(error) ${n} spec error${n === 1 ? '' : 's'}`, tooltip: `${name}: fix the spec errors (see Problems) to analyze it` };
    return { text: '$(error) run failed', tooltip: results.message ?? 'The last run failed' };
  }
  if (results.status === 'training' && results.progress) {
    const p = results.progress;
    const run = p.runs > 1 ? `run ${p.run + 1}/${p.runs} · ` : '';
    return {
      text: `$(sync~spin) training ${run}${p.iteration}/${p.iterations} · loss ${formatNumber(p.loss)}`,
      tooltip: `Training ${name}; click to open the gradient panel`,
    };
  }
  if (results.status === 'training') return { text: '$(sync~spin) training…', tooltip: `Training ${name}` };
  if (results.kind === undefined || results.runs.length === 0) {
    return results.status === 'analyzing' ? { text: '$(sync~spin) analyzing…', tooltip: `Analyzing ${name}` } : undefined;
  }
  const v = verdict(results);
  const healthy = v === 'healthy';
  const icon = healthy ? '$(pass)' : results.findings.some((f) => f.severity === 'error') ? '$(error)' : '$(warning)';
  const when = results.kind === 'analysis' ? 'at init: ' : '';
  const what =
    results.kind === 'analysis'
      ? 'at the initial weights (one forward and backward pass; Train Network for the full picture)'
      : `after training (${results.runs.map((r) => r.result.iterations).join(', ')} iterations)`;
  return { text: `${icon} ${when}${v}`, tooltip: `${name}: ${v} ${what}. Click to open the gradient panel.` };
}
