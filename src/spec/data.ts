// `data:` in its three forms (inline x/y, {csv: ...}, {generate: ...}) and the checks of the data against
// the network: widths, class indices for cross-entropy (→ one-hot), targets in [0, 1] for binary cross-entropy.
import { generateData } from '../engine';
import type { Dataset, GeneratorKind, LossKind } from '../engine/types';
import { loadCsv } from './csvData';
import type { Admit, LoadedData } from './dataTypes';
import { loadInline } from './inlineData';
import { LIMITS } from './limits';
import type { Field, Reader } from './reader';
import type { Range } from './types';

export const GENERATOR_NAMES: readonly GeneratorKind[] = ['xor', 'circle', 'spiral', 'gaussian', 'sine'];
const DATA_KEYS = ['x', 'y', 'csv', 'generate', 'samples', 'noise', 'classes'] as const;
const FORM_KEYS = {
  inline: ['x', 'y'],
  csv: ['csv', 'x', 'y'],
  generate: ['generate', 'samples', 'noise', 'classes'],
} as const;
const MAX_ROW_ERRORS = 20;

export interface DataEnv {
  file: string;
  readFile: (file: string) => string;
  seed: number | undefined;
  /** Generate only a few samples, to learn the widths (sweep points are checked, not run). */
  widthsOnly: boolean;
  admit: Admit;
}

function loadGenerated(reader: Reader, fields: Map<string, Field>, at: Range, env: DataEnv): LoadedData | undefined {
  const genField = fields.get('generate')!;
  const kind = reader.oneOf(genField, GENERATOR_NAMES, 'generator');
  const samplesField = fields.get('samples');
  if (!samplesField) reader.missing(at, 'data', 'samples', ' (how many samples to generate)');
  const samples = samplesField && reader.number(samplesField, { integer: true, min: 1, limit: { max: LIMITS.generatedSamples, what: 'generated samples' } });
  const noiseField = fields.get('noise');
  const noise = noiseField ? reader.number(noiseField, { min: 0 }) : 0;
  const classesField = fields.get('classes');
  let classes: number | undefined;
  let ok = kind !== undefined && samples !== undefined && noise !== undefined;
  if (classesField) {
    if (kind !== undefined && kind !== 'spiral' && kind !== 'gaussian') {
      reader.fieldError(classesField, `data.classes applies to the spiral and gaussian generators, not ${kind}`);
      ok = false;
    } else {
      classes = reader.number(classesField, { integer: true, min: 2, limit: { max: LIMITS.generatedClasses, what: 'classes' } });
      if (classes === undefined) ok = false;
    }
  }
  if (!ok || !samplesField || env.seed === undefined) return undefined;
  const samplesAt = { range: reader.valueRange(samplesField), path: samplesField.path };
  if (!env.admit(samples!, samplesAt)) return undefined;
  let dataset: Dataset;
  try {
    const n = env.widthsOnly ? Math.min(samples!, 16) : samples!;
    dataset = generateData(classes !== undefined ? { kind: kind!, samples: n, noise: noise!, seed: env.seed, classes } : { kind: kind!, samples: n, noise: noise!, seed: env.seed });
  } catch (e) {
    reader.fieldError(genField, `the ${kind} generator failed: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const genAt = { range: reader.valueRange(genField), path: genField.path };
  return {
    dataset,
    samples: samples!,
    source: classes !== undefined ? { kind: 'generate', generator: kind!, samples: samples!, noise: noise!, classes } : { kind: 'generate', generator: kind!, samples: samples!, noise: noise! },
    xAt: { ...genAt, describe: (w) => `the ${kind} generator gives ${w} input${w === 1 ? '' : 's'}` },
    yAt: { ...genAt, describe: (w) => `the ${kind} generator gives ${w} target${w === 1 ? '' : 's'} per sample` },
    samplesAt,
    yRow: (i) => ({ ...genAt, label: `generated sample ${i + 1}` }),
  };
}

/** Reads `data:` in whichever form it is written. */
export function loadData(reader: Reader, field: Field, env: DataEnv): LoadedData | undefined {
  const fields = reader.fieldsOf(field, DATA_KEYS, 'data');
  if (!fields) return undefined;
  const form = fields.has('csv') ? 'csv' : fields.has('generate') ? 'generate' : 'inline';
  let ok = true;
  for (const [name, f] of fields) {
    if ((FORM_KEYS[form] as readonly string[]).includes(name)) continue;
    const where = form === 'inline' ? 'inline data (x, y); it belongs to {generate: ...}' : form === 'csv' ? '{csv: ..., x: [...], y: [...]}' : '{generate: ...}';
    reader.error(f.key ? reader.nodeRange(f.key) : f.range, `data.${name} does not apply to ${where}`, f.path);
    ok = false;
  }
  const at = field.key ? reader.nodeRange(field.key) : field.range;
  const loaded =
    form === 'csv' ? loadCsv(reader, fields, at, env.file, env.readFile, env.admit) : form === 'generate' ? loadGenerated(reader, fields, at, env) : loadInline(reader, fields, at, env.admit);
  return ok ? loaded : undefined;
}

export interface NetworkShape {
  inputs: number;
  outputs: number;
  loss: LossKind;
}

export type Report = (range: Range, message: string, path: string) => void;

/** Class indices 0..K−1 in one column → one-hot rows of K; `bad` lists the rows that are not such an index. */
export function classIndicesToOneHot(data: Dataset, k: number): { dataset: Dataset; bad: number[] } {
  const y = new Float64Array(data.samples * k);
  const bad: number[] = [];
  for (let i = 0; i < data.samples; i++) {
    const c = data.y[i];
    if (Number.isInteger(c) && c >= 0 && c < k) y[i * k + c] = 1;
    else bad.push(i);
  }
  return { dataset: { ...data, outputs: k, y }, bad };
}

function oneHot(data: Dataset, k: number, loaded: LoadedData, report: Report): Dataset | undefined {
  const { dataset, bad } = classIndicesToOneHot(data, k);
  for (const i of bad.slice(0, MAX_ROW_ERRORS)) {
    const at = loaded.yRow(i);
    report(at.range, `${at.label}: class index ${data.y[i]} is not a whole number in 0..${k - 1} (cross-entropy with ${k} output units takes one-hot rows or class indices)`, at.path);
  }
  return bad.length > 0 ? undefined : dataset;
}

/** The data as the network needs it, or undefined after reporting why it does not fit. */
export function fitData(loaded: LoadedData, net: NetworkShape, report: Report): Dataset | undefined {
  const data = loaded.dataset;
  let ok = true;
  if (data.inputs !== net.inputs) {
    report(loaded.xAt.range, `${loaded.xAt.describe(data.inputs)} but inputs is ${net.inputs}`, loaded.xAt.path);
    ok = false;
  }
  let fitted: Dataset | undefined = data;
  if (net.loss === 'cross-entropy' && data.outputs === 1 && net.outputs >= 2) {
    fitted = oneHot(data, net.outputs, loaded, report);
  } else if (data.outputs !== net.outputs) {
    const hint = net.loss === 'cross-entropy' ? ' (cross-entropy takes one-hot rows or one column of class indices)' : '';
    report(loaded.yAt.range, `${loaded.yAt.describe(data.outputs)} but the output layer has ${net.outputs} unit${net.outputs === 1 ? '' : 's'}${hint}`, loaded.yAt.path);
    fitted = undefined;
  } else if (net.loss === 'binary-cross-entropy') {
    let bad = 0;
    data.y.forEach((v, j) => {
      if ((v < 0 || v > 1) && bad++ < MAX_ROW_ERRORS) {
        const at = loaded.yRow(Math.floor(j / data.outputs));
        report(at.range, `${at.label}: target ${v} is outside [0, 1], which binary cross-entropy needs`, at.path);
      }
    });
    if (bad > 0) fitted = undefined;
  }
  return ok ? fitted : undefined;
}
