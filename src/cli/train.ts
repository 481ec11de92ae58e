// `train`: every run of the spec, then the table (or JSON) and the exit status --fail-on asks for.
import { SEVERITY_ORDER, type Finding } from '../diagnostics';
import type { CliArgs, FailOn } from './args';
import { paint, useColor, type CliIo } from './io';
import { loadSpec } from './load';
import { trainRuns, type TrainedRun } from './runs';
import { trainJson } from './trainJson';
import { trainText } from './trainText';

/** 1 when a finding at `failOn` or worse exists, else 0. */
export function failOnStatus(findings: readonly Finding[], failOn: FailOn | undefined): number {
  if (!failOn) return 0;
  return findings.some((f) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[failOn]) ? 1 : 0;
}

export function runTrain(io: CliIo, args: CliArgs): number {
  const spec = loadSpec(io, args.spec);
  if (!spec) return 2;
  let runs: TrainedRun[];
  try {
    runs = trainRuns(io, spec, { iterations: args.iterations, trace: args.trace });
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    io.stderr(`gradient-lens: ${err.message}\n`);
    return 2;
  }
  io.stdout(args.json ? trainJson(args.spec, spec, runs) : trainText(args.spec, spec, runs, paint(useColor(io))));
  return failOnStatus(runs.flatMap((r) => r.findings), args.failOn);
}
