// Checks every sweep value by reading the spec again with that value substituted at its path, and
// resolves each run of the sweep. An error inside the substituted value stays where it is; an error it
// causes elsewhere (e.g. explicit weights that no longer fit) is reported at the value, with the label.
import type { Document } from 'yaml';
import type { DocumentRead, ReadContext, Resolved } from './document';
import { Reader, type YNode } from './reader';
import type { SourceText } from './source';
import { cartesian, pointLabel, type AxisRead } from './sweep';
import type { Range, SpecError, SweepPoint } from './types';

type ReadFn = (reader: Reader, root: YNode | null, ctx: ReadContext) => DocumentRead;

function errorKey(e: SpecError): string {
  return `${e.range.start.line}:${e.range.start.column}-${e.range.end.line}:${e.range.end.column} ${e.message}`;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

function inside(inner: Range, outer: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function toPoint(label: string, r: Resolved): SweepPoint {
  return { label, inputs: r.inputs, entries: r.entries, loss: r.loss, train: r.train, seed: r.seed, dataSource: r.dataSource };
}

export function checkSweep(src: SourceText, doc: Document, ctx: ReadContext, read: ReadFn, axes: AxisRead[], baseErrors: SpecError[]): { errors: SpecError[]; points: SweepPoint[] } {
  const inBase = new Set(baseErrors.map(errorKey));
  const seen = new Set<string>();
  const errors: SpecError[] = [];
  /** Reports `e` (or, when it lies outside the substituted values, `moved`) unless the base spec has it too. */
  const push = (e: SpecError, moved: SpecError | undefined): void => {
    if (inBase.has(errorKey(e))) return;
    const shown = moved ?? e;
    const key = errorKey(shown);
    if (seen.has(key)) return;
    seen.add(key);
    errors.push(shown);
  };
  const readPoint = (indices: number[], only?: number): { reader: Reader; resolved: Resolved | undefined } => {
    const overrides = new Map<string, YNode>();
    axes.forEach((a, i) => {
      if (only === undefined || only === i) overrides.set(a.axis.path, a.valueNodes[indices[i]]);
    });
    const reader = new Reader(src, doc, overrides);
    return { reader, resolved: read(reader, doc.contents as YNode | null, ctx).resolved };
  };

  // Each value alone: its errors go at the value.
  const single = axes.length === 1;
  const points: SweepPoint[] = [];
  axes.forEach((a, axisIndex) => {
    a.valueNodes.forEach((node, valueIndex) => {
      const indices = axes.map((_, i) => (i === axisIndex ? valueIndex : 0));
      const { reader, resolved } = readPoint(indices, axisIndex);
      const label = pointLabel([a.axis], [valueIndex]);
      if (!reader.usedOverrides.has(a.axis.path)) {
        if (valueIndex === 0) push({ message: `sweep key '${a.axis.path}' names no key this spec has (check the layer index and the key's spelling)`, range: a.keyRange, path: `sweep.${a.axis.path}` }, undefined);
        return;
      }
      const at = reader.nodeRange(node);
      for (const e of reader.errors) push(e, inside(e.range, at) ? undefined : { message: `with ${label}: ${e.message}`, range: at, path: `sweep.${a.axis.path}` });
      if (single && resolved) points.push(toPoint(label, resolved));
    });
  });
  if (single || errors.length > 0) return { errors, points };

  // The combinations: what only a combination breaks goes at the `sweep:` key.
  const sweepRange = axes[0].keyRange;
  for (const indices of cartesian(axes.map((a) => a.valueNodes.length))) {
    const { reader, resolved } = readPoint(indices);
    const label = pointLabel(
      axes.map((a) => a.axis),
      indices,
    );
    const values = axes.map((a, i) => reader.nodeRange(a.valueNodes[indices[i]]));
    for (const e of reader.errors) push(e, values.some((v) => inside(e.range, v)) ? undefined : { message: `with ${label}: ${e.message}`, range: sweepRange, path: 'sweep' });
    if (resolved) points.push(toPoint(label, resolved));
  }
  return { errors, points };
}
