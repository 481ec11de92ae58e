// The panel's "Export" files, built from the full (not decimated) run in the results store.
// JSON: the shape of `gradient-lens train --json` (SPEC-FORMAT.md) with this one run, so a script that reads
// the CLI's output reads an export too; lines are 1-based there, as the CLI prints them. CSV: one row per layer.
// Non-finite numbers: JSON has no NaN/Infinity, so they become null; CSV writes NaN, Infinity, -Infinity.
import type { LayerRecord } from '../../engine/types';
import type { Finding } from '../../diagnostics/types';
import type { NetworkSpec } from '../../spec/types';
import type { SpecRun } from '../results';
import { layerFlags, layerSource } from './panelState';

const SERIES = ['gradNorm', 'deltaNorm', 'meanAbsActivation', 'saturation', 'deadShare'] as const;

type SeriesName = (typeof SERIES)[number];

function firstOf(series: number[]): number {
  return series.length > 0 ? series[0] : NaN;
}

function lastOf(series: number[]): number {
  return series.length > 0 ? series[series.length - 1] : NaN;
}

/** 1-based line of layer k's `layers:` entry, or null when the spec does not parse. */
function lineOf(spec: NetworkSpec | undefined, layer: number): number | null {
  const { line } = layerSource(spec, layer);
  return line >= 0 ? line + 1 : null;
}

export interface ExportInput {
  file: string; // the spec's path or URI, as shown to the user
  spec: NetworkSpec | undefined;
  run: SpecRun;
  findings: Finding[]; // all of the spec's findings; this run's are picked by label
}

function runFindings(input: ExportInput): Finding[] {
  return input.findings.filter((f) => f.run === input.run.label);
}

export function exportJson(input: ExportInput): string {
  const { result, label } = input.run;
  const findings = runFindings(input);
  const flags = layerFlags(findings, result.layers.length);
  const layers = result.layers.map((record: LayerRecord, i) => {
    const out: Record<string, unknown> = {
      index: record.index,
      line: lineOf(input.spec, record.index),
      units: record.units,
      activation: record.activation,
    };
    for (const name of SERIES) out[name] = { first: firstOf(record[name]), last: lastOf(record[name]) };
    out.flags = flags[i];
    return out;
  });
  const run: Record<string, unknown> = {
    label,
    loss: result.loss,
    finalLoss: result.finalLoss,
    iterations: result.iterations,
    layers,
  };
  if (result.trace) run.trace = result.trace;
  run.findings = findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    layers: f.layers,
    line: f.line,
    message: f.message,
    ...(f.fix ? { fix: f.fix } : {}),
  }));
  if (result.stopped) run.stopped = result.stopped;
  return `${JSON.stringify({ spec: input.file, runs: [run] }, null, 2)}\n`;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes inside. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(input: ExportInput): string {
  const { result, label } = input.run;
  const flags = layerFlags(runFindings(input), result.layers.length);
  const header = ['run', 'layer', 'line', 'units', 'activation'];
  for (const name of SERIES) header.push(`${name}_first`, `${name}_last`);
  header.push('flags');
  const rows = [header.join(',')];
  for (const [i, record] of result.layers.entries()) {
    const cells: (string | number | null)[] = [label, record.index, lineOf(input.spec, record.index), record.units];
    cells.push(record.activation);
    for (const name of SERIES as readonly SeriesName[]) cells.push(firstOf(record[name]), lastOf(record[name]));
    cells.push(flags[i].join(';'));
    rows.push(cells.map(csvField).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The loss curve as CSV: iteration (1-based), J before that iteration's update. */
export function exportLossCsv(input: ExportInput): string {
  const rows = ['run,iteration,loss'];
  input.run.result.loss.forEach((value, i) => rows.push([input.run.label, i + 1, value].map(csvField).join(',')));
  return `${rows.join('\r\n')}\r\n`;
}
