// learning-rate-too-high: the loss diverges (error), rises, or oscillates (warning). On a quadratic loss
// ½ Σ λ_i w_i², plain gradient descent multiplies each mode by (1 − ηλ_i) per step, so J's dominant mode
// grows ×ρ = (1 − ηλ)² per iteration once ηλ > 2. From a measured ρ > 1 we estimate λ = (1 + √ρ)/η and give
// the stability bound η < 2/λ (seed 001: η < min(1/a, 1/b) for monotone steps, 2/max(a, b) for convergence).
// Before any divergence is seen: when the run carries λ_max at the initial weights (RunResult.sharpness, the
// sharpest curvature of J there) and plain GD's η exceeds 2/λ_max, the same bound predicts divergence: a warning
// (also on an analysis run, which has one iteration), or part of the error when the run does diverge.
import { formatNumber, formatPercent } from '../format';
import { pathFinding, trainSettings, type Rule, type RuleContext } from '../rule';
import type { SharpnessSummary } from '../../engine/types';
import type { Finding } from '../types';
import { endLoss } from './stalledLoss';

/** The final loss above this multiple of the first counts as diverging. */
export const DIVERGE_FACTOR = 10;
/** Share of iterations with a rising loss above which full-batch SGD oscillates. */
export const OSCILLATION_SHARE = 0.3;
/** Iterations at the end of the run over which the growth rate ρ is measured. */
const TAIL = 20;

/** Geometric-mean growth per iteration over the last finite values of the loss; NaN with fewer than 2. */
export function tailGrowth(loss: readonly number[]): number {
  const finite = loss.filter((v) => Number.isFinite(v) && v > 0);
  const n = Math.min(TAIL, Math.floor(finite.length / 2));
  if (n < 2) return NaN;
  const tail = finite.slice(finite.length - n);
  return Math.pow(tail[n - 1] / tail[0], 1 / (n - 1));
}

/** Share of steps where J rose, and the rises added up, ignoring changes at the floating-point floor. */
export function rises(loss: readonly number[]): { share: number; total: number } {
  const floor = (loss[0] ?? 0) * 1e-12;
  let ups = 0;
  let total = 0;
  for (let t = 1; t < loss.length; t++) {
    if (loss[t] > loss[t - 1] * (1 + 1e-9) && loss[t] > floor) {
      ups++;
      total += loss[t] - loss[t - 1];
    }
  }
  return { share: loss.length > 1 ? ups / (loss.length - 1) : 0, total };
}

/** "2/λ_max ≈ 0.25 (λ_max ≈ 8, the sharpest curvature of J at the initial weights)" */
function boundText(s: SharpnessSummary): string {
  return `2/λ_max ≈ ${formatNumber(s.stableBelow)} (λ_max ≈ ${formatNumber(s.lambdaMax)}, the sharpest curvature of J at the initial weights)`;
}

/** The warning before divergence is observed: plain GD's η above 2/λ_max at the initial weights. */
function predicted(ctx: RuleContext, lr: number, s: SharpnessSummary): Finding {
  return pathFinding(ctx, 'train.learningRate', {
    rule: 'learning-rate-too-high',
    severity: 'warning',
    message: `learningRate ${formatNumber(lr)} is above ${boundText(s)}: gradient descent is expected to diverge`,
    evidence: { learningRate: lr, lambdaMax: s.lambdaMax, stableBelow: s.stableBelow },
    fix: `lower train.learningRate below ${formatNumber(s.stableBelow)} (below ${formatNumber(s.stableBelow / 2)} = 1/λ_max J falls monotonically)`,
  });
}

export const learningRateTooHigh: Rule = {
  id: 'learning-rate-too-high',
  check(ctx: RuleContext): Finding[] {
    const { loss, iterations, nonFinite } = ctx.result;
    const { learningRate: lr, optimizer, fullBatch } = trainSettings(ctx);
    // The bound 2/λ_max is plain gradient descent's (momentum and adam have others).
    const sharp = optimizer.kind === 'sgd' ? ctx.result.sharpness : undefined;
    const aboveBound = sharp !== undefined && lr > sharp.stableBelow;
    const overflowed = ctx.result.stopped === 'non-finite' && nonFinite !== undefined && nonFinite.iteration > 1;
    if (iterations < 3 && !overflowed) return aboveBound ? [predicted(ctx, lr, sharp)] : [];
    const start = loss[0];
    const end = endLoss(ctx);
    const diverged = overflowed || end > DIVERGE_FACTOR * start;
    const rising = !diverged && end > start * (1 + ctx.thresholds.stalled);
    const { share, total } = rises(loss);
    // Oscillating: J rises at many steps and by a visible amount (together at least 1% of J at the start).
    const oscillating =
      !diverged && !rising && fullBatch && optimizer.kind === 'sgd' && share > OSCILLATION_SHARE && total > 0.01 * start;
    if (!diverged && !rising && !oscillating) return aboveBound ? [predicted(ctx, lr, sharp)] : [];

    const rho = tailGrowth(loss);
    const lambda = optimizer.kind === 'sgd' && rho > 1 ? (1 + Math.sqrt(rho)) / lr : NaN;
    const bound = 2 / lambda;
    const a = formatNumber(start);
    let message: string;
    if (diverged) {
      const growth = rho > 1 ? ` (×${formatNumber(rho)} per iteration)` : '';
      const overflow = overflowed ? ` and becomes non-finite at iteration ${nonFinite.iteration}` : '';
      message = `Training diverges at learningRate ${formatNumber(lr)}: J grows from ${a} to ${formatNumber(end)}${growth}${overflow}`;
    } else if (rising) {
      message = `Loss rises at learningRate ${formatNumber(lr)}: J goes from ${a} to ${formatNumber(end)} over ${iterations} iterations`;
    } else {
      message = `Loss oscillates at learningRate ${formatNumber(lr)}: J rises at ${formatPercent(share)} of ${iterations} iterations, by ${formatNumber(total)} in all`;
    }
    if (sharp) message += aboveBound ? `; learningRate is above ${boundText(sharp)}` : `, although it is below ${boundText(sharp)}`;
    const fix = aboveBound
      ? `lower train.learningRate below 2/λ_max ≈ ${formatNumber(sharp.stableBelow)}`
      : Number.isFinite(bound)
      ? `lower train.learningRate below 2/λ ≈ ${formatNumber(bound)} (λ ≈ ${formatNumber(lambda)}, the curvature implied by J growing ×${formatNumber(rho)} per iteration)`
      : `lower train.learningRate (now ${formatNumber(lr)}), e.g. to ${formatNumber(lr / 10)}`;
    return [
      pathFinding(ctx, 'train.learningRate', {
        rule: 'learning-rate-too-high',
        severity: diverged ? 'error' : 'warning',
        message,
        evidence: {
          learningRate: lr,
          lossStart: start,
          lossEnd: end,
          growthPerIteration: rho,
          curvature: lambda,
          learningRateBound: bound,
          risingShare: share,
          risingTotal: total,
          ...(sharp && { lambdaMax: sharp.lambdaMax, stableBelow: sharp.stableBelow }),
        },
        fix,
      }),
    ];
  },
};
