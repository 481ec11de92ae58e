// `train --json`: one object, exactly the contract of SPEC-FORMAT.md plus a few extra fields
// (iterations, stopped, nonFinite, verdict, sharpness, deadShare, the findings' evidence and fix).
import { entryOfLayer, verdict, type Finding } from '../diagnostics';
import type { LayerRecord, Trace } from '../engine';
import type { NetworkSpec } from '../spec';
import type { TrainedRun } from './runs';

const firstLast = (series: readonly number[]): { first: number; last: number } => ({
  first: series[0] ?? NaN,
  last: series[series.length - 1] ?? NaN,
});

/** For a layer of one unit each sample's entry is the number h_{k,i}; wider layers keep the sample's row. */
function unwrap(matrix: number[][]): number[] | number[][] {
  return matrix.every((row) => row.length === 1) ? matrix.map((row) => row[0]) : matrix;
}

function traceJson(trace: Trace): { h: (number[] | number[][])[]; g: (number[] | number[][] | null)[] } {
  return { h: trace.h.map(unwrap), g: trace.g.map((g) => (g ? unwrap(g) : null)) };
}

function layerJson(spec: NetworkSpec, l: LayerRecord) {
  const entry = entryOfLayer(spec, l.index);
  return {
    index: l.index,
    line: entry ? entry.keyRange.start.line + 1 : null,
    units: l.units,
    activation: l.activation,
    gradNorm: firstLast(l.gradNorm),
    deltaNorm: firstLast(l.deltaNorm),
    meanAbsActivation: firstLast(l.meanAbsActivation),
    saturation: firstLast(l.saturation),
    deadShare: firstLast(l.deadShare),
  };
}

function findingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    layers: f.layers,
    line: f.line,
    message: f.message,
    ...(f.path !== undefined && { path: f.path }),
    ...(f.fix !== undefined && { fix: f.fix }),
    evidence: f.evidence,
  };
}

export function trainJson(specPath: string, spec: NetworkSpec, runs: readonly TrainedRun[]): string {
  const out = {
    spec: specPath,
    runs: runs.map(({ label, result, findings }) => ({
      label,
      loss: result.loss,
      finalLoss: result.finalLoss,
      iterations: result.iterations,
      ...(result.stopped !== undefined && { stopped: result.stopped }),
      ...(result.nonFinite !== undefined && { nonFinite: { ...result.nonFinite, value: String(result.nonFinite.value) } }),
      verdict: verdict(findings, spec.layerCount),
      layers: result.layers.map((l) => layerJson(spec, l)),
      ...(result.sharpness !== undefined && { sharpness: { ...result.sharpness } }),
      ...(result.trace !== undefined && { trace: traceJson(result.trace) }),
      findings: findings.map(findingJson),
    })),
  };
  return JSON.stringify(out) + '\n';
}
