// Findings: what the rules conclude from a run, with the evidence a person needs to believe it.
import type { Range } from '../spec/types';

export type RuleId =
  | 'vanishing-gradient'
  | 'exploding-gradient'
  | 'vanishing-activation'
  | 'saturated-activation'
  | 'dead-units'
  | 'non-finite'
  | 'stalled-loss'
  | 'learning-rate-too-high'
  | 'slow-convergence';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** 1-based layers after repeats, first and last (inclusive); null for whole-run findings (stalled loss). */
  layers: [number, number] | null;
  /** The `layers:` entry the finding sits on (0-based), or null when it belongs to another key. */
  entry: number | null;
  /** Dotted spec path the finding belongs to when it is not a layer ('train.learningRate', 'loss'). */
  path?: string;
  /** Where in the spec it goes (filled from the spec's ranges). */
  range: Range;
  line: number; // 1-based line of range.start, as the CLI's JSON gives it
  message: string; // one line, with the numbers and the reason
  evidence: Record<string, number | string>;
  fix?: string; // a suggested change, in words
  run: string; // the run's label ('' without a sweep)
}

export interface Thresholds {
  /** ‖∂J/∂W_k‖ below this (at the first iteration) is vanishing. */
  vanishing: number;
  /** ‖∂J/∂W_k‖ above this is exploding. */
  exploding: number;
  /** Mean |h_k| below this (and shrinking with depth) is a vanishing activation. */
  vanishingActivation: number;
  /** Share of saturated entries above which a layer is saturated. */
  saturation: number;
  /** Share of dead units above which a layer is flagged. */
  dead: number;
  /** Relative loss decrease over the run below which training has stalled. */
  stalled: number;
  // Added by the diagnostics rules (optional so existing literals stay valid; resolveThresholds fills them).
  /** ‖∂J/∂W_k‖·‖W_k‖/J below this is vanishing: a 1% change of W_k moves J by less than this many %. */
  vanishingSensitivity?: number;
  /** ‖∂J/∂W_k‖ below this fraction of the largest layer's ‖∂J/∂W‖ is vanishing. */
  vanishingRatio?: number;
  /** ‖g_k‖ (δ over the batch) above this multiple of the output layer's ‖g_L‖ is exploding. */
  explodingRatio?: number;
}

/** Every threshold present: what the rules see after resolveThresholds. */
export type ResolvedThresholds = Required<Thresholds>;
