// Maps an offset into an expression string to its place in the spec text. Exact for plain scalars and
// for quoted strings without escapes or line breaks (a single-quoted '' counts as one character);
// otherwise the whole scalar.
import { Scalar } from 'yaml';
import type { Reader } from './reader';
import type { Range } from './types';

/** Source offsets of each character of the value inside the raw scalar text, or undefined when not exact. */
function characterOffsets(node: Scalar, raw: string): number[] | undefined {
  const value = String(node.value);
  const start = node.range![0];
  if (raw.includes('\n')) return undefined;
  let inner: string;
  let innerStart: number;
  if (node.type === Scalar.PLAIN) {
    inner = raw;
    innerStart = start;
  } else if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    inner = raw.slice(1, -1);
    innerStart = start + 1;
    if (node.type === Scalar.QUOTE_DOUBLE && inner.includes('\\')) return undefined;
  } else return undefined;
  const offsets: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    offsets.push(innerStart + i);
    if (node.type === Scalar.QUOTE_SINGLE && inner[i] === "'" && inner[i + 1] === "'") i++;
  }
  offsets.push(innerStart + inner.length); // the end of the value
  return offsets.length === value.length + 1 ? offsets : undefined;
}

export function exprErrorRange(reader: Reader, node: Scalar, offset: number, length: number): Range {
  const offsets = characterOffsets(node, reader.sourceOf(node));
  if (!offsets) return reader.nodeRange(node);
  const last = offsets.length - 1;
  const from = offsets[Math.max(0, Math.min(offset, last))];
  const to = offsets[Math.max(0, Math.min(offset + length, last))];
  return reader.src.range(from, to);
}
