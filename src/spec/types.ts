// What the spec reader gives everyone downstream: a validated spec with the source range of every
// part a reader may point at (errors, findings, hovers, CodeLens), or the list of all its errors.
import type { ActivationSpec, Dataset, InitSpec, LossKind, OptimizerConfig, TrainConfig } from '../engine/types';

/** 0-based line and column (UTF-16 code units), as VS Code counts; the CLI prints them 1-based. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface SpecError {
  message: string;
  range: Range;
  /** Dotted path of the offending key, when there is one: 'layers[0].init', 'train.learningRate'. */
  path?: string;
}

/** One entry of `layers:`, before `repeat` is expanded. */
export interface LayerEntry {
  entry: number; // 0-based position in the `layers:` list
  firstLayer: number; // 1-based index of its first layer after expansion
  lastLayer: number; // 1-based index of its last layer (first + repeat − 1)
  units: number;
  activation: ActivationSpec;
  bias: boolean;
  init: InitSpec;
  repeat: number;
  range: Range; // the whole list item
  keyRange: Range; // where a diagnostic for this entry goes: its first line (the `- units:` line)
  keys: Partial<Record<'units' | 'activation' | 'bias' | 'init' | 'repeat', Range>>;
}

export type DataSource =
  | { kind: 'inline' }
  | { kind: 'csv'; path: string; xColumns: string[]; yColumns: string[] }
  | { kind: 'generate'; generator: string; samples: number; noise: number; classes?: number };

export interface TrainSettings {
  optimizer: OptimizerConfig;
  learningRate: number;
  iterations: number;
  batchSize: 'full' | number;
}

/** Detection thresholds; the defaults live in src/diagnostics, a spec's `diagnose:` overrides them. */
export type ThresholdOverrides = Record<string, number>;

export interface SweepAxis {
  path: string; // 'layers[0].init', 'train.learningRate'
  values: unknown[]; // as written in the spec
  range: Range;
}

/** One point of a sweep, checked like a spec of its own; planRuns turns it into a TrainConfig. */
export interface SweepPoint {
  label: string; // 'layers[0].init=5, train.learningRate=0.1'
  inputs: number;
  entries: LayerEntry[];
  loss: LossKind;
  train: TrainSettings;
  seed: number;
  dataSource: DataSource;
}

export interface NetworkSpec {
  file: string; // as given to the reader (path or URI string)
  format: 'yaml' | 'json';
  name: string; // `name:` or the file's base name
  inputs: number;
  entries: LayerEntry[];
  layerCount: number; // after repeat
  params: number; // weights + biases
  loss: LossKind;
  data: Dataset;
  dataSource: DataSource;
  train: TrainSettings;
  seed: number;
  sweep: SweepAxis[];
  diagnose: ThresholdOverrides;
  /** One resolved point per run of the sweep (cartesian product, first axis outermost); absent without a sweep. */
  points?: SweepPoint[];
  /** Ranges of keys by dotted path ('name', 'loss', 'train.learningRate', 'layers[2].init', 'data', ...):
   *  the key and its value together. */
  ranges: Record<string, Range>;
}

export interface ParseResult {
  spec?: NetworkSpec; // present only when errors is empty
  errors: SpecError[];
  /** YAML warnings (e.g. an unresolved tag): shown, but the spec still runs. */
  warnings?: SpecError[];
}

export interface ParseOptions {
  /** Path or URI string used in messages and to resolve a CSV next to the spec. */
  file: string;
  /** Default: from the file name (.nn.json → json, else yaml). */
  format?: 'yaml' | 'json';
  /** Reads a CSV (path already resolved against the spec's folder). Default: fs.readFileSync. Throw if missing. */
  readFile?: (path: string) => string;
}

/** One run of a spec: the base run, or one point of the sweep. */
export interface RunPlan {
  label: string; // '' without a sweep; 'layers[0].init=5' (several axes joined by ', ')
  config: TrainConfig;
}
