// Spec errors and findings → plain diagnostics (no 'vscode' import; ./problems.ts turns them into
// vscode.Diagnostic). One diagnostic per finding; with a sweep, the message starts with the run's label.
import type { Finding, Severity } from '../diagnostics/types';
import type { NetworkSpec, Range, SpecError } from '../spec/types';

export interface PlainRelated {
  range: Range;
  message: string;
}

export interface PlainDiagnostic {
  range: Range;
  severity: Severity;
  message: string;
  code?: string; // the rule id for findings
  related: PlainRelated[];
}

export function specErrorDiagnostics(errors: SpecError[]): PlainDiagnostic[] {
  return errors.map((e) => ({ range: e.range, severity: 'error', message: e.message, related: [] }));
}

/** "layers 1–72 of 100" / "layer 3 of 5": the layer range a finding covers. */
export function layerRangeLabel(layers: [number, number], layerCount: number): string {
  const [a, b] = layers;
  return a === b ? `layer ${a} of ${layerCount}` : `layers ${a}–${b} of ${layerCount}`;
}

/** The finding's message, prefixed with the run label in a sweep and with the layer range if it lacks one. */
export function findingMessage(f: Finding, spec: NetworkSpec): string {
  let message = f.message;
  if (f.layers && !/\blayers?\s+\d/.test(message)) message = `${layerRangeLabel(f.layers, spec.layerCount)}: ${message}`;
  if (spec.sweep.length > 0 && f.run) message = `[${f.run}] ${message}`;
  return message;
}

function relatedFor(f: Finding, spec: NetworkSpec): PlainRelated[] {
  const related: PlainRelated[] = [];
  // The key a fix changes: the entry's activation for dead units, its init for the others (weight scale).
  if (f.entry !== null && f.fix) {
    const entry = spec.entries[f.entry];
    const key = f.rule === 'dead-units' ? 'activation' : 'init';
    const range = entry?.keys[key] ?? entry?.keys.init;
    if (range) related.push({ range, message: `Fix: ${f.fix}` });
  } else if (f.fix && f.path && spec.ranges[f.path]) {
    related.push({ range: spec.ranges[f.path], message: `Fix: ${f.fix}` });
  }
  // In a sweep, the value of the axis that made this run.
  if (f.run && spec.sweep.length > 0) {
    for (const axis of spec.sweep) {
      if (f.run.includes(`${axis.path}=`)) related.push({ range: axis.range, message: `This run: ${f.run}` });
    }
  }
  return related;
}

export function findingDiagnostics(findings: Finding[], spec: NetworkSpec): PlainDiagnostic[] {
  return findings.map((f) => ({
    range: f.range,
    severity: f.severity,
    message: findingMessage(f, spec),
    code: f.rule,
    related: relatedFor(f, spec),
  }));
}
