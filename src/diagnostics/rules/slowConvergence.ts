// slow-convergence: the loss still falls, but late in the run only by a factor r close to 1 per iteration,
// while it fell much faster at first: the signature of an ill-conditioned loss (seed 001, "slow rate of
// descent"). On J = ½(a w₁² + b w₂²), plain gradient descent multiplies w_i by (1 − λ_i η) per step, so J
// falls ×(1 − λη)² per iteration in each direction; stability caps η below 2/λ_fast, which leaves the flat
// direction a factor of at best 1 − 2λ_slow/λ_fast = 1 − 2/κ per step.
//
// Conventions: "rate" is J_{t+1}/J_t (per iteration, < 1 when J falls). The late rate is the geometric mean
// over the last quarter of the run; the early rate is the smallest one-step rate in the first quarter.
// Estimates: λ_slow = (1 − √r_late)/η (J ∝ ρ^{2t}); λ_fast = the larger of ‖∇J‖²/(2J) at iteration 1 (exact
// for a quadratic with minimum 0 when the steep direction dominates J) and (1 − √r_early)/η.
// Only plain full-batch SGD is judged (momentum/adam and mini-batch noise change these relations), and only
// when no earlier rule already flagged the run as an error or warning.
import { formatNumber } from '../format';
import { pathFinding, trainSettings, type Rule, type RuleContext } from '../rule';
import type { Finding } from '../types';

/** Shorter runs are not judged: the quarters would be too short to measure a rate. */
export const MIN_ITERATIONS = 40;
/** Slow: one more decade of J takes more than this many iterations at the late rate. */
export const SLOW_DECADE = 50;
/** Still decreasing: J fell at least this factor over the last quarter (a loss settling on a floor does not). */
export const TAIL_DROP = 2;
/** The early rate, in log terms, at least this many times faster than the late one. */
export const SPEED_RATIO = 10;
/** One geometric mode: the third quarter's log-rate within this fraction of the last quarter's (a 1/t tail is not). */
export const STEADY = 0.1;
/** Below this fraction of J at iteration 1 the run counts as converged, however slowly it goes on. */
export const CONVERGED = 1e-8;

export interface SlowConvergence {
  tail: number; // iterations in the last quarter
  lateRate: number;
  earlyRate: number;
  iterationsPerDecade: number;
}

/** The rates of a loss curve, or null when it does not show a fast start followed by a steady slow decay. */
export function slowTail(loss: readonly number[]): SlowConvergence | null {
  const T = loss.length;
  if (T < MIN_ITERATIONS || !loss.every((v) => Number.isFinite(v) && v > 0)) return null;
  const k = Math.floor(T / 4);
  const end = loss[T - 1];
  if (end < CONVERGED * loss[0]) return null;
  const lateRate = Math.pow(end / loss[T - 1 - k], 1 / k);
  const thirdRate = Math.pow(loss[T - 1 - k] / loss[T - 1 - 2 * k], 1 / k);
  if (loss[T - 1 - k] / end < TAIL_DROP) return null;
  const iterationsPerDecade = Math.log(10) / -Math.log(lateRate);
  if (!(iterationsPerDecade > SLOW_DECADE)) return null;
  if (!(Math.abs(Math.log(thirdRate) / Math.log(lateRate) - 1) <= STEADY)) return null;
  let earlyRate = Infinity;
  for (let t = 1; t <= k; t++) earlyRate = Math.min(earlyRate, loss[t] / loss[t - 1]);
  if (!(Math.log(earlyRate) / Math.log(lateRate) >= SPEED_RATIO)) return null;
  return { tail: k, lateRate, earlyRate, iterationsPerDecade };
}

/** ‖∇J‖² over every layer's weights and biases at the first recorded iteration, or NaN when it is not iteration 1. */
function firstGradientSquared(ctx: RuleContext): number {
  if (ctx.result.recorded[0] !== 1) return NaN;
  return ctx.result.layers.reduce((s, l) => s + (l.gradNorm[0] ?? NaN) ** 2 + (l.biasGradNorm[0] ?? 0) ** 2, 0);
}

export const slowConvergence: Rule = {
  id: 'slow-convergence',
  check(ctx: RuleContext): Finding[] {
    if (ctx.result.stopped || ctx.previous.some((f) => f.severity !== 'info')) return [];
    const { learningRate: lr, optimizer, fullBatch } = trainSettings(ctx);
    if (optimizer.kind !== 'sgd' || !fullBatch || !(lr > 0)) return [];
    const { loss } = ctx.result;
    const slow = slowTail(loss);
    if (!slow) return [];
    const { tail, lateRate, earlyRate, iterationsPerDecade } = slow;

    const flatFactor = Math.sqrt(lateRate); // ρ_slow = 1 − λ_slow η
    const slowCurvature = (1 - flatFactor) / lr;
    const fastCurvature = Math.max(firstGradientSquared(ctx) / (2 * loss[0]), (1 - Math.sqrt(earlyRate)) / lr);
    const kappa = fastCurvature / slowCurvature;
    const bound = 2 / fastCurvature;
    const bestFactor = 1 - 2 / kappa;
    const n = formatNumber;
    const message =
      `Slow convergence: J falls only ×${n(lateRate)} per iteration over the last ${tail} iterations ` +
      `(×${n(earlyRate)} per iteration at first): the flat direction has curvature λ ≈ ${n(slowCurvature)} vs ` +
      `≈ ${n(fastCurvature)} for the steep one (κ ≈ ${n(kappa)}); stability needs η < 2/${n(fastCurvature)} ≈ ${n(bound)}, ` +
      `so the flat direction shrinks at best ×${n(bestFactor)} per step (×${n(flatFactor)} at η = ${n(lr)}); ` +
      `one more decade of J needs ~${Math.round(iterationsPerDecade)} iterations`;
    return [
      pathFinding(ctx, 'train.learningRate', {
        rule: 'slow-convergence',
        severity: 'warning',
        message,
        evidence: {
          learningRate: lr,
          lateRate,
          earlyRate,
          tailIterations: tail,
          slowCurvature,
          fastCurvature,
          conditionNumber: kappa,
          learningRateBound: bound,
          iterationsPerDecade,
        },
        fix: 'rescale the inputs so the curvatures match (normalize each column of data.x), or use train.optimizer: momentum or adam',
      }),
    ];
  },
};
