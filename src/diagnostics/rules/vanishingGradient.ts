// vanishing-gradient: at the initial weights (iteration 1) a layer's ‖∂J/∂W_k‖ is too small to train it.
// A layer is flagged when any of these holds:
//   ‖∂J/∂W_k‖ < vanishing                                  (absolute: seed 002 w=5 reaches 5.83e-304)
//   ‖∂J/∂W_k‖ < vanishingRatio · max_j ‖∂J/∂W_j‖           (it learns far slower than the fastest layer)
//   s_k = ‖∂J/∂W_k‖·‖W_k‖ / J < vanishingSensitivity         (a 1% change of W_k moves J by < s_k %: seed 002
//                                                             w=0.9 has ‖∂J/∂W_k‖ ≈ 5.6e-6 in every layer)
import { formatNumber, formatPercent, layerRangeText } from '../format';
import { groupLayers, layerFinding, type Rule, type RuleContext } from '../rule';
import { deltaStepText, groupMedian, initAdviceText, valueAt } from '../stats';
import type { Finding } from '../types';
import type { LayerRecord } from '../../engine/types';

/** s_k = ‖∂J/∂W_k‖·‖W_k‖/J at iteration 1; NaN when J or ‖W_k‖ is 0 (no scale to compare with). */
export function sensitivity(layer: LayerRecord, loss: number): number {
  const w = valueAt(layer.weightNorm, 'first');
  if (!(loss > 0) || !(w > 0)) return NaN;
  return (valueAt(layer.gradNorm, 'first') * w) / loss;
}

function largest(layers: readonly LayerRecord[]): LayerRecord | undefined {
  let best: LayerRecord | undefined;
  for (const l of layers) {
    const g = valueAt(l.gradNorm, 'first');
    if (Number.isFinite(g) && (!best || g > valueAt(best.gradNorm, 'first'))) best = l;
  }
  return best;
}

export const vanishingGradient: Rule = {
  id: 'vanishing-gradient',
  check(ctx: RuleContext): Finding[] {
    const { layers } = ctx.result;
    const t = ctx.thresholds;
    const loss = ctx.result.loss[0] ?? NaN;
    const top = largest(layers);
    const maxGrad = top ? valueAt(top.gradNorm, 'first') : NaN;
    const flagged = (l: LayerRecord): boolean => {
      const g = valueAt(l.gradNorm, 'first');
      if (!Number.isFinite(g)) return false;
      return g < t.vanishing || g < t.vanishingRatio * maxGrad || sensitivity(l, loss) < t.vanishingSensitivity;
    };
    return groupLayers(ctx.spec, layers, flagged).map((group) => {
      const { first, last, entry } = group;
      const members = layers.slice(first - 1, last);
      let low = members[0];
      let high = members[0];
      for (const l of members) {
        if (valueAt(l.gradNorm, 'first') < valueAt(low.gradNorm, 'first')) low = l;
        if (valueAt(l.gradNorm, 'first') > valueAt(high.gradNorm, 'first')) high = l;
      }
      const gLow = valueAt(low.gradNorm, 'first');
      const gHigh = valueAt(high.gradNorm, 'first');
      const sensitivities = members.map((l) => sensitivity(l, loss)).filter(Number.isFinite);
      const maxSensitivity = sensitivities.length ? Math.max(...sensitivities) : NaN;
      const parts: string[] = [];
      // Falls (reference = the largest layer in the run) or stays flat and small everywhere in the group.
      if (top && top !== low && maxGrad > 100 * gLow) {
        parts.push(`‖∂J/∂W‖ falls from ${formatNumber(maxGrad)} (layer ${top.index}) to ${formatNumber(gLow)} (layer ${low.index})`);
      } else {
        const where = first === last ? '' : ' in every layer';
        const whose = first === last ? 'its' : "any of these layers'";
        const moves = Number.isFinite(maxSensitivity)
          ? `, so a 1% change of ${whose} weights moves J = ${formatNumber(loss)} by at most ${formatNumber(maxSensitivity)}%`
          : '';
        parts.push(`‖∂J/∂W‖ ≤ ${formatNumber(gHigh)}${where}${moves}`);
      }
      const { step, text } = deltaStepText(entry, layers, first, last, 'shrinks');
      parts.push(text);
      const saturation = groupMedian(layers, first, last, (l) => valueAt(l.saturation, 'first'));
      const advice = initAdviceText(entry, low);
      let fix: string;
      if (saturation > 0.5) {
        fix = `scale the init down so |u| stays where φ' is large: ${advice} (${formatPercent(saturation)} of entries saturated)`;
      } else if (Number.isFinite(step) && step < 1) {
        fix = `scale the init up so each layer keeps δ's size: ${advice}; or use fewer layers`;
      } else {
        fix = `raise train.learningRate for these layers' scale or use adam; ${advice}`;
      }
      return layerFinding(ctx, group, {
        rule: 'vanishing-gradient',
        severity: 'warning',
        message: `Vanishing gradient in ${layerRangeText(first, last, entry)}: ${parts.join('; ')}`,
        evidence: {
          gradNormMin: gLow,
          gradNormMinLayer: low.index,
          gradNormMax: gHigh,
          gradNormMaxLayer: high.index,
          runGradNormMax: maxGrad,
          runGradNormMaxLayer: top?.index ?? NaN,
          deltaStep: step,
          sensitivityMax: maxSensitivity,
          saturation,
          meanDerivative: groupMedian(layers, first, last, (l) => valueAt(l.meanDerivative, 'first')),
          meanAbsPreactivation: groupMedian(layers, first, last, (l) => valueAt(l.meanAbsPreactivation, 'first')),
          loss,
        },
        fix,
      });
    });
  },
};
