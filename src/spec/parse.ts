// parseSpec: spec text → a validated NetworkSpec, or every error with its range.
import { parseDocument, type YAMLError } from 'yaml';
import { readFileChecked } from './csvData';
import { readDocument, type ReadContext } from './document';
import { checkJsonSyntax } from './jsonSyntax';
import { Reader, type YNode } from './reader';
import { SourceText } from './source';
import { checkSweep } from './sweepPoints';
import type { NetworkSpec, ParseOptions, ParseResult, SpecError, SweepPoint } from './types';

function formatOf(file: string): 'yaml' | 'json' {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** 'nets/deep-tanh.nn.yaml' → 'deep-tanh' */
export function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return decodeURIComponent(last).replace(/(\.nn)?\.(ya?ml|json)$/i, '') || last;
}

function yamlError(src: SourceText, e: YAMLError, format: 'yaml' | 'json'): SpecError {
  const [start, end] = e.pos;
  if (e.code === 'DUPLICATE_KEY') {
    // The parser points at the key's first character; the range covers the whole key.
    const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:,{}[\]]+)/.exec(src.text.slice(start, start + 200))?.[0] ?? src.text.slice(start, end);
    return { message: `duplicate key ${key.startsWith('"') || key.startsWith("'") ? key : `'${key}'`}; each key may appear once`, range: src.range(start, start + key.length) };
  }
  const lang = format === 'json' ? 'JSON' : 'YAML';
  return { message: `${lang} syntax: ${e.message.split('\n')[0]}`, range: src.range(start, end) };
}

function byPosition(a: SpecError, b: SpecError): number {
  return a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column;
}

export function parseSpec(text: string, options: ParseOptions): ParseResult {
  const format = options.format ?? formatOf(options.file);
  const src = new SourceText(text);
  if (format === 'json') {
    const e = checkJsonSyntax(text);
    if (e) return { errors: [{ message: e.message, range: src.range(e.offset, e.offset + e.length) }] };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => yamlError(src, e, format));
  const warnings = doc.warnings.map((e) => ({ ...yamlError(src, e, format), message: `${format === 'json' ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}` }));
  const withWarnings = (r: ParseResult): ParseResult => (warnings.length > 0 ? { ...r, warnings } : r);
  // Only duplicate keys leave a tree worth checking further; other syntax errors would cascade.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return withWarnings({ errors: errors.sort(byPosition) });

  const ctx: ReadContext = { file: options.file, readFile: options.readFile ?? readFileChecked };
  const reader = new Reader(src, doc);
  const root = doc.contents as YNode | null;
  const read = readDocument(reader, root, ctx);
  const base = read.resolved;
  errors.push(...reader.errors);

  let points: SweepPoint[] | undefined;
  const axes = read.axes;
  if (axes.length > 0) {
    const baseData = read.loaded && (read.data ? { ...read.loaded, dataset: read.data } : read.loaded);
    const checked = checkSweep(src, doc, baseData ? { ...ctx, baseData } : ctx, readDocument, axes, errors);
    errors.push(...checked.errors);
    points = checked.points;
  }
  if (errors.length > 0 || !base) return withWarnings({ errors: errors.sort(byPosition) });

  const spec: NetworkSpec = {
    file: options.file,
    format,
    name: base.name ?? baseName(options.file),
    inputs: base.inputs,
    entries: base.entries,
    layerCount: base.layerCount,
    params: base.params,
    loss: base.loss,
    data: base.data,
    dataSource: base.dataSource,
    train: base.train,
    seed: base.seed,
    sweep: axes.map((a) => a.axis),
    diagnose: base.diagnose,
    ranges: reader.ranges,
  };
  if (points) spec.points = points;
  return withWarnings({ spec, errors: [] });
}
