// `train` for people: a header, one table of the layers with the runs side by side (‖∂J/∂W‖ at the first and
// the last iteration, flags), the findings of each run, then the loss at the start and the end.
// Long repeated entries are shortened: consecutive layers whose cells read the same merge into one row
// ('4–96'), and of the rest only the entry's first and last three layers, every tenth layer, and the first
// and last layer of every flagged stretch are shown; '⋮' marks what is left out.
import { entryOfLayer, formatNumber, verdict, type Finding, type RuleId } from '../diagnostics';
import type { NetworkSpec } from '../spec';
import type { Paint } from './io';
import type { TrainedRun } from './runs';
import { renderTable, type ColumnGroup, type Row } from './table';

/** One letter per layer rule in the flags column. */
const FLAG: Partial<Record<RuleId, string>> = {
  'vanishing-gradient': 'V',
  'exploding-gradient': 'X',
  'vanishing-activation': 'A',
  'saturated-activation': 'S',
  'dead-units': 'D',
  'non-finite': 'N',
};

const FLAG_NAME: Record<string, string> = {
  V: 'vanishing gradient',
  X: 'exploding gradient',
  A: 'vanishing activation',
  S: 'saturated',
  D: 'dead units',
  N: 'non-finite',
};

/** Below this many layers every layer gets its own row. */
const SHOW_ALL_UP_TO = 30;

function flagsOf(findings: readonly Finding[], layer: number): { text: string; worst?: Finding['severity'] } {
  let text = '';
  let worst: Finding['severity'] | undefined;
  for (const f of findings) {
    const letter = FLAG[f.rule];
    if (!letter || !f.layers || layer < f.layers[0] || layer > f.layers[1] || text.includes(letter)) continue;
    text += letter;
    if (f.severity === 'error' || (f.severity === 'warning' && worst !== 'error')) worst = f.severity;
    else worst ??= f.severity;
  }
  return { text, worst };
}

interface LayerRow {
  first: number;
  last: number;
  cells: string[]; // without the layer column
  key: boolean; // must stay visible
}

function layerRows(spec: NetworkSpec, runs: readonly TrainedRun[], p: Paint): { rows: LayerRow[]; used: Set<string> } {
  const used = new Set<string>();
  const layers = runs[0].result.layers;
  const keys = new Set<number>();
  for (const e of spec.entries) {
    for (let k = e.firstLayer; k <= e.lastLayer; k++) {
      const fromStart = k - e.firstLayer;
      const step = Math.ceil(e.repeat / 10);
      if (fromStart < 3 || e.lastLayer - k < 3 || (e.repeat > SHOW_ALL_UP_TO && (fromStart + 1) % step === 0)) keys.add(k);
    }
  }
  for (const r of runs) for (const f of r.findings) if (f.layers) f.layers.forEach((k) => keys.add(k));
  const rows: LayerRow[] = [];
  for (const layer of layers) {
    const cells = [String(layer.units), layer.activation];
    for (const r of runs) {
      const l = r.result.layers[layer.index - 1];
      const { text, worst } = flagsOf(r.findings, layer.index);
      for (const letter of text) used.add(letter);
      const tone = worst === 'error' ? p.red : worst === 'warning' ? p.yellow : (s: string) => s;
      cells.push(tone(formatNumber(l.gradNorm[0])), tone(formatNumber(l.gradNorm[l.gradNorm.length - 1])), tone(text));
    }
    const prev = rows[rows.length - 1];
    const sameEntry = prev && entryOfLayer(spec, prev.last) === entryOfLayer(spec, layer.index);
    if (prev && sameEntry && prev.cells.join('\0') === cells.join('\0')) {
      prev.last = layer.index;
      prev.key ||= keys.has(layer.index);
    } else {
      rows.push({ first: layer.index, last: layer.index, cells, key: keys.has(layer.index) });
    }
  }
  return { rows, used };
}

function layerTable(spec: NetworkSpec, runs: readonly TrainedRun[], p: Paint): string {
  const { rows: all, used } = layerRows(spec, runs, p);
  const showAll = spec.layerCount <= SHOW_ALL_UP_TO;
  const rows: Row[] = [];
  let hidden = 0;
  for (const r of all) {
    if (!showAll && !r.key) {
      hidden += r.last - r.first + 1;
      continue;
    }
    if (hidden > 0) rows.push({ note: p.dim(`  ⋮  ${hidden} layer${hidden === 1 ? '' : 's'}`) });
    hidden = 0;
    rows.push({ cells: [r.first === r.last ? String(r.first) : `${r.first}–${r.last}`, ...r.cells] });
  }
  if (hidden > 0) rows.push({ note: p.dim(`  ⋮  ${hidden} layers`) });
  const groups: ColumnGroup[] = [
    {
      label: '',
      columns: [
        { header: 'layer', align: 'right' },
        { header: 'units', align: 'right' },
        { header: 'activation', align: 'left' },
      ],
    },
    ...runs.map((r) => ({
      label: runs.length > 1 ? p.bold(r.label || 'run') : '',
      columns: [
        { header: '‖∂J/∂W‖ first', align: 'right' as const },
        { header: 'last', align: 'right' as const },
        { header: 'flags', align: 'left' as const },
      ],
    })),
  ];
  const letters = Object.keys(FLAG_NAME).filter((letter) => used.has(letter));
  const legend = letters.length ? p.dim(`flags: ${letters.map((l) => `${l} ${FLAG_NAME[l]}`).join(', ')}`) + '\n' : '';
  return renderTable(groups, rows) + legend;
}

function severityTone(p: Paint, severity: Finding['severity']): (s: string) => string {
  return severity === 'error' ? p.red : severity === 'warning' ? p.yellow : p.cyan;
}

function findingsText(runs: readonly TrainedRun[], p: Paint): string {
  const out: string[] = [];
  for (const r of runs) {
    const title = runs.length > 1 ? `findings (${r.label}):` : 'findings:';
    if (r.findings.length === 0) {
      out.push(`${p.bold(title)} none`);
      continue;
    }
    out.push(p.bold(title));
    for (const f of r.findings) {
      out.push(`  ${severityTone(p, f.severity)(f.severity.padEnd(7))}  line ${f.line}: ${f.message}`);
      if (f.fix) out.push(`  ${' '.repeat(7)}  ${p.dim(`fix: ${f.fix}`)}`);
    }
  }
  return out.join('\n') + '\n';
}

function lossText(spec: NetworkSpec, runs: readonly TrainedRun[], p: Paint): string {
  const width = Math.max(...runs.map((r) => r.label.length));
  const lines = runs.map((r) => {
    const { result } = r;
    const start = `J = ${formatNumber(result.loss[0])} at iteration 1`;
    const end = result.stopped
      ? `stopped at iteration ${result.nonFinite?.iteration ?? result.iterations} (${result.stopped})`
      : `${formatNumber(result.finalLoss)} after ${result.iterations} iteration${result.iterations === 1 ? '' : 's'}`;
    const summary = verdict(r.findings, spec.layerCount);
    const tone = summary === 'healthy' ? p.green : r.findings.some((f) => f.severity === 'error') ? p.red : p.yellow;
    const label = runs.length > 1 ? `${r.label.padEnd(width)}  ` : '';
    return `  ${label}${start} → ${end}   ${tone(summary)}`;
  });
  return `${p.bold('loss:')}\n${lines.join('\n')}\n`;
}

/** Per run: λ_max at the initial weights and the learning rate below which plain GD is stable (2/λ_max). */
function stabilityText(runs: readonly TrainedRun[], p: Paint): string {
  const width = Math.max(...runs.map((r) => r.label.length));
  const lines = runs.map((r) => {
    const label = runs.length > 1 ? `${r.label.padEnd(width)}  ` : '';
    const s = r.result.sharpness;
    const lr = r.config.learningRate;
    if (!s) return `  ${label}stability at init: not estimated (too costly, or no positive curvature of J at the initial weights)`;
    const gd = r.config.optimizer.kind === 'sgd' ? '' : `; a bound for plain gradient descent, not ${r.config.optimizer.kind}`;
    const now = `(now ${formatNumber(lr)}${gd})`;
    const line = `stability at init: λ_max ≈ ${formatNumber(s.lambdaMax)} → stable for learningRate < ${formatNumber(s.stableBelow)} ${now}`;
    return `  ${label}${lr > s.stableBelow && !gd ? p.yellow(line) : line}`;
  });
  return lines.join('\n') + '\n';
}

export function trainText(specPath: string, spec: NetworkSpec, runs: readonly TrainedRun[], p: Paint): string {
  const t = runs[0].config;
  const optimizer = `${t.optimizer.kind}, learning rate ${formatNumber(t.learningRate)}`;
  const header =
    `${p.bold(spec.name)} (${specPath})\n` +
    `${spec.layerCount} layer${spec.layerCount === 1 ? '' : 's'}, ${spec.params} parameters · loss ${spec.loss} · ` +
    `${optimizer} · ${t.iterations} iterations` +
    (runs.length > 1 ? ` · ${runs.length} runs` : '') +
    '\n\n';
  return `${header}${layerTable(spec, runs, p)}\n${findingsText(runs, p)}\n${stabilityText(runs, p)}\n${lossText(spec, runs, p)}`;
}
