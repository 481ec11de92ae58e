// Runs the CLI's main(argv, io) in-process with captured output.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { main } from '../../../src/cli/cli';
import type { CliIo } from '../../../src/cli/io';

export const ROOT = resolve(__dirname, '../../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(argv: string[], opts: { tty?: boolean; stderrTty?: boolean; env?: Record<string, string> } = {}): CliRun {
  let stdout = '';
  let stderr = '';
  let clock = 0;
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: opts.tty ?? false,
    stderrIsTTY: opts.stderrTty ?? false,
    env: opts.env ?? {},
    cwd: ROOT,
    readFile: (p) => readFileSync(p, 'utf8'),
    now: () => (clock += 1000), // every look at the clock is a second later: progress shows at every chunk
  };
  const code = main(argv, io);
  return { code, stdout, stderr };
}

export function json<T = any>(run: CliRun): T {
  return JSON.parse(run.stdout) as T;
}
