// What a rule sees and how it builds findings. A rule is a pure function of one run (and the findings of the
// rules registered before it); it never mutates the run.
import type { LayerRecord, OptimizerConfig, RunResult, TrainConfig } from '../engine/types';
import type { LayerEntry, NetworkSpec, Range } from '../spec/types';
import type { Finding, ResolvedThresholds, RuleId, Severity } from './types';

export interface RuleContext {
  spec: NetworkSpec;
  run: string; // the run's label ('' without a sweep)
  result: RunResult;
  thresholds: ResolvedThresholds;
  /** Findings of the rules that ran before this one, on the same run. */
  previous: readonly Finding[];
  /** The run's own settings when the caller has them (a sweep may change train.learningRate). */
  config?: TrainConfig;
}

/** The run's learning rate and optimizer: from its config, else the spec's `train:`. */
export function trainSettings(ctx: RuleContext): { learningRate: number; optimizer: OptimizerConfig; fullBatch: boolean } {
  const source = ctx.config ?? ctx.spec.train;
  return {
    learningRate: source.learningRate,
    optimizer: source.optimizer,
    fullBatch: source.batchSize === 'full' || source.batchSize >= ctx.spec.data.samples,
  };
}

export interface Rule {
  id: RuleId;
  check(ctx: RuleContext): Finding[];
}

/** Consecutive flagged layers of one `layers:` entry (1-based, inclusive). */
export interface LayerGroup {
  entry: LayerEntry;
  first: number;
  last: number;
}

export function entryOfLayer(spec: NetworkSpec, layer: number): LayerEntry | undefined {
  return spec.entries.find((e) => layer >= e.firstLayer && layer <= e.lastLayer);
}

/** Groups the layers for which `flagged(record)` holds into runs of consecutive layers, split at entry borders. */
export function groupLayers(
  spec: NetworkSpec,
  layers: readonly LayerRecord[],
  flagged: (layer: LayerRecord) => boolean,
): LayerGroup[] {
  const groups: LayerGroup[] = [];
  let open: LayerGroup | undefined;
  for (const layer of layers) {
    const entry = entryOfLayer(spec, layer.index);
    if (!entry || !flagged(layer)) {
      open = undefined;
      continue;
    }
    if (open && open.entry === entry && open.last === layer.index - 1) {
      open.last = layer.index;
    } else {
      open = { entry, first: layer.index, last: layer.index };
      groups.push(open);
    }
  }
  return groups;
}

const NOWHERE: Range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

/** The spec range of a dotted path, falling back to its parent ('train.learningRate' → 'train'). */
export function rangeOfPath(spec: NetworkSpec, path: string): Range {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const range = spec.ranges[p];
    if (range) return range;
  }
  return NOWHERE;
}

interface FindingParts {
  rule: RuleId;
  severity: Severity;
  message: string;
  evidence: Record<string, number | string>;
  fix?: string;
}

/** Evidence keeps only finite numbers (a NaN would print as null in JSON) and strings. */
function cleanEvidence(evidence: Record<string, number | string>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(evidence)) {
    if (typeof value === 'string' || Number.isFinite(value)) out[key] = value;
  }
  return out;
}

export function layerFinding(ctx: RuleContext, group: LayerGroup, parts: FindingParts): Finding {
  const range = group.entry.keyRange;
  return {
    ...parts,
    evidence: cleanEvidence(parts.evidence),
    layers: [group.first, group.last],
    entry: group.entry.entry,
    range,
    line: range.start.line + 1,
    run: ctx.run,
  };
}

/** A path-bound finding goes on the key, or, when this run's value of the key comes from the sweep, on the
 *  sweep's line for it (where the value that caused it is written). */
export function pathFinding(ctx: RuleContext, path: string, parts: FindingParts): Finding {
  const swept = ctx.run !== '' && ctx.spec.sweep.some((axis) => axis.path === path) && ctx.spec.ranges[`sweep.${path}`];
  const range = swept || rangeOfPath(ctx.spec, path);
  return {
    ...parts,
    evidence: cleanEvidence(parts.evidence),
    layers: null,
    entry: null,
    path,
    range,
    line: range.start.line + 1,
    run: ctx.run,
  };
}
