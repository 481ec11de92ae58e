// The gradient check's table for the output channel and its one-line summary (no 'vscode' import).
import type { GradientCheckReport } from '../engine/types';
import { formatNumber } from './format';

/** Relative error above which backprop and finite differences disagree (the CLI's `check` uses the same). */
export const CHECK_TOLERANCE = 1e-6;

export function checkPassed(report: GradientCheckReport): boolean {
  return report.layers.every((l) => l.weightRelError <= CHECK_TOLERANCE && (l.biasRelError ?? 0) <= CHECK_TOLERANCE);
}

export function checkSummary(report: GradientCheckReport, name: string): string {
  const verdict = checkPassed(report) ? 'passed' : 'FAILED';
  const bad = report.layers.filter((l) => Math.max(l.weightRelError, l.biasRelError ?? 0) > CHECK_TOLERANCE).map((l) => l.index);
  const where = bad.length > 0 ? ` (layers ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''})` : '';
  return (
    `Gradient check ${verdict} for ${name}: max relative error ${formatNumber(report.maxRelError)}${where} ` +
    `over ${report.layers.length} layer${report.layers.length === 1 ? '' : 's'} (backprop vs central differences, ε = ${formatNumber(report.epsilon)})`
  );
}

export function checkTable(report: GradientCheckReport): string[] {
  const rows = [['layer', 'weight rel. error', 'bias rel. error', 'max |∂J/∂w|', '']];
  for (const l of report.layers) {
    const ok = l.weightRelError <= CHECK_TOLERANCE && (l.biasRelError ?? 0) <= CHECK_TOLERANCE;
    rows.push([
      String(l.index),
      formatNumber(l.weightRelError),
      l.biasRelError === null ? '—' : formatNumber(l.biasRelError),
      formatNumber(l.maxAbsGrad),
      ok ? 'PASS' : 'FAIL',
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((v, c) => (c === 0 ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join('  ').trimEnd());
}
