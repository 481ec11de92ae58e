// Detection thresholds: the defaults, what each one means, and how a spec's `diagnose:` block overrides them.
// The layer rules read the first iteration (the initial weights); the loss rules read the whole run.
import type { ResolvedThresholds, Thresholds } from './types';

export const DEFAULT_THRESHOLDS: ResolvedThresholds = {
  vanishing: 1e-8,
  vanishingSensitivity: 1e-3,
  vanishingRatio: 1e-5,
  exploding: 1e3,
  explodingRatio: 1e3,
  vanishingActivation: 1e-3,
  saturation: 0.5,
  dead: 0.5,
  stalled: 1e-2,
};

/** One line per threshold, for the README, hovers and `--help`. */
export const THRESHOLD_DOCS: Record<keyof ResolvedThresholds, string> = {
  vanishing: '‖∂J/∂W_k‖ at iteration 1 below this is a vanishing gradient',
  vanishingSensitivity:
    '‖∂J/∂W_k‖·‖W_k‖/J below this is a vanishing gradient (a 1% change of W_k moves J by less than this many %)',
  vanishingRatio: "‖∂J/∂W_k‖ below this fraction of the largest layer's is a vanishing gradient",
  exploding: '‖∂J/∂W_k‖ at iteration 1 above this is an exploding gradient',
  explodingRatio: "‖∂J/∂u_k‖ above this multiple of the output layer's is an exploding gradient",
  vanishingActivation: 'mean |h_k| below this, and below a tenth of the layers before it, is a vanishing activation',
  saturation: 'share of entries with |φ′(u)| < 1% of sup|φ′| above which a layer is saturated',
  dead: 'share of units with φ′(u) = 0 on every sample above which a layer has dead units',
  stalled: 'relative loss decrease over the whole run below which training has stalled',
};

export const THRESHOLD_NAMES = Object.keys(DEFAULT_THRESHOLDS) as (keyof ResolvedThresholds)[];

function isThresholdName(name: string): name is keyof ResolvedThresholds {
  return Object.prototype.hasOwnProperty.call(DEFAULT_THRESHOLDS, name);
}

/** The defaults with `overrides` applied. Unknown names and values that are not finite positive numbers are
 *  ignored here (the spec reader reports them at their key). */
export function resolveThresholds(overrides?: Record<string, number>): ResolvedThresholds {
  const out: ResolvedThresholds = { ...DEFAULT_THRESHOLDS };
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (isThresholdName(name) && typeof value === 'number' && Number.isFinite(value) && value > 0) out[name] = value;
  }
  return out;
}

/** Fills the optional thresholds a caller's literal may lack. */
export function completeThresholds(thresholds: Thresholds): ResolvedThresholds {
  const out: ResolvedThresholds = { ...DEFAULT_THRESHOLDS };
  for (const name of THRESHOLD_NAMES) {
    const value = thresholds[name];
    if (typeof value === 'number') out[name] = value;
  }
  return out;
}
