// Offsets into the spec text → 0-based line/column positions (UTF-16 code units, as VS Code counts).
import { LineCounter } from 'yaml';
import type { Position, Range } from './types';

export class SourceText {
  private readonly lines = new LineCounter();

  constructor(readonly text: string) {
    this.lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines.addNewLine(i + 1);
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const p = this.lines.linePos(clamped); // 1-based line and col
    return { line: p.line - 1, column: p.col - 1 };
  }

  /** From start to end, trailing whitespace left out (a block value's range runs to the next line). */
  range(start: number, end: number): Range {
    let e = Math.max(start, end);
    while (e > start && /\s/.test(this.text[e - 1])) e--;
    return { start: this.position(start), end: this.position(e) };
  }

  /** Offset of the end of the line holding `offset`, trailing whitespace (and a `\r`) left out. */
  lineEnd(offset: number): number {
    let end = this.text.indexOf('\n', offset);
    if (end < 0) end = this.text.length;
    while (end > offset && /\s/.test(this.text[end - 1])) end--;
    return end;
  }

  /** The first line that holds something other than whitespace or a comment (a place for "missing key" errors). */
  firstContentRange(): Range {
    const re = /^[ \t]*([^\s#].*?)[ \t\r]*$/m;
    const m = re.exec(this.text);
    if (!m) return this.range(0, 0);
    const start = m.index + m[0].indexOf(m[1]);
    return this.range(start, start + m[1].length);
  }
}
