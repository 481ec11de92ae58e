// Numeric lists and matrices written in a spec (init weights, inline data): every cell a finite number,
// rows of equal width. Errors are capped per matrix so a huge bad matrix stays readable.
import { isScalar, isSeq } from 'yaml';
import type { Field, Reader, YNode } from './reader';

const MAX_CELL_ERRORS = 20;

export interface MatrixRead {
  rows: number[][];
  /** Width of every row (of the first row when ragged rows were reported). */
  width: number;
  /** Node of each row, for errors about one row. */
  rowNodes: (YNode | null)[];
  ok: boolean;
}

/** A finite number cell, or undefined after reporting it. */
function cell(reader: Reader, node: YNode | null, where: string, path: string, budget: { left: number }): number | undefined {
  const n = reader.resolve(node);
  const v = isScalar(n) ? n.value : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (budget.left-- > 0 && n) {
    const what = typeof v === 'number' ? 'a finite number' : 'a number';
    reader.error(n, `${where} must be ${what}, got ${reader.describe(n)}`, path);
  }
  return undefined;
}

/** A list of finite numbers (`bias: [0.1, 0.2]`). */
export function readVector(reader: Reader, field: Field): number[] | undefined {
  const items = reader.items(field);
  if (!items) return undefined;
  const budget = { left: MAX_CELL_ERRORS };
  const out: number[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const v = cell(reader, item.node, `${field.path}[${i}]`, field.path, budget);
    if (v === undefined) ok = false;
    else out.push(v);
  });
  return ok ? out : undefined;
}

/**
 * A list of rows of finite numbers. With `flatWidthOne`, a flat list of numbers is read as rows of one
 * value (`y: [0, 2, 1]`).
 */
export function readMatrix(reader: Reader, field: Field, flatWidthOne = false): MatrixRead | undefined {
  const items = reader.items(field);
  if (!items) return undefined;
  if (items.length === 0) {
    reader.fieldError(field, `${field.path} is empty; it needs at least one row`);
    return undefined;
  }
  const budget = { left: MAX_CELL_ERRORS };
  const rows: number[][] = [];
  const rowNodes: (YNode | null)[] = [];
  let ok = true;
  let width = -1;
  const flat = flatWidthOne && !isSeq(reader.resolve(items[0].node));
  items.forEach((item, i) => {
    const where = `${field.path}[${i}]`;
    rowNodes.push(item.node);
    if (flat) {
      const v = cell(reader, item.node, where, field.path, budget);
      if (v === undefined) ok = false;
      rows.push([v ?? 0]);
      return;
    }
    const n = reader.resolve(item.node);
    if (!isSeq(n)) {
      ok = false;
      if (budget.left-- > 0) reader.error(n ?? reader.valueRange(field), `${where} must be a row (a list of numbers), got ${reader.describe(n)}`, field.path);
      return;
    }
    const row: number[] = [];
    (n.items as (YNode | null)[]).forEach((c, j) => {
      const v = cell(reader, c, `${where}[${j}]`, field.path, budget);
      if (v === undefined) ok = false;
      row.push(v ?? 0);
    });
    if (width < 0) width = row.length;
    else if (row.length !== width) {
      ok = false;
      if (budget.left-- > 0) reader.error(n, `row ${i + 1} of ${field.path} has ${row.length} value${row.length === 1 ? '' : 's'}, row 1 has ${width}`, field.path);
    }
    rows.push(row);
  });
  if (flat) width = 1;
  if (budget.left < 0) reader.fieldError(field, `${field.path}: ${-budget.left} more errors not shown`);
  if (ok && width === 0) {
    reader.fieldError(field, `the rows of ${field.path} are empty`);
    ok = false;
  }
  return { rows, width: Math.max(width, 0), rowNodes, ok };
}
