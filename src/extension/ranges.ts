// Spec ranges → editor ranges (no 'vscode' import). The spec reader counts 0-based lines and UTF-16
// columns like VS Code; this only clamps a range into the current text, so a diagnostic or lens never
// points past the end of a line or of the document (e.g. after the file shrank under a stale result).
import type { Range } from '../spec/types';

export interface TextShape {
  lineCount: number;
  lineLength(line: number): number;
}

export function clampRange(range: Range, text: TextShape): Range {
  const lastLine = Math.max(0, text.lineCount - 1);
  const clamp = (line: number, column: number): { line: number; column: number } => {
    const l = Math.min(Math.max(0, line), lastLine);
    const c = Math.min(Math.max(0, column), text.lineLength(l));
    return { line: l, column: c };
  };
  const start = clamp(range.start.line, range.start.column);
  let end = clamp(range.end.line, range.end.column);
  if (end.line < start.line || (end.line === start.line && end.column < start.column)) end = start;
  return { start, end };
}

/** A shape over plain text (tests, files not open in an editor). */
export function textShape(text: string): TextShape {
  const lines = text.split(/\r\n|\r|\n/);
  return { lineCount: lines.length, lineLength: (line) => lines[line]?.length ?? 0 };
}
