// Plans and trains every run of a spec, with a progress line on stderr when stderr is a terminal.
import { createTrainer, type RunResult, type TrainConfig } from '../engine';
import { diagnoseRun, formatNumber, resolveThresholds, type Finding } from '../diagnostics';
import { planRuns, type NetworkSpec, type RunPlan } from '../spec';
import type { CliIo } from './io';

export interface TrainedRun {
  label: string;
  config: TrainConfig;
  result: RunResult;
  findings: Finding[];
}

const PROGRESS_EVERY_MS = 100;

function trainOne(io: CliIo, plan: RunPlan, position: string): RunResult {
  const trainer = createTrainer(plan.config);
  const chunk = Math.max(1, Math.ceil(plan.config.iterations / 200));
  let shown = io.now();
  while (!trainer.done) {
    trainer.step(chunk);
    if (io.stderrIsTTY && io.now() - shown > PROGRESS_EVERY_MS) {
      shown = io.now();
      const p = trainer.progress();
      const label = plan.label ? ` (${plan.label})` : '';
      io.stderr(`\r\x1b[2Ktraining${position}${label}: iteration ${p.iteration}/${p.iterations}, J = ${formatNumber(p.loss)}`);
    }
  }
  return trainer.result();
}

/** Plans (throws RangeError for an out-of-range --iterations), trains and diagnoses every run. */
export function trainRuns(io: CliIo, spec: NetworkSpec, options: { iterations?: number; trace: boolean }): TrainedRun[] {
  const plans = planRuns(spec, { ...(options.iterations !== undefined && { iterations: options.iterations }), trace: options.trace });
  const thresholds = resolveThresholds(spec.diagnose);
  const runs = plans.map((plan, i) => {
    const result = trainOne(io, plan, plans.length > 1 ? ` run ${i + 1}/${plans.length}` : '');
    const findings = diagnoseRun(spec, { label: plan.label, result, config: plan.config }, thresholds);
    return { label: plan.label, config: plan.config, result, findings };
  });
  if (io.stderrIsTTY) io.stderr('\r\x1b[2K');
  return runs;
}
