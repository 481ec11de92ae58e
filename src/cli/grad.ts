// `grad`: the loss and every gradient at the initial weights, no update. With a sweep, the first run
// (a note on stderr says so). weightGrad has init.weights' orientation: one row per unit of layer k.
import { computeGradients, type GradientReport } from '../engine';
import { entryOfLayer, formatNumber } from '../diagnostics';
import { planRuns, type NetworkSpec } from '../spec';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { loadSpec } from './load';
import { renderColumns } from './table';

function frobenius(rows: readonly (readonly number[])[]): number {
  let s = 0;
  for (const row of rows) for (const v of row) s += v * v;
  return Math.sqrt(s);
}

function maxAbs(rows: readonly (readonly number[])[]): number {
  let m = 0;
  for (const row of rows) for (const v of row) m = Math.max(m, Math.abs(v));
  return m;
}

function gradText(spec: NetworkSpec, report: GradientReport): string {
  const rows = report.layers.map((l) => {
    const entry = entryOfLayer(spec, l.index);
    return {
      cells: [
        String(l.index),
        `${l.weightGrad.length}×${l.weightGrad[0]?.length ?? 0}`,
        entry ? String(entry.keyRange.start.line + 1) : '',
        formatNumber(frobenius(l.weightGrad)),
        formatNumber(maxAbs(l.weightGrad)),
        l.biasGrad ? formatNumber(frobenius([l.biasGrad])) : '—',
      ],
    };
  });
  const table = renderColumns(['layer', 'W shape', 'line', '‖∂J/∂W‖', 'max |∂J/∂W|', '‖∂J/∂b‖'], rows);
  return `J = ${formatNumber(report.loss)} at the initial weights\n\n${table}`;
}

export function runGrad(io: CliIo, args: CliArgs): number {
  const spec = loadSpec(io, args.spec);
  if (!spec) return 2;
  const plans = planRuns(spec);
  if (plans.length > 1) io.stderr(`gradient-lens: the spec sweeps ${plans.length} runs; showing the first (${plans[0].label})\n`);
  let report: GradientReport;
  try {
    report = computeGradients(plans[0].config);
  } catch (err) {
    io.stderr(`gradient-lens: ${(err as Error).message}\n`);
    return 1;
  }
  if (args.json) {
    const label = plans.length > 1 ? { label: plans[0].label } : {};
    io.stdout(JSON.stringify({ ...label, loss: report.loss, layers: report.layers }) + '\n');
  } else {
    io.stdout(gradText(spec, report));
  }
  return 0;
}
