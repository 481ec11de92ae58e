// CSV data: `{csv: path, x: [columns], y: [columns]}`. The path is relative to the spec's folder; the
// file has a header row; every selected cell must be a finite number.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { parse } from 'csv-parse/sync';
import { isScalar } from 'yaml';
import type { Admit, LoadedData } from './dataTypes';
import { LIMITS } from './limits';
import type { Field, Reader } from './reader';
import { didYouMean } from './suggest';
import type { Range } from './types';

const MAX_CELL_ERRORS = 20;

export class FileTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`the file has ${bytes} bytes, over the limit of ${LIMITS.csvBytes} bytes (64 MiB)`);
  }
}

/** The default reader: refuses a file over the CSV limit before reading it. */
export function readFileChecked(file: string): string {
  const bytes = fs.statSync(file).size;
  if (bytes > LIMITS.csvBytes) throw new FileTooLargeError(bytes);
  return fs.readFileSync(file, 'utf8');
}

/** The folder of the spec (a path or a file:// URI); the working folder for other URIs (untitled:). */
function specFolder(specFile: string): string {
  if (specFile.startsWith('file://')) return path.dirname(fileURLToPath(specFile));
  if (/^[a-z][a-z0-9+.-]+:/i.test(specFile) && !/^[a-z]:[\\/]/i.test(specFile)) return process.cwd();
  return path.dirname(path.resolve(specFile));
}

export function resolveDataPath(specFile: string, file: string): string {
  if (file.startsWith('file://')) return fileURLToPath(file);
  return path.resolve(specFolder(specFile), file);
}

function errorText(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

/** Column names of `x:` or `y:`, each checked against the header. */
function readColumns(reader: Reader, field: Field | undefined, at: Range, name: 'x' | 'y', header: string[] | undefined): number[] | undefined {
  if (!field) {
    reader.missing(at, 'data', name, ` (the list of CSV column names for ${name === 'x' ? 'the inputs' : 'the targets'})`);
    return undefined;
  }
  const items = reader.items(field);
  if (!items) return undefined;
  if (items.length === 0) {
    reader.fieldError(field, `${field.path} is empty; name at least one column`);
    return undefined;
  }
  const out: number[] = [];
  let ok = true;
  for (const item of items) {
    const n = reader.resolve(item.node);
    if (!isScalar(n) || (typeof n.value !== 'string' && typeof n.value !== 'number')) {
      reader.error(n ?? reader.valueRange(field), `${item.path} must be a column name, got ${reader.describe(n)}`, field.path);
      ok = false;
      continue;
    }
    if (!header) continue;
    const column = String(n.value);
    const index = header.indexOf(column);
    if (index < 0) {
      reader.error(n, `no column '${column}' in the CSV file${didYouMean(column, header)}; its columns are ${header.join(', ')}`, field.path);
      ok = false;
    } else out.push(index);
  }
  return ok && header ? out : undefined;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

export function loadCsv(reader: Reader, fields: Map<string, Field>, at: Range, specFile: string, readFile: (file: string) => string, admit: Admit): LoadedData | undefined {
  const csvField = fields.get('csv')!;
  const file = reader.string(csvField);
  let records: CsvRecord[] | undefined;
  let resolved = '';
  if (file !== undefined) {
    resolved = resolveDataPath(specFile, file);
    try {
      const text = readFile(resolved);
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > LIMITS.csvBytes) throw new FileTooLargeError(bytes);
      records = parse(text, { info: true, bom: true, skip_empty_lines: true, trim: true }) as unknown as CsvRecord[];
      if (records.length === 0) {
        reader.fieldError(csvField, `the CSV file '${file}' is empty; it needs a header row and data rows`);
        records = undefined;
      }
    } catch (e) {
      const what = e instanceof FileTooLargeError ? e.message : errorText(e);
      const isParseError = typeof (e as { code?: string }).code === 'string' && (e as { code: string }).code.startsWith('CSV_');
      reader.fieldError(csvField, isParseError ? `the CSV file '${file}' is not valid CSV: ${what}` : `cannot read the CSV file '${file}' (${resolved}): ${what}`);
    }
  }
  const header = records?.[0].record;
  const xCols = readColumns(reader, fields.get('x'), at, 'x', header);
  const yCols = readColumns(reader, fields.get('y'), at, 'y', header);
  if (!records || !header || !xCols || !yCols) return undefined;

  const samples = records.length - 1;
  const csvAt = { range: csvField.range, path: csvField.path };
  if (samples === 0) {
    reader.error(csvAt.range, `the CSV file '${file}' has a header but no data rows`, csvAt.path);
    return undefined;
  }
  if (samples > LIMITS.samples) {
    reader.error(csvAt.range, `the CSV file '${file}' has ${samples} samples, over the limit of ${LIMITS.samples} samples`, csvAt.path);
    return undefined;
  }
  if (!admit(samples, csvAt)) return undefined;
  const x = new Float64Array(samples * xCols.length);
  const y = new Float64Array(samples * yCols.length);
  let errors = 0;
  const fill = (target: Float64Array, cols: number[], row: CsvRecord, i: number): void => {
    cols.forEach((c, j) => {
      const cell = row.record[c];
      const v = cell === undefined || cell === '' ? NaN : Number(cell);
      if (Number.isFinite(v)) {
        target[i * cols.length + j] = v;
        return;
      }
      if (errors++ < MAX_CELL_ERRORS) {
        const shown = cell === undefined || cell === '' ? 'an empty cell' : `'${cell}'`;
        reader.error(csvAt.range, `${file} line ${row.info.lines}, column ${c + 1} ('${header[c]}'): ${shown} is not a finite number`, csvAt.path);
      }
    });
  };
  for (let i = 0; i < samples; i++) {
    const row = records[i + 1];
    fill(x, xCols, row, i);
    fill(y, yCols, row, i);
  }
  if (errors > MAX_CELL_ERRORS) reader.error(csvAt.range, `${file}: ${errors - MAX_CELL_ERRORS} more cells are not numbers`, csvAt.path);
  if (errors > 0) return undefined;
  const xField = fields.get('x')!;
  const yField = fields.get('y')!;
  return {
    dataset: { samples, inputs: xCols.length, outputs: yCols.length, x, y },
    samples,
    source: { kind: 'csv', path: file!, xColumns: xCols.map((c) => header[c]), yColumns: yCols.map((c) => header[c]) },
    xAt: { range: reader.valueRange(xField), path: xField.path, describe: (w) => `data.x names ${w} column${w === 1 ? '' : 's'}` },
    yAt: { range: reader.valueRange(yField), path: yField.path, describe: (w) => `data.y names ${w} column${w === 1 ? '' : 's'}` },
    samplesAt: csvAt,
    yRow: (i) => ({ range: csvAt.range, label: `${file} line ${records[i + 1].info.lines}`, path: csvAt.path }),
  };
}
