// exploding-gradient: at the initial weights (iteration 1) a layer's gradient is too large. Flagged when
//   ‖∂J/∂W_k‖ > exploding                          (absolute), or
//   ‖g_k‖ > explodingRatio · ‖g_L‖ for k < L        (δ grew by that factor on its way back from the output:
//                                                     each layer multiplies it by |w·φ'(u)| > 1, sustained).
import { formatNumber, layerRangeText } from '../format';
import { groupLayers, layerFinding, type Rule, type RuleContext } from '../rule';
import { deltaStepText, initAdviceText, valueAt } from '../stats';
import type { Finding } from '../types';
import type { LayerRecord } from '../../engine/types';

export const explodingGradient: Rule = {
  id: 'exploding-gradient',
  check(ctx: RuleContext): Finding[] {
    const { layers } = ctx.result;
    const t = ctx.thresholds;
    const output = layers[layers.length - 1];
    const outputDelta = output ? valueAt(output.deltaNorm, 'first') : NaN;
    const flagged = (l: LayerRecord): boolean => {
      const g = valueAt(l.gradNorm, 'first');
      const d = valueAt(l.deltaNorm, 'first');
      if (g > t.exploding && Number.isFinite(g)) return true;
      return l !== output && outputDelta > 0 && Number.isFinite(d) && d > t.explodingRatio * outputDelta;
    };
    return groupLayers(ctx.spec, layers, flagged).map((group) => {
      const { first, last, entry } = group;
      const members = layers.slice(first - 1, last);
      let high = members[0];
      for (const l of members) if (valueAt(l.gradNorm, 'first') > valueAt(high.gradNorm, 'first')) high = l;
      const gHigh = valueAt(high.gradNorm, 'first');
      const parts = [`‖∂J/∂W‖ reaches ${formatNumber(gHigh)} (layer ${high.index})`];
      const dHigh = Math.max(...members.map((l) => valueAt(l.deltaNorm, 'first')));
      if (output && outputDelta > 0 && dHigh > outputDelta) {
        parts.push(`δ grows from ${formatNumber(outputDelta)} (layer ${output.index}) to ${formatNumber(dHigh)}`);
      }
      const { step, text } = deltaStepText(entry, layers, first, last, 'grows');
      parts.push(text);
      return layerFinding(ctx, group, {
        rule: 'exploding-gradient',
        severity: 'warning',
        message: `Exploding gradient in ${layerRangeText(first, last, entry)}: ${parts.join('; ')}`,
        evidence: {
          gradNormMax: gHigh,
          gradNormMaxLayer: high.index,
          deltaNormMax: dHigh,
          outputDeltaNorm: outputDelta,
          deltaStep: step,
        },
        fix: `scale the init down: ${initAdviceText(entry, high)}; or lower train.learningRate`,
      });
    });
  },
};
