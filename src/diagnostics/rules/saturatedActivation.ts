// saturated-activation: most entries of a layer sit where |φ'(u)| < 1% of sup|φ'| (the engine's `saturation`
// share), so δ is multiplied by almost nothing there. ReLU layers are left to dead-units; linear and
// softmax layers cannot saturate; an output layer under a fused loss (cross-entropy, binary-cross-entropy)
// does not multiply δ by φ' at all.
import { formatNumber, formatPercent, layerRangeText } from '../format';
import { entryOfLayer, layerFinding, type Rule, type RuleContext } from '../rule';
import { derivativeName, groupMedian, initAdviceText, valueAt } from '../stats';
import type { Finding } from '../types';
import { shareGroups, stageText } from './shareRule';

export const saturatedActivation: Rule = {
  id: 'saturated-activation',
  check(ctx: RuleContext): Finding[] {
    const { layers } = ctx.result;
    const fused = ctx.spec.loss === 'cross-entropy' || ctx.spec.loss === 'binary-cross-entropy';
    const eligible = (index: number): boolean => {
      const kind = entryOfLayer(ctx.spec, index)?.activation.kind;
      if (kind === undefined || kind === 'relu' || kind === 'linear' || kind === 'softmax') return false;
      return !(fused && index === layers.length);
    };
    return shareGroups(ctx, (l) => l.saturation, ctx.thresholds.saturation, (l) => eligible(l.index)).map((g) => {
      const { first, last, entry, stage } = g;
      const u = groupMedian(layers, first, last, (l) => valueAt(l.meanAbsPreactivation, stage));
      const d = groupMedian(layers, first, last, (l) => valueAt(l.meanDerivative, stage));
      const dName = derivativeName(entry);
      return layerFinding(ctx, g, {
        rule: 'saturated-activation',
        severity: 'warning',
        message:
          `Saturated activation in ${layerRangeText(first, last, entry)}: up to ${formatPercent(g.share)} of entries ` +
          `have ${dName} below 1% of its peak${stageText(g)} (mean |u| ≈ ${formatNumber(u)}, ${dName} ≈ ` +
          `${formatNumber(d)}), so δ is multiplied by ~${formatNumber(d)} there`,
        evidence: { share: g.share, shareLayer: g.layer.index, iteration: g.iteration, meanAbsPreactivation: u, meanDerivative: d },
        fix:
          stage === 'first'
            ? `scale the init down or normalize the inputs: ${initAdviceText(entry, g.layer)}`
            : 'lower train.learningRate (weights grew until the units saturated) or normalize the inputs',
      });
    });
  },
};
