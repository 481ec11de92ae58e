// non-finite: the engine stopped the run because a NaN or ±Infinity appeared; say where it first did.
import { entryOfLayer, layerFinding, pathFinding, type Rule, type RuleContext } from '../rule';
import type { Finding } from '../types';

const PHASE_TEXT = { forward: 'forward pass', loss: 'loss', backward: 'backward pass', update: 'weight update' };

export const nonFinite: Rule = {
  id: 'non-finite',
  check(ctx: RuleContext): Finding[] {
    const event = ctx.result.nonFinite;
    if (!event) return [];
    const value = Number.isNaN(event.value) ? 'NaN' : event.value > 0 ? '+Infinity' : '-Infinity';
    const where = event.layer > 0 ? `layer ${event.layer}` : 'the loss';
    const parts = {
      rule: 'non-finite' as const,
      severity: 'error' as const,
      message:
        `Non-finite value (${value}) in ${where} at iteration ${event.iteration}, ${PHASE_TEXT[event.phase]}; ` +
        `training stopped after ${ctx.result.iterations} completed iterations`,
      evidence: { iteration: event.iteration, layer: event.layer, phase: event.phase, value },
      fix:
        event.iteration > 1
          ? 'lower train.learningRate (the weights grew until they overflowed)'
          : 'scale the init or the inputs down (the initial weights already overflow)',
    };
    const entry = event.layer > 0 ? entryOfLayer(ctx.spec, event.layer) : undefined;
    return [entry ? layerFinding(ctx, { entry, first: event.layer, last: event.layer }, parts) : pathFinding(ctx, 'loss', parts)];
  },
};
