// vanishing-activation: the forward signal dies out with depth (seed 002 (d), w = 0.9: near u = 0,
// tanh'(u) ≈ 1, so each layer multiplies h by |w·φ'(u)| ≈ 0.9 < 1 and h_k ≈ 0.9ᵏ·h_0; then
// ∂J/∂W_k = h_{k−1}ᵀ g_k is small even where g_k is not).
// A layer is flagged at iteration 1 when mean |h_k| < vanishingActivation and mean |h_k| is below a tenth of
// the largest mean |h| before it (the input included). The output layer only counts together with the
// layer below it (a small output alone may just be a small target).
import { formatNumber, layerRangeText } from '../format';
import { groupLayers, layerFinding, type Rule, type RuleContext } from '../rule';
import { derivativeName, groupMedian, initAdviceText, meanAbs, valueAt, weightText } from '../stats';
import type { Finding } from '../types';

export const vanishingActivation: Rule = {
  id: 'vanishing-activation',
  check(ctx: RuleContext): Finding[] {
    const { layers } = ctx.result;
    const t = ctx.thresholds;
    const input = meanAbs(ctx.spec.data.x);
    const act = layers.map((l) => valueAt(l.meanAbsActivation, 'first'));
    // before[k−1] = the largest mean |h| of the input and layers 1..k−1; peakLayer[k−1] its layer (0 = input).
    const before: number[] = [];
    const peakLayer: number[] = [];
    let peak = Number.isFinite(input) ? input : 0;
    let at = 0;
    for (let k = 1; k <= layers.length; k++) {
      before.push(peak);
      peakLayer.push(at);
      if (act[k - 1] > peak) {
        peak = act[k - 1];
        at = k;
      }
    }
    const small = act.map((a, i) => Number.isFinite(a) && a < t.vanishingActivation && a < 0.1 * before[i]);
    const L = layers.length;
    const flagged = small.map((s, i) => s && (i < L - 1 || small[i - 1] === true));
    return groupLayers(ctx.spec, layers, (l) => flagged[l.index - 1]).map((group) => {
      const { first, last, entry } = group;
      const from = before[first - 1];
      const fromLayer = peakLayer[first - 1];
      const to = act[last - 1];
      // Per-layer factor of mean |h| between the peak and the group's last layer.
      const factor = Math.pow(to / from, 1 / (last - fromLayer));
      const d = groupMedian(layers, first, last, (l) => valueAt(l.meanDerivative, 'first'));
      const fromText = fromLayer === 0 ? 'the input' : `layer ${fromLayer}`;
      const why =
        Number.isFinite(factor) && factor < 1
          ? `, ×${formatNumber(factor)} per layer because |w·φ'(u)| < 1 (${weightText(layers, first, last)}, ` +
            `${derivativeName(entry)} ≈ ${formatNumber(d)})`
          : '';
      return layerFinding(ctx, group, {
        rule: 'vanishing-activation',
        severity: 'warning',
        message:
          `Vanishing activation in ${layerRangeText(first, last, entry)}: mean |h| falls from ${formatNumber(from)} ` +
          `(${fromText}) to ${formatNumber(to)} (layer ${last})${why}, so ∂J/∂W_k = h_{k−1}ᵀg_k shrinks with it`,
        evidence: {
          meanAbsFrom: from,
          meanAbsFromLayer: fromLayer,
          meanAbsTo: to,
          factorPerLayer: factor,
          meanDerivative: d,
        },
        fix: `scale the init up so |w·φ'(u)| ≈ 1: ${initAdviceText(entry, layers[first - 1])}`,
      });
    });
  },
};
