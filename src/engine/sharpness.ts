// Sharpness at the initial weights: λ_max, the largest eigenvalue of the Hessian of the full-batch loss J.
// Gradient descent on J's quadratic model converges only for η < 2/λ_max (seed 001, part 2), so this bounds
// the learning rate before any training.
//
// Power iteration on Hessian-vector products, each from central differences of the full-batch gradient over
// ALL parameters (every layer's weights, and its biases when it has them):
//   Hv ≈ (∇J(w + εv) − ∇J(w − εv)) / 2ε,   ‖v‖ = 1,   ε = 1e-4 · max(1, ‖w‖)
// The truncation error is O(ε²·J''') (zero for a quadratic J); rounding adds ~2⁻⁵²·‖∇J‖/ε. Power iteration
// finds the eigenvalue of largest |λ|; when that one is negative, a second iteration on H − λ₁I (whose
// eigenvalues are all ≥ 0) finds the largest algebraic one.
//
// Start vector: the full-batch gradient at the initial weights, the direction gradient descent moves in. On a
// quadratic, GD's error e_t = (I − ηH)ᵗe₀ blows up only along eigenvectors that ∇J = He₀ has a component on,
// and power iteration from ∇J stays in exactly that span. So a sharp direction that GD never excites (e.g. all
// biases together in examples/deep-tanh-bias: data symmetric under x → −x keeps their gradient exactly 0, and
// J keeps falling at η = 0.1 although that direction has curvature 62.5) does not set the bound. When the
// gradient is 0 (or not finite), normal noise from the seed's own stream (Stream.sharpness) starts it instead;
// either way the result is deterministic.
import { fullBatchPass } from './gradients';
import { parameterCount, type Layer, type Network, type Workspace } from './network';
import { createRng, Stream } from './rng';
import type { SharpnessSummary, TrainConfig } from './types';

export const DEFAULT_SHARPNESS_ITERATIONS = 20;
export const DEFAULT_SHARPNESS_TOLERANCE = 1e-3;
/** At most this many multiply-adds (params · samples · 2 · iterations) count as cheap: always computed. */
export const CHEAP_SHARPNESS_COST = 5e7;
/**
 * The per-edit analysis (no training) computes it only up to this cost: measured with
 * scripts/bench-editor.mjs, 1.5e7 (spiral-softmax) added ~30 ms to edit → findings, 8e5 a few ms.
 */
export const ANALYZE_SHARPNESS_COST = 5e6;
/** Otherwise a training run computes it when its passes cost at most this share of the run's own passes. */
export const SHARPNESS_SHARE_OF_TRAINING = 0.1;

export interface SharpnessOptions {
  /** Hessian-vector products at most (default 20; a negative dominant eigenvalue may take twice as many). */
  iterations?: number;
  /** Stop when successive Rayleigh quotients differ by at most this share of |λ| (default 1e-3). */
  tolerance?: number;
}

export interface Sharpness {
  lambdaMax: number;
  /** Hessian-vector products computed. */
  iterations: number;
  converged: boolean;
}

/** The parameters as one vector: per layer, its weights (units × fanIn) then its biases if it has them. */
class ParameterVector {
  readonly size: number;

  constructor(private readonly layers: readonly Layer[]) {
    this.size = layers.reduce((n, l) => n + l.w.length + (l.config.bias ? l.units : 0), 0);
  }

  /** Copies (weights, or gradients when `grad`) of every layer into out. */
  read(out: Float64Array, grad: boolean): void {
    let o = 0;
    for (const l of this.layers) {
      out.set(grad ? l.gw : l.w, o);
      o += l.w.length;
      if (l.config.bias) {
        out.set(grad ? l.gb : l.b, o);
        o += l.units;
      }
    }
  }

  /** Sets the weights to base + s·v and refreshes the transposed copies the forward pass reads. */
  write(net: Network, base: Float64Array, s: number, v: Float64Array): void {
    let o = 0;
    for (const l of this.layers) {
      for (let i = 0; i < l.w.length; i++, o++) l.w[i] = base[o] + s * v[o];
      if (l.config.bias) for (let i = 0; i < l.units; i++, o++) l.b[i] = base[o] + s * v[o];
      net.syncTransposed(l);
    }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** λ_max of the Hessian of the full-batch J at the initial weights; throws if a value is not finite there. */
export function sharpness(config: TrainConfig, options?: SharpnessOptions): Sharpness {
  const maxIterations = options?.iterations ?? DEFAULT_SHARPNESS_ITERATIONS;
  const tolerance = options?.tolerance ?? DEFAULT_SHARPNESS_TOLERANCE;
  if (!(maxIterations >= 1)) throw new Error(`iterations must be at least 1, got ${maxIterations}`);
  const { net, ws } = fullBatchPass(config);
  const params = new ParameterVector(net.layers);
  const w0 = new Float64Array(params.size);
  params.read(w0, false);
  const epsilon = 1e-4 * Math.max(1, Math.sqrt(dot(w0, w0)));
  const hv = hessianVectorProduct(config, net, ws, params, w0, epsilon);

  const start = new Float64Array(params.size);
  params.read(start, true);
  const g2 = dot(start, start);
  if (!(g2 > 0) || !Number.isFinite(g2)) {
    const rng = createRng(config.seed, Stream.sharpness);
    for (let i = 0; i < start.length; i++) start[i] = rng.normal();
  }
  const v = Float64Array.from(start);
  const first = powerIteration(hv, v, 0, maxIterations, tolerance);
  let result = first;
  if (first.lambda < 0) {
    // Dominant eigenvalue negative: the largest one is found on H − λ₁I, from the same start.
    v.set(start);
    result = powerIteration(hv, v, first.lambda, maxIterations, tolerance);
  }
  const iterations = first.iterations + (result === first ? 0 : result.iterations);
  return { lambdaMax: result.lambda, iterations, converged: first.converged && result.converged };
}

type Product = (v: Float64Array, out: Float64Array) => void;

/** out ← Hv by central differences of the full-batch gradient; throws on a non-finite value. */
function hessianVectorProduct(
  config: TrainConfig,
  net: Network,
  ws: Workspace,
  params: ParameterVector,
  w0: Float64Array,
  epsilon: number,
): Product {
  const { x, y, samples } = config.data;
  const buf = ws.rows(samples);
  const minus = new Float64Array(params.size);
  const gradientAt = (s: number, v: Float64Array, out: Float64Array): void => {
    params.write(net, w0, s, v);
    const hit = net.forward(x, buf) ?? net.backward(x, y, buf);
    if (hit) throw new Error(`non-finite value (${hit.value}) in the ${hit.phase} pass at layer ${hit.layer} near the initial weights`);
    params.read(out, true);
  };
  return (v, out) => {
    gradientAt(epsilon, v, out);
    gradientAt(-epsilon, v, minus);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] - minus[i]) / (2 * epsilon);
  };
}

/** Power iteration on H − shift·I from v (normalised in place); λ is the Rayleigh quotient plus the shift. */
function powerIteration(
  hv: Product,
  v: Float64Array,
  shift: number,
  maxIterations: number,
  tolerance: number,
): { lambda: number; iterations: number; converged: boolean } {
  const scale = (a: Float64Array, s: number): void => {
    for (let i = 0; i < a.length; i++) a[i] *= s;
  };
  const n0 = Math.sqrt(dot(v, v));
  if (n0 === 0) v[0] = 1;
  else scale(v, 1 / n0);
  const y = new Float64Array(v.length);
  let mu = NaN;
  for (let it = 1; it <= maxIterations; it++) {
    hv(v, y);
    for (let i = 0; i < y.length; i++) y[i] -= shift * v[i];
    const next = dot(v, y);
    const ny = Math.sqrt(dot(y, y));
    // A zero product: v is an eigenvector of H − shift·I with eigenvalue 0, exactly.
    if (ny === 0) return { lambda: shift, iterations: it, converged: true };
    const settled = Math.abs(next - mu) <= tolerance * Math.abs(next);
    mu = next;
    v.set(y);
    scale(v, 1 / ny);
    if (settled) return { lambda: mu + shift, iterations: it, converged: true };
  }
  return { lambda: mu + shift, iterations: maxIterations, converged: false };
}

/**
 * λ_max at a run's initial weights when it is cheap enough, else undefined. A training run (`training`)
 * computes it when params · samples · 2 · iterations is at most CHEAP_SHARPNESS_COST, or when those
 * 2 · iterations full-batch passes cost at most SHARPNESS_SHARE_OF_TRAINING of the run's own passes
 * (iterations × batch rows); an analysis only up to ANALYZE_SHARPNESS_COST. Also undefined when a value is not finite near the initial weights or
 * λ_max ≤ 0 (no curvature bounds the step: no stability bound).
 */
export function initialSharpness(config: TrainConfig, training: boolean): SharpnessSummary | undefined {
  const samples = config.data.samples;
  const passes = 2 * DEFAULT_SHARPNESS_ITERATIONS;
  const params = parameterCount(config.inputs, config.layers);
  const rows = config.batchSize === 'full' ? samples : Math.min(samples, Math.max(1, Math.floor(config.batchSize)));
  const cheap = params * samples * passes <= (training ? CHEAP_SHARPNESS_COST : ANALYZE_SHARPNESS_COST);
  const share = training && passes * samples <= SHARPNESS_SHARE_OF_TRAINING * config.iterations * rows;
  if (!cheap && !share) return undefined;
  let s: Sharpness;
  try {
    s = sharpness(config);
  } catch {
    return undefined; // the run itself reports the non-finite value
  }
  if (!(s.lambdaMax > 0) || !Number.isFinite(s.lambdaMax)) return undefined;
  return { lambdaMax: s.lambdaMax, stableBelow: 2 / s.lambdaMax, converged: s.converged };
}
