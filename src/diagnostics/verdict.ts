// A run's one-line summary for status bars and table headers: 'healthy', or the problems found
// ('vanishing in layers 1–99, stalled'). Info findings do not count against health.
import { RULES } from './rules';
import { SEVERITY_ORDER } from './diagnose';
import type { Finding, RuleId } from './types';

const SHORT: Record<RuleId, string> = {
  'non-finite': 'non-finite',
  'vanishing-gradient': 'vanishing',
  'exploding-gradient': 'exploding',
  'vanishing-activation': 'vanishing activations',
  'saturated-activation': 'saturated',
  'dead-units': 'dead units',
  'stalled-loss': 'stalled',
  'learning-rate-too-high': 'learning rate too high',
  'slow-convergence': 'slow convergence',
};

/** 'in layer 3', 'in layers 1–60', 'in all 100 layers' for the span of layers the findings cover. */
function spanText(first: number, last: number, layerCount: number): string {
  if (first === last) return ` in layer ${first}`;
  if (first === 1 && last === layerCount) return ` in all ${layerCount} layers`;
  return ` in layers ${first}–${last}`;
}

export function verdict(findings: readonly Finding[], layerCount: number): string {
  const serious = findings.filter((f) => f.severity !== 'info');
  if (serious.length === 0) return 'healthy';
  const ruleRank = (id: RuleId): number => RULES.findIndex((r) => r.id === id);
  const worst = new Map<RuleId, number>();
  for (const f of serious) worst.set(f.rule, Math.min(worst.get(f.rule) ?? Infinity, SEVERITY_ORDER[f.severity]));
  const rules = [...worst.keys()].sort((a, b) => worst.get(a)! - worst.get(b)! || ruleRank(a) - ruleRank(b));
  return rules
    .map((rule) => {
      const spans = serious.filter((f) => f.rule === rule && f.layers).map((f) => f.layers!);
      if (spans.length === 0) return SHORT[rule];
      const first = Math.min(...spans.map((s) => s[0]));
      const last = Math.max(...spans.map((s) => s[1]));
      return SHORT[rule] + spanText(first, last, layerCount);
    })
    .join(', ');
}
