// stalled-loss: over a whole run (at least MIN_ITERATIONS iterations) the loss fell by less than `stalled`
// of its start while staying far from 0 (seed 002 w=5 and w=0.9: "stuck at 0.125"). A rising loss is left to
// learning-rate-too-high. Analysis runs (one pass at the initial weights) are never stalled.
import { formatNumber } from '../format';
import { pathFinding, trainSettings, type Rule, type RuleContext } from '../rule';
import type { Finding } from '../types';

export const MIN_ITERATIONS = 10;
/** Below this the loss counts as reached 0, not stalled. */
export const LOSS_FLOOR = 1e-6;

/** The run's loss after training: finalLoss, or the last recorded J when the run stopped early. */
export function endLoss(ctx: RuleContext): number {
  const { finalLoss, loss } = ctx.result;
  return Number.isFinite(finalLoss) ? finalLoss : (loss[loss.length - 1] ?? NaN);
}

export const stalledLoss: Rule = {
  id: 'stalled-loss',
  check(ctx: RuleContext): Finding[] {
    const { loss, iterations } = ctx.result;
    if (iterations < MIN_ITERATIONS || ctx.result.stopped) return [];
    const start = loss[0];
    const end = endLoss(ctx);
    if (!(start > 0) || !Number.isFinite(end) || end < LOSS_FLOOR) return [];
    const decrease = (start - end) / start;
    const t = ctx.thresholds.stalled;
    if (decrease >= t || decrease <= -t) return [];
    const a = formatNumber(start);
    const b = formatNumber(end);
    const course = a === b ? `J stays at ${a}` : `J only goes from ${a} to ${b}`;
    const cause = ctx.previous.find((f) => f.rule === 'vanishing-gradient' || f.rule === 'saturated-activation');
    const fix = cause
      ? `fix the ${cause.rule.replace('-', ' ')} first (${cause.layers ? `layers ${cause.layers[0]}–${cause.layers[1]}` : 'see it'}): the weights barely move`
      : `raise train.learningRate (now ${formatNumber(trainSettings(ctx).learningRate)}) or use adam`;
    return [
      pathFinding(ctx, 'loss', {
        rule: 'stalled-loss',
        severity: 'warning',
        message: `Training stalled: ${course} over ${iterations} iterations (relative decrease ${formatNumber(decrease)} < ${formatNumber(t)})`,
        evidence: { lossStart: start, lossEnd: end, relativeDecrease: decrease, iterations },
        fix,
      }),
    ];
  },
};
