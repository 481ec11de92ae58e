// dead-units: a share of a layer's units has φ'(u) = 0 on every sample (ReLU units stuck below 0), so no
// gradient reaches their weights or passes through them to the layers below.
import { formatPercent, layerRangeText } from '../format';
import { layerFinding, type Rule, type RuleContext } from '../rule';
import { derivativeName } from '../stats';
import type { Finding } from '../types';
import { shareGroups, stageText } from './shareRule';

export const deadUnits: Rule = {
  id: 'dead-units',
  check(ctx: RuleContext): Finding[] {
    return shareGroups(ctx, (l) => l.deadShare, ctx.thresholds.dead, () => true).map((g) => {
      const all = g.share >= 1;
      const units = g.layer.units;
      return layerFinding(ctx, g, {
        rule: 'dead-units',
        severity: all ? 'error' : 'warning',
        message:
          `Dead units in ${layerRangeText(g.first, g.last, g.entry)}: ${formatPercent(g.share)} of the ${units} ` +
          `unit${units === 1 ? '' : 's'} of layer ${g.layer.index} have ${derivativeName(g.entry)} = 0 on every ` +
          `sample${stageText(g)}` +
          (all ? ', so no gradient passes below it' : ', so their weights never change'),
        evidence: { share: g.share, shareLayer: g.layer.index, iteration: g.iteration, units },
        fix:
          g.stage === 'first'
            ? 'use he init and a small positive bias, or leaky-relu'
            : 'lower train.learningRate (a large step pushed the units below 0), or use leaky-relu',
      });
    });
  },
};
