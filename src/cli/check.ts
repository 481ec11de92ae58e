// `check`: backprop against central finite differences at the initial weights, per layer and per run. The
// verdict is the engine's (gradientCheck): a layer passes when every checked entry's relative error is below
// its threshold (1e-6); entries whose difference stencil straddles a kink of an activation at every step the
// engine tries are skipped and counted, not failed. Any failing layer makes the exit status 1.
import { CHECK_THRESHOLD, DEFAULT_CHECK_EPSILON, gradientCheck, type GradientCheckReport } from '../engine';
import { CHECK_COLUMNS, checkRow, formatNumber } from '../diagnostics';
import { planRuns } from '../spec';
import type { CliArgs } from './args';
import { paint, useColor, type CliIo } from './io';
import { loadSpec } from './load';
import { renderColumns } from './table';

interface CheckedRun {
  label: string;
  report: GradientCheckReport;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function checkText(runs: readonly CheckedRun[], io: CliIo): string {
  const p = paint(useColor(io));
  return runs
    .map(({ label, report }) => {
      const rows = report.layers.map((l) => {
        const cells = checkRow(l);
        cells[cells.length - 1] = l.pass ? p.green('PASS') : p.red('FAIL');
        return { cells };
      });
      const title =
        `${label ? `${p.bold(label)}: ` : ''}backprop vs central differences (ε = ${formatNumber(report.epsilon)}), ` +
        `PASS below ${formatNumber(report.threshold)}`;
      const table = renderColumns([...CHECK_COLUMNS.slice(0, -1), `${CHECK_COLUMNS[CHECK_COLUMNS.length - 1]}<`], rows);
      const failed = report.layers.filter((l) => !l.pass).length;
      const verdict = failed ? p.red(`${plural(failed, 'layer')} FAIL`) : p.green('all layers PASS');
      const skipped = report.skipped > 0 ? `, ${report.skipped} skipped (a kink within the stencil at every step)` : '';
      return `${title}\n${table}max relative error ${formatNumber(report.maxRelError)} over ${report.checked} entr${report.checked === 1 ? 'y' : 'ies'}${skipped}: ${verdict}\n`;
    })
    .join('\n');
}

export function runCheck(io: CliIo, args: CliArgs): number {
  const spec = loadSpec(io, args.spec);
  if (!spec) return 2;
  const runs: CheckedRun[] = [];
  for (const plan of planRuns(spec)) {
    try {
      runs.push({ label: plan.label, report: gradientCheck(plan.config) });
    } catch (err) {
      io.stderr(`gradient-lens: ${plan.label ? `${plan.label}: ` : ''}${(err as Error).message}\n`);
      return 1;
    }
  }
  const pass = runs.every((r) => r.report.pass);
  if (args.json) {
    const out = {
      spec: args.spec,
      threshold: CHECK_THRESHOLD,
      epsilon: DEFAULT_CHECK_EPSILON,
      pass,
      runs: runs.map(({ label, report }) => ({
        label,
        maxRelError: report.maxRelError,
        checked: report.checked,
        skipped: report.skipped,
        narrowed: report.narrowed,
        pass: report.pass,
        layers: report.layers,
      })),
    };
    io.stdout(JSON.stringify(out) + '\n');
  } else {
    io.stdout(checkText(runs, io));
  }
  return pass ? 0 : 1;
}
