// A plain-text table with column groups: a group's label spans its columns, groups are divided by ' │ '.
// Cells may carry colour codes (padding counts visible characters only).
import { visibleLength } from './io';

export interface Column {
  header: string;
  align: 'left' | 'right';
}

export interface ColumnGroup {
  label: string;
  columns: Column[];
}

/** A row of cells (one per column, across all groups), or a note printed across the whole width. */
export type Row = { cells: string[] } | { note: string };

const GAP = '  ';
const DIVIDER = ' │ ';

function pad(s: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(s)));
  return align === 'left' ? s + fill : fill + s;
}

export function renderTable(groups: readonly ColumnGroup[], rows: readonly Row[]): string {
  const columns = groups.flatMap((g) => g.columns);
  const widths = columns.map((c, i) =>
    Math.max(visibleLength(c.header), ...rows.map((r) => ('cells' in r ? visibleLength(r.cells[i] ?? '') : 0))),
  );
  // Widen a group's last column when its label is wider than its columns together.
  let start = 0;
  for (const g of groups) {
    const span = g.columns.reduce((s, _, i) => s + widths[start + i], 0) + GAP.length * (g.columns.length - 1);
    const need = visibleLength(g.label) - span;
    if (need > 0) widths[start + g.columns.length - 1] += need;
    start += g.columns.length;
  }
  const line = (cells: readonly string[], align: (i: number) => 'left' | 'right'): string => {
    const parts: string[] = [];
    let i = 0;
    for (const g of groups) {
      const group = g.columns.map((_, j) => pad(cells[i + j] ?? '', widths[i + j], align(i + j)));
      parts.push(group.join(GAP));
      i += g.columns.length;
    }
    return parts.join(DIVIDER).trimEnd();
  };
  const out: string[] = [];
  if (groups.some((g) => g.label)) {
    const labels: string[] = [];
    let i = 0;
    for (const g of groups) {
      const width = g.columns.reduce((s, _, j) => s + widths[i + j], 0) + GAP.length * (g.columns.length - 1);
      labels.push(pad(g.label, width, 'left'));
      i += g.columns.length;
    }
    out.push(labels.join(DIVIDER).trimEnd());
  }
  out.push(line(columns.map((c) => c.header), (i) => columns[i].align));
  for (const r of rows) out.push('cells' in r ? line(r.cells, (i) => columns[i].align) : r.note);
  return out.join('\n') + '\n';
}

/** A table without column groups; headers ending in '<' are left-aligned, the others right-aligned. */
export function renderColumns(headers: readonly string[], rows: readonly Row[]): string {
  const columns = headers.map((h): Column => (h.endsWith('<') ? { header: h.slice(0, -1), align: 'left' } : { header: h, align: 'right' }));
  return renderTable([{ label: '', columns }], rows);
}
