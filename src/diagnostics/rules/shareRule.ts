// Shared shape of the two "share of entries" rules (saturated-activation, dead-units): flag the layers whose
// share is above the threshold at iteration 1, and, separately, those that only cross it by the last
// recorded iteration (the problem developed during training).
import type { LayerRecord } from '../../engine/types';
import { groupLayers, type LayerGroup, type RuleContext } from '../rule';
import { valueAt, type Stage } from '../stats';

export interface ShareGroup extends LayerGroup {
  stage: Stage;
  /** 1-based iteration the shares were taken at. */
  iteration: number;
  /** Largest share in the group and its layer. */
  share: number;
  layer: LayerRecord;
}

export function shareGroups(
  ctx: RuleContext,
  series: (l: LayerRecord) => number[],
  threshold: number,
  eligible: (l: LayerRecord) => boolean,
): ShareGroup[] {
  const { layers, recorded } = ctx.result;
  const over = (l: LayerRecord, stage: Stage): boolean => eligible(l) && valueAt(series(l), stage) > threshold;
  const out: ShareGroup[] = [];
  for (const stage of ['first', 'last'] as const) {
    if (stage === 'last' && recorded.length < 2) break;
    const iteration = stage === 'first' ? (recorded[0] ?? 1) : recorded[recorded.length - 1];
    const flagged = (l: LayerRecord): boolean => over(l, stage) && (stage === 'first' || !over(l, 'first'));
    for (const group of groupLayers(ctx.spec, layers, flagged)) {
      let layer = layers[group.first - 1];
      for (const l of layers.slice(group.first - 1, group.last)) {
        if (valueAt(series(l), stage) > valueAt(series(layer), stage)) layer = l;
      }
      out.push({ ...group, stage, iteration, share: valueAt(series(layer), stage), layer });
    }
  }
  return out;
}

/** ' at iteration 1', or ' by iteration 1000' for a problem that developed during training. */
export function stageText(group: ShareGroup): string {
  return group.stage === 'first' ? ` at iteration ${group.iteration}` : ` by iteration ${group.iteration}`;
}
