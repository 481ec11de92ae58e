// Shared helpers for the spec reader's tests: parse inline text and look errors up by 1-based position.
import { strict as assert } from 'assert';
import { parseSpec, type NetworkSpec, type ParseOptions, type ParseResult, type SpecError } from '../../../src/spec';

/** Template tag that strips the common indentation of a multi-line spec literal. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function parse(text: string, options: Partial<ParseOptions> = {}): ParseResult {
  return parseSpec(text, { file: 'test.nn.yaml', ...options });
}

export function parseOk(text: string, options: Partial<ParseOptions> = {}): NetworkSpec {
  const r = parse(text, options);
  assert.deepEqual(r.errors.map(describe), [], 'expected no errors');
  assert.ok(r.spec);
  return r.spec;
}

/** 'line:col message' with 0-based line and column, as the API gives them. */
export function describe(e: SpecError): string {
  return `${e.range.start.line}:${e.range.start.column} ${e.message}`;
}

/** The one error whose message contains `fragment`; fails listing all errors otherwise. */
export function errorWith(errors: SpecError[], fragment: string): SpecError {
  const hits = errors.filter((e) => e.message.includes(fragment));
  assert.equal(hits.length, 1, `expected one error containing "${fragment}", got:\n${errors.map(describe).join('\n')}`);
  return hits[0];
}

/** Asserts the error's start (0-based line, column) and, when given, its end. */
export function assertAt(e: SpecError, line: number, column: number, endLine?: number, endColumn?: number): void {
  assert.deepEqual(e.range.start, { line, column }, `start of: ${e.message}`);
  if (endLine !== undefined) assert.deepEqual(e.range.end, { line: endLine, column: endColumn }, `end of: ${e.message}`);
}

/** Parses `text` and asserts that exactly one error contains `fragment`, at the given 0-based position. */
export function errorAt(text: string, fragment: string, line: number, column: number, endLine?: number, endColumn?: number): void {
  assertAt(errorWith(parse(text).errors, fragment), line, column, endLine, endColumn);
}

/** A small valid spec to vary in tests. */
export const BASE = yaml`
  name: small
  inputs: 2
  layers:
    - units: 3
      activation: tanh
    - units: 1
      activation: sigmoid
  loss: binary-cross-entropy
  data:
    x: [[0, 0], [0, 1], [1, 0], [1, 1]]
    y: [[0], [1], [1], [0]]
  train:
    learningRate: 0.5
    iterations: 100
`;
