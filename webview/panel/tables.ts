// The tables: the seed tables (h_{k,i} and g_{k,i} of the first iteration, in scientific notation, as the
// seed's solution prints them) and the per-layer values behind every bar (the keyboard's way to the bars:
// each layer number is a button that reveals the layer's line).
import type { PanelLayer, PanelRun } from '../../src/protocol';
import { percent, sciElement } from '../common/format';

const MAX_SAMPLES = 6;

type Cell = string | number | HTMLElement;

function row(cells: Cell[], header = false, className = ''): HTMLTableRowElement {
  const tr = document.createElement('tr');
  if (className) tr.className = className;
  cells.forEach((content, i) => {
    const td = document.createElement(header || i === 0 ? 'th' : 'td');
    if (header) td.setAttribute('scope', 'col');
    else if (i === 0) td.setAttribute('scope', 'row');
    if (content instanceof HTMLElement) td.append(content);
    else td.textContent = String(content);
    tr.append(td);
  });
  return tr;
}

const CHUNK_ROWS = 120; // rows built per task: a 1,000-layer table never blocks the page for long

/** Where a table is shown: the Tables tab, or the flow chart's table view on the Overview. */
export type TableSlot = 'tables' | 'flow';

const generations: Record<TableSlot, number> = { tables: 0, flow: 0 };

/** A table whose rows are built `CHUNK_ROWS` at a time, one task each, so the page stays responsive.
 *  A newer table of the same slot (another run, new data) stops the filling of an older one. */
function table(caption: string, head: Cell[], count: number, build: (i: number) => HTMLTableRowElement, slot: TableSlot): HTMLTableElement {
  const el = document.createElement('table');
  el.className = 'data';
  const cap = document.createElement('caption');
  cap.textContent = caption;
  const thead = document.createElement('thead');
  thead.append(row(head, true));
  const tbody = document.createElement('tbody');
  el.append(cap, thead, tbody);
  const mine = generations[slot];
  const fill = (from: number): void => {
    if (mine !== generations[slot]) return;
    const to = Math.min(count, from + CHUNK_ROWS);
    const rows: HTMLTableRowElement[] = [];
    for (let i = from; i < to; i++) rows.push(build(i));
    tbody.append(...rows);
    if (to < count) setTimeout(() => fill(to), 0);
  };
  fill(0);
  return el;
}

/** Call before building the tables of a new run: stops filling the previous ones of that slot. */
export function resetTables(slot: TableSlot = 'tables'): void {
  generations[slot]++;
}

/** A sample's row at layer k as one number: the value itself for a one-unit layer, else the row's 2-norm. */
function scalar(values: number[] | undefined): number | null {
  if (!values || values.length === 0) return null;
  if (values.length === 1) return values[0];
  return Math.hypot(...values);
}

function subscript(symbol: string, k: string, i: number): HTMLElement {
  const span = document.createElement('span');
  const sub = document.createElement('sub');
  sub.textContent = `${k},${i}`;
  span.append(symbol, sub);
  return span;
}

/** h_{k,i} and g_{k,i} for k = 0..L (h_0 is the input, g_0 does not exist) and the first samples i. */
export function seedTable(run: PanelRun): HTMLElement {
  const trace = run.trace;
  if (!trace) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent =
      run.layers.length > 0
        ? 'No first-iteration trace for this run (it is left out when it would exceed 100,000 numbers).'
        : 'No run yet.';
    return p;
  }
  const samples = Math.min(MAX_SAMPLES, trace.h[0]?.length ?? 0);
  const wide = trace.h.some((rows) => (rows[0]?.length ?? 0) > 1);
  const head: Cell[] = ['k'];
  for (let i = 1; i <= samples; i++) head.push(subscript(wide ? '‖h‖' : 'h', 'k', i));
  for (let i = 1; i <= samples; i++) head.push(subscript(wide ? '‖g‖' : 'g', 'k', i));
  const build = (k: number) => {
    const hk = trace.h[k];
    const gk = trace.g[k];
    const cells: Cell[] = [k];
    for (let i = 0; i < samples; i++) cells.push(sciElement(scalar(hk[i])));
    for (let i = 0; i < samples; i++) cells.push(gk ? sciElement(scalar(gk[i])) : '—');
    return row(cells);
  };
  const caption =
    `First iteration, samples 1–${samples}` +
    (wide ? ' (‖·‖: the 2-norm of the sample’s row, for layers wider than one unit)' : '') +
    '. g_{k,i} = ∂J/∂u_{k,i}.';
  return table(caption, head, trace.h.length, build, 'tables');
}

function flagText(layer: PanelLayer): string {
  return layer.flags.join(', ');
}

/** Every bar's value, one row per layer; the layer number reveals the layer's line in the spec. */
export function layerTable(run: PanelRun, onLayer: (layer: PanelLayer) => void, slot: TableSlot = 'tables'): HTMLElement {
  const head: Cell[] = ['layer', 'units', 'activation'];
  head.push('‖∂J/∂W‖ first', '‖∂J/∂W‖ last', '‖δ‖ first', '‖δ‖ last', 'mean |h| first', 'mean |h| last');
  head.push('saturated first', 'saturated last', 'flags');
  const build = (i: number) => {
    const layer = run.layers[i];
    const reveal = document.createElement('button');
    reveal.type = 'button';
    reveal.className = 'link';
    reveal.textContent = String(layer.index);
    reveal.title = layer.line >= 0 ? `Show line ${layer.line + 1} of the spec` : 'The spec does not parse right now';
    reveal.addEventListener('click', () => onLayer(layer));
    const cells: Cell[] = [reveal, layer.units, layer.activation];
    for (const metric of ['gradNorm', 'deltaNorm', 'meanAbsActivation'] as const) {
      cells.push(sciElement(layer[metric].first), sciElement(layer[metric].last));
    }
    cells.push(percent(layer.saturation.first), percent(layer.saturation.last), flagText(layer));
    return row(cells, false, layer.flags.length ? 'flagged' : '');
  };
  return table(`Per-layer values of ${run.label || 'the run'} (first and last iteration)`, head, run.layers.length, build, slot);
}
