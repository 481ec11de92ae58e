// Runs every rule over every run of a spec.
import type { RunResult, TrainConfig } from '../engine/types';
import type { NetworkSpec } from '../spec/types';
import type { RuleContext } from './rule';
import { RULES } from './rules';
import { completeThresholds, resolveThresholds } from './thresholds';
import type { Finding, Severity, Thresholds } from './types';

export interface DiagnosedRun {
  label: string;
  result: RunResult;
  /** The run's own settings (RunPlan.config), when known: a sweep may change the learning rate. */
  config?: TrainConfig;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings of one run, errors first, then in rule order, then by layer. */
export function diagnoseRun(spec: NetworkSpec, run: DiagnosedRun, thresholds: Thresholds): Finding[] {
  const findings: Finding[] = [];
  const ctx: RuleContext = {
    spec,
    run: run.label,
    result: run.result,
    thresholds: completeThresholds(thresholds),
    previous: findings,
    config: run.config,
  };
  for (const rule of RULES) findings.push(...rule.check(ctx));
  const order = (f: Finding): number => SEVERITY_ORDER[f.severity];
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order(a.f) - order(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/** Findings of every run, run by run; thresholds default to the spec's `diagnose:` over the defaults. */
export function diagnoseSpec(spec: NetworkSpec, runs: readonly DiagnosedRun[], thresholds?: Thresholds): Finding[] {
  const t = thresholds ?? resolveThresholds(spec.diagnose);
  return runs.flatMap((run) => diagnoseRun(spec, run, t));
}
