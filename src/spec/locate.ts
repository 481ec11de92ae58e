// Position → what is there: the layer entry (hover, CodeLens) and the dotted key path (hover, completion).
import type { LayerEntry, NetworkSpec, Position, Range } from './types';

function notAfter(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

/** Start and end inclusive, so a cursor just after the last character still counts. */
export function rangeContains(range: Range, p: Position): boolean {
  return notAfter(range.start, p) && notAfter(p, range.end);
}

/** The entry whose list item holds the position; on a line of its own, the entry that spans that line. */
export function layerAt(spec: NetworkSpec, position: Position): LayerEntry | undefined {
  return (
    spec.entries.find((e) => rangeContains(e.range, position)) ??
    spec.entries.find((e) => e.range.start.line <= position.line && position.line <= e.range.end.line)
  );
}

/** The innermost validated key whose key-and-value range holds the position ('layers[0].init', 'train'). */
export function keyAt(spec: NetworkSpec, position: Position): string | undefined {
  let best: string | undefined;
  let bestRange: Range | undefined;
  for (const [path, range] of Object.entries(spec.ranges)) {
    if (!rangeContains(range, position)) continue;
    // Nested ranges: the inner one starts no earlier and ends no later.
    if (!bestRange || (notAfter(bestRange.start, range.start) && notAfter(range.end, bestRange.end))) {
      best = path;
      bestRange = range;
    }
  }
  return best;
}
