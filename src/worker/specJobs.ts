// Spec-level jobs of the worker: the text → parse → plan (→ analyze → diagnose) pipeline, off the host.
import { diagnoseSpec, resolveThresholds, type DiagnosedRun } from '../diagnostics';
import type { Finding, Thresholds } from '../diagnostics/types';
import { analyze } from '../engine';
import { maxRecordedFor, wantsTrace } from '../extension/runOptions';
import type { SpecSource, WorkerRunResult } from '../protocol';
import { parseSpec, planRuns } from '../spec';
import type { NetworkSpec, ParseResult, RunPlan } from '../spec/types';

const UNTRUSTED_CSV = 'CSV data is not read in Restricted Mode: trust this workspace to analyze it';

export function parseSource(source: SpecSource): ParseResult {
  const readFile = source.trusted
    ? undefined
    : (): string => {
        throw new Error(UNTRUSTED_CSV);
      };
  return parseSpec(source.text, { file: source.file, format: source.format, ...(readFile ? { readFile } : {}) });
}

/** The runs the extension asks for: recording within budget, the first iteration's trace for small nets. */
export function planFor(spec: NetworkSpec, iterations: number | undefined): RunPlan[] {
  return planRuns(spec, {
    ...(iterations === undefined ? {} : { iterations }),
    trace: wantsTrace(spec),
    maxRecorded: maxRecordedFor(spec),
  });
}

export interface SpecAnalysis {
  parse: ParseResult;
  runs: WorkerRunResult[];
  findings: Finding[];
  thresholds: Thresholds;
}

/** Thresholds: defaults ← the user's settings ← the spec's `diagnose:` block. */
export function specThresholds(settings: Record<string, number>, spec: NetworkSpec | undefined): Thresholds {
  return resolveThresholds({ ...settings, ...(spec?.diagnose ?? {}) });
}

/** One forward and backward pass per run at the initial weights, and the findings of that. */
export function analyzeSource(source: SpecSource, settings: Record<string, number>, isCancelled: () => boolean = () => false): SpecAnalysis {
  const parse = parseSource(source);
  const thresholds = specThresholds(settings, parse.spec);
  if (!parse.spec) return { parse, runs: [], findings: [], thresholds };
  const runs: WorkerRunResult[] = [];
  const diagnosed: DiagnosedRun[] = []; // the same runs with their configs (a swept learning rate), for the rules only
  for (const plan of planFor(parse.spec, 1)) {
    if (isCancelled()) break;
    const run = { label: plan.label, result: analyze(plan.config) };
    runs.push(run);
    diagnosed.push({ ...run, config: plan.config });
  }
  return { parse, runs, findings: diagnoseSpec(parse.spec, diagnosed, thresholds), thresholds };
}
