// The engine's public vocabulary. Everything here is plain data (structured-clone and JSON safe),
// so the same values travel from the spec reader to the worker, the CLI and the webview.
//
// Conventions used throughout the engine (the seeds' notation):
//   layer k = 1..L; h_0 is the input; u_k = h_{k-1} W_kᵀ + 1 b_kᵀ; h_k = φ_k(u_k)
//   g_k = δ_k = ∂J/∂u_k (one row per sample); ∂J/∂W_k = g_kᵀ h_{k-1}; ∂J/∂b_k = 1ᵀ g_k
//   W_k has one row per unit of layer k and one column per unit of layer k−1 (PyTorch's Linear.weight).

export type ActivationSpec =
  | { kind: 'sigmoid' }
  | { kind: 'tanh' }
  | { kind: 'relu' }
  | { kind: 'leaky-relu'; a: number }
  | { kind: 'elu'; alpha: number }
  | { kind: 'selu'; lambda: number; alpha: number }
  | { kind: 'softplus' }
  | { kind: 'linear' }
  | { kind: 'softmax' }
  | { kind: 'expr'; source: string };

export type ActivationKind = ActivationSpec['kind'];

export type InitSpec =
  | { kind: 'constant'; value: number } // every weight this value; biases 0
  | { kind: 'xavier' } // normal, std = sqrt(2 / (fanIn + fanOut)); biases 0
  | { kind: 'he' } // normal, std = sqrt(2 / fanIn); biases 0
  | { kind: 'lecun' } // normal, std = sqrt(1 / fanIn); biases 0
  | { kind: 'normal'; mean: number; std: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'explicit'; weights: number[][]; bias?: number[] };

export type LossKind = 'mse' | 'sse' | 'cross-entropy' | 'binary-cross-entropy';

export type OptimizerConfig =
  | { kind: 'sgd' }
  | { kind: 'momentum'; beta: number }
  | { kind: 'adam'; beta1: number; beta2: number; epsilon: number };

export interface LayerConfig {
  units: number;
  activation: ActivationSpec;
  bias: boolean;
  init: InitSpec;
}

/** Row-major sample matrices: x is samples × inputs, y is samples × outputs (one-hot rows for classes). */
export interface Dataset {
  samples: number;
  inputs: number;
  outputs: number;
  x: Float64Array;
  y: Float64Array;
}

export interface RecordOptions {
  /** At most this many iterations get per-layer statistics (first and last always). Default 2000. */
  maxRecorded?: number;
  /** Keep every h_k and g_k of the first iteration. Default false. */
  trace?: boolean;
}

/** Everything one training run needs. Layers are already expanded (a `repeat: 100` entry is 100 layers). */
export interface TrainConfig {
  inputs: number;
  layers: LayerConfig[];
  loss: LossKind;
  optimizer: OptimizerConfig;
  learningRate: number;
  iterations: number;
  batchSize: 'full' | number;
  seed: number;
  data: Dataset;
  record?: RecordOptions;
}

/** Per-layer statistics, one value per recorded iteration (see RunResult.recorded). */
export interface LayerSeries {
  gradNorm: number[]; // ‖∂J/∂W_k‖_F
  biasGradNorm: number[]; // ‖∂J/∂b_k‖ (0 without bias)
  deltaNorm: number[]; // ‖g_k‖_F over the batch (g_k = ∂J/∂u_k)
  meanAbsActivation: number[]; // mean |h_k| over batch × units
  meanAbsPreactivation: number[]; // mean |u_k|
  meanDerivative: number[]; // mean |φ'(u_k)|
  saturation: number[]; // share of batch × units entries with |φ'(u)| < 1% of sup|φ'|
  deadShare: number[]; // share of units with φ'(u) = 0 on every sample of the batch
  weightNorm: number[]; // ‖W_k‖_F before the update
  updateRatio: number[]; // ‖ΔW_k‖_F / ‖W_k‖_F of this iteration's update
}

export interface LayerRecord extends LayerSeries {
  index: number; // 1-based, after repeats
  units: number;
  fanIn: number;
  activation: string; // display name: 'tanh', 'leaky-relu(a=0.1)', 'z * tanh(z)'
  params: number; // weights + biases
}

/** h[k][i] is the row of sample i at layer k (k = 0 is the input); g[0] is null. First iteration only. */
export interface Trace {
  h: number[][][];
  g: (number[][] | null)[];
}

export type Phase = 'forward' | 'loss' | 'backward' | 'update';

export interface NonFiniteEvent {
  iteration: number; // 1-based
  layer: number; // 1-based layer where it first appeared (0 for the loss)
  phase: Phase;
  value: number; // the offending value (NaN, Infinity or -Infinity)
}

/** λ_max of the Hessian of the full-batch J at the initial weights; GD converges on J's quadratic model only
 *  for learningRate < stableBelow = 2/λ_max (seed 001). */
export interface SharpnessSummary {
  lambdaMax: number;
  stableBelow: number;
  converged: boolean; // power iteration settled within its iterations
}

export interface RunResult {
  requestedIterations: number;
  iterations: number; // completed iterations
  loss: number[]; // J_t before the update of iteration t, t = 1..iterations (batch loss with mini-batches)
  finalLoss: number; // full-data loss after the last completed update (NaN when stopped by a non-finite value)
  recorded: number[]; // 1-based iteration numbers at which LayerSeries values were taken
  layers: LayerRecord[];
  trace?: Trace;
  nonFinite?: NonFiniteEvent;
  stopped?: 'cancelled' | 'non-finite';
  params: number;
  elapsedMs: number;
  /** At the initial weights, when cheap enough to compute (see initialSharpness); undefined otherwise. */
  sharpness?: SharpnessSummary;
}

export interface Progress {
  iteration: number;
  iterations: number;
  loss: number;
}

export interface GradientReport {
  loss: number;
  layers: { index: number; weightGrad: number[][]; biasGrad: number[] | null }[];
}

export interface GradientCheckLayer {
  index: number;
  weightRelError: number; // max over checked entries of |bp − fd| / max(|bp| + |fd|, τ) (see gradientCheck)
  biasRelError: number | null;
  maxAbsGrad: number;
  checked: number; // entries (weights + biases) compared
  skipped: number; // entries not compared: every step's stencil straddled a kink of an activation
  narrowed: number; // of the checked ones, entries compared at a smaller step than ε (a kink was near)
  pass: boolean; // every checked entry below the report's threshold (true when all were skipped)
}

export interface GradientCheckReport {
  epsilon: number; // base step ε
  threshold: number; // relative error at or above which an entry fails
  maxRelError: number;
  checked: number;
  skipped: number;
  narrowed: number;
  pass: boolean; // every layer passes
  layers: GradientCheckLayer[];
}

export interface DerivativeBound {
  value: number; // sup |φ'(z)|
  at: number | null; // a z where it is reached (null if only approached, e.g. at z → ∞)
  exact: boolean; // closed form (true) or numerical over `range` (false)
  range?: [number, number];
}

/** What a reader (hover, panel, CLI) shows of an activation. */
export interface ActivationInfo {
  name: string; // 'tanh', 'leaky-relu(a=0.1)', 'z * tanh(z)'
  formula: string; // 'φ(z) = tanh z'
  derivative: string; // "φ'(z) = sech² z = 1 − tanh² z"
  bound: DerivativeBound;
}

/** A syntax or name error in an `{expr: ...}` activation; offset/length index the expression string. */
export interface ExprError {
  message: string;
  offset: number;
  length: number;
}

/**
 * Step-wise training, so a worker can interleave progress messages and cancellation:
 *   const t = createTrainer(config); while (!t.done) { t.step(50); post(t.progress()); }
 *   const result = t.result();
 */
export interface Trainer {
  readonly done: boolean;
  step(maxIterations: number): void;
  progress(): Progress;
  /** The run so far (a consistent copy), for live charts. */
  snapshot(): RunResult;
  cancel(): void;
  result(): RunResult;
}

export type GeneratorKind = 'xor' | 'circle' | 'spiral' | 'gaussian' | 'sine';

export interface GenerateOptions {
  kind: GeneratorKind;
  samples: number;
  noise: number;
  seed: number;
  classes?: number; // spiral / gaussian: number of classes (default 3 / 2)
}
