// The gradient check's table for the output channel and its one-line summary (no 'vscode' import). The
// verdicts, threshold and counts are the engine's (gradientCheck), the same the CLI's `check` prints.
import type { GradientCheckReport } from '../engine/types';
import { CHECK_COLUMNS, checkRow } from '../diagnostics';
import { formatNumber } from './format';

export function checkPassed(report: GradientCheckReport): boolean {
  return report.pass;
}

export function checkSummary(report: GradientCheckReport, name: string): string {
  const verdict = report.pass ? 'passed' : 'FAILED';
  const bad = report.layers.filter((l) => !l.pass).map((l) => l.index);
  const where = bad.length > 0 ? ` (layers ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''})` : '';
  const layers = `${report.layers.length} layer${report.layers.length === 1 ? '' : 's'}`;
  const entries = `${report.checked} entr${report.checked === 1 ? 'y' : 'ies'}`;
  const skipped = report.skipped > 0 ? `, ${report.skipped} skipped at a kink` : '';
  return (
    `Gradient check ${verdict} for ${name}: max relative error ${formatNumber(report.maxRelError)}${where} ` +
    `over ${layers}, ${entries}${skipped} (backprop vs central differences, ε = ${formatNumber(report.epsilon)}, ` +
    `PASS below ${formatNumber(report.threshold)})`
  );
}

export function checkTable(report: GradientCheckReport): string[] {
  const rows = [[...CHECK_COLUMNS.slice(0, -1), ''], ...report.layers.map(checkRow)];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((v, c) => (c === 0 ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join('  ').trimEnd());
}
