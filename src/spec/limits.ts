// Size limits of a spec, checked before anything is allocated (docs/SPEC-FORMAT.md, "Limits").
// A spec over a limit is an error at the offending key, never an out-of-memory.
export const LIMITS = Object.freeze({
  /** Layers after `repeat` is expanded. */
  layers: 2000,
  /** Units of one layer (also the inputs). */
  unitsPerLayer: 4096,
  /** Weights + biases of the whole network. */
  parameters: 20_000_000,
  /** Samples of inline or CSV data. */
  samples: 1_000_000,
  /** Activation cells of one iteration: Σ_k batch · units_k over the layers (batch = samples when full). */
  activationCells: 20_000_000,
  /** `train.iterations`. */
  iterations: 1_000_000,
  /** Runs of a sweep (the product of the value counts of its axes). */
  sweepRuns: 64,
  /** Size of a CSV data file, in bytes (64 MiB). */
  csvBytes: 64 * 1024 * 1024,
  /** `data.samples` of a generated data set. */
  generatedSamples: 1_000_000,
  /** Classes of a generated data set (spiral, gaussian). */
  generatedClasses: 4096,
});

export type Limits = typeof LIMITS;
