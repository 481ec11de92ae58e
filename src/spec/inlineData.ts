// Inline data: `x: [[...], ...]` and `y: [[...], ...]` (one row per sample; a flat list is a column).
import type { Field, Reader } from './reader';
import { readMatrix } from './matrix';
import { LIMITS } from './limits';
import type { Admit, LoadedData } from './dataTypes';
import type { Range } from './types';

function flatten(rows: number[][], width: number): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((row, i) => out.set(row, i * width));
  return out;
}

export function loadInline(reader: Reader, fields: Map<string, Field>, at: Range, admit: Admit): LoadedData | undefined {
  const xField = fields.get('x');
  const yField = fields.get('y');
  if (!xField) reader.missing(at, 'data', 'x', ' (one row of inputs per sample), or use {csv: ...} or {generate: ...}');
  if (!yField) reader.missing(at, 'data', 'y', ' (one row of targets per sample)');
  const x = xField && readMatrix(reader, xField, true);
  const y = yField && readMatrix(reader, yField, true);
  if (!xField || !yField || !x || !y) return undefined;
  let ok = x.ok && y.ok;
  if (x.rows.length > LIMITS.samples) {
    reader.fieldError(xField, `data.x has ${x.rows.length} samples, over the limit of ${LIMITS.samples} samples`);
    ok = false;
  }
  if (x.rows.length !== y.rows.length) {
    reader.fieldError(yField, `data.y has ${y.rows.length} rows but data.x has ${x.rows.length}; one row of each per sample`);
    ok = false;
  }
  const samplesAt = { range: reader.valueRange(xField), path: 'data.x' };
  if (!ok || !admit(x.rows.length, samplesAt)) return undefined;
  const rowRange = (rows: typeof y, field: Field, i: number): Range => {
    const node = reader.resolve(rows.rowNodes[i]);
    return node ? reader.nodeRange(node) : reader.valueRange(field);
  };
  return {
    dataset: { samples: x.rows.length, inputs: x.width, outputs: y.width, x: flatten(x.rows, x.width), y: flatten(y.rows, y.width) },
    samples: x.rows.length,
    source: { kind: 'inline' },
    xAt: { range: rowRange(x, xField, 0), path: 'data.x', describe: (w) => `the rows of data.x have ${w} value${w === 1 ? '' : 's'}` },
    yAt: { range: rowRange(y, yField, 0), path: 'data.y', describe: (w) => `the rows of data.y have ${w} value${w === 1 ? '' : 's'}` },
    samplesAt,
    yRow: (i) => ({ range: rowRange(y, yField, i), label: `data.y[${i}]`, path: 'data.y' }),
  };
}
