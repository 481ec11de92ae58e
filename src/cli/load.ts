// Reads and validates the spec named on the command line. Every error is printed in the GCC form
// `path:line:col: error: message` (1-based) so editors and CI can jump to it; nothing runs on a bad spec.
import { resolve } from 'node:path';
import { parseSpec, type NetworkSpec, type SpecError } from '../spec';
import type { CliIo } from './io';

export function gccLine(path: string, line: number, column: number, message: string): string {
  return `${path}:${line}:${column}: error: ${message.replace(/\s*\n\s*/g, ' ')}\n`;
}

export function formatSpecError(path: string, e: SpecError): string {
  return gccLine(path, e.range.start.line + 1, e.range.start.column + 1, e.message);
}

/** The spec, or undefined after printing every error to stderr. */
export function loadSpec(io: CliIo, path: string): NetworkSpec | undefined {
  const file = resolve(io.cwd, path);
  let text: string;
  try {
    text = io.readFile(file);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    io.stderr(gccLine(path, 1, 1, `cannot read the spec: ${reason}`));
    return undefined;
  }
  const parsed = parseSpec(text, { file, readFile: (p) => io.readFile(p) });
  if (parsed.spec && parsed.errors.length === 0) return parsed.spec;
  for (const e of parsed.errors) io.stderr(formatSpecError(path, e));
  if (parsed.errors.length === 0) io.stderr(gccLine(path, 1, 1, 'the spec could not be read'));
  return undefined;
}
