// `sweep:` — keys are paths into the spec ('layers[0].init', 'train.learningRate', 'seed'), values are
// lists; several keys make the cartesian product (first key outermost). Labels print numbers with String().
import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { LIMITS } from './limits';
import type { Field, Reader, YNode } from './reader';
import type { Range, SweepAxis } from './types';

const PATH_RE = /^[A-Za-z][\w-]*(\[\d+\])*(\.[A-Za-z][\w-]*(\[\d+\])*)*$/;
/** Under `data`, only a generator's parameters may be swept (the data of a run is otherwise fixed). */
const SWEEPABLE_DATA = ['data.generate', 'data.samples', 'data.noise', 'data.classes'];
const NOT_SWEEPABLE = ['name', 'sweep', 'diagnose'];

export interface AxisRead {
  axis: SweepAxis;
  keyRange: Range;
  /** The node of each value, substituted at `axis.path` for that run. */
  valueNodes: YNode[];
}

function pathProblem(path: string): string | undefined {
  if (!PATH_RE.test(path)) return `sweep key '${path}' is not a spec path like layers[0].init or train.learningRate`;
  const root = path.split(/[.[]/)[0];
  if (NOT_SWEEPABLE.includes(root)) return `${root} cannot be swept`;
  if (root === 'data' && !SWEEPABLE_DATA.includes(path)) return `only a generator's parameters can be swept under data (${SWEEPABLE_DATA.join(', ')}), not ${path}`;
  return undefined;
}

export function readSweep(reader: Reader, field: Field): AxisRead[] | undefined {
  const n = reader.resolve(field.value);
  if (reader.isEmpty(n)) return [];
  if (!isMap(n)) {
    reader.fieldError(field, `sweep must be a mapping of spec paths to lists of values, got ${reader.describe(n)}`);
    return undefined;
  }
  const axes: AxisRead[] = [];
  let ok = true;
  for (const pair of n.items as Pair<YNode | null, YNode | null>[]) {
    const key = reader.resolve(pair.key);
    if (!isScalar(key) || typeof key.value !== 'string') {
      reader.error(key ?? reader.valueRange(field), `sweep keys are spec paths, got ${reader.describe(key)}`, 'sweep');
      ok = false;
      continue;
    }
    const path = key.value;
    const value = reader.resolve(pair.value);
    const end = pair.value?.range ? Math.max(pair.value.range[1], key.range![1]) : key.range![1];
    const range = reader.src.range(key.range![0], end);
    reader.ranges[`sweep.${path}`] = range;
    const problem = pathProblem(path);
    if (problem) {
      reader.error(key, problem, `sweep.${path}`);
      ok = false;
      continue;
    }
    if (!isSeq(value) || value.items.length === 0) {
      reader.error(value && value.range && value.range[1] > value.range[0] ? value : key, `sweep.${path} must be a non-empty list of values, got ${isSeq(value) ? 'an empty list' : reader.describe(value)}`, `sweep.${path}`);
      ok = false;
      continue;
    }
    const valueNodes = (value.items as (YNode | null)[]).map((item) => reader.resolve(item) ?? value);
    axes.push({ axis: { path, values: valueNodes.map((v) => v.toJSON()), range }, keyRange: reader.nodeRange(key), valueNodes });
  }
  const runs = axes.reduce((product, a) => product * a.valueNodes.length, 1);
  if (runs > LIMITS.sweepRuns) {
    reader.fieldError(field, `the sweep makes ${runs} runs, over the limit of ${LIMITS.sweepRuns} runs`);
    ok = false;
  }
  return ok ? axes : undefined;
}

/** A sweep value as a label shows it: numbers with String() (1 → '1', 0.9 → '0.9'), mappings as {k: v}. */
export function formatValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${formatValue(x)}`)
      .join(', ')}}`;
  }
  return String(v);
}

/** 'layers[0].init=5, train.learningRate=0.1' */
export function pointLabel(axes: readonly SweepAxis[], indices: readonly number[]): string {
  return axes.map((a, i) => `${a.path}=${formatValue(a.values[indices[i]])}`).join(', ');
}

/** Every combination of indices, the first axis outermost. */
export function cartesian(lengths: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of lengths) {
    const next: number[][] = [];
    for (const prefix of out) for (let i = 0; i < n; i++) next.push([...prefix, i]);
    out = next;
  }
  return out;
}
