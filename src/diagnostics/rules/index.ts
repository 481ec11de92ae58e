// The rules, in the order they run (later rules may read earlier findings: stalled-loss names its cause;
// slow-convergence runs last and stays quiet when another rule already flagged the run).
// A rule id may be registered once; registering it twice is a programming error and throws.
import type { Rule } from '../rule';
import type { RuleId } from '../types';
import { deadUnits } from './deadUnits';
import { explodingGradient } from './explodingGradient';
import { learningRateTooHigh } from './learningRateTooHigh';
import { nonFinite } from './nonFinite';
import { saturatedActivation } from './saturatedActivation';
import { slowConvergence } from './slowConvergence';
import { stalledLoss } from './stalledLoss';
import { vanishingActivation } from './vanishingActivation';
import { vanishingGradient } from './vanishingGradient';

export function buildRegistry(rules: readonly Rule[]): readonly Rule[] {
  const seen = new Set<RuleId>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`diagnostics: rule '${rule.id}' is registered twice`);
    seen.add(rule.id);
  }
  return Object.freeze([...rules]);
}

export const RULES: readonly Rule[] = buildRegistry([
  nonFinite,
  vanishingGradient,
  explodingGradient,
  vanishingActivation,
  saturatedActivation,
  deadUnits,
  stalledLoss,
  learningRateTooHigh,
  slowConvergence,
]);
