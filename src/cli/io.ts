// Everything the CLI touches outside itself, so tests can run main() in-process with captured output.
import { readFileSync } from 'node:fs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Reads a file as UTF-8 (spec files and the CSV files they name); throws when it cannot. */
  readFile(path: string): string;
  /** Milliseconds on a monotonic clock, for throttling progress lines. */
  now(): number;
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    readFile: (path) => readFileSync(path, 'utf8'),
    now: () => performance.now(),
  };
}

/** Colour only on a terminal and when NO_COLOR is unset or empty (https://no-color.org). */
export function useColor(io: CliIo): boolean {
  return io.stdoutIsTTY && !io.env.NO_COLOR;
}

export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const sgr = (code: number) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const plain = (s: string): string => s;

export function paint(color: boolean): Paint {
  return color
    ? { bold: sgr(1), dim: sgr(2), red: sgr(31), yellow: sgr(33), green: sgr(32), cyan: sgr(36) }
    : { bold: plain, dim: plain, red: plain, yellow: plain, green: plain, cyan: plain };
}

/** Visible width of a string that may hold SGR colour codes. */
export function visibleLength(s: string): number {
  return [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;
}
