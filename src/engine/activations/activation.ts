import type { ActivationInfo } from '../types';

/**
 * One activation φ applied to a rows × cols row-major block (rows = samples, cols = units).
 * Buffers are the caller's; nothing is allocated per call.
 */
export interface Activation {
  readonly info: ActivationInfo; // name, formula, derivative formula, derivative bound sup|φ'|
  readonly elementwise: boolean; // false only for softmax (row-wise)
  /** h = φ(u) for the first rows × cols entries. */
  forward(u: Float64Array, h: Float64Array, rows: number, cols: number): void;
  /**
   * out[i] = φ'(u[i]) for i < out.length (u and h must be at least that long); h holds φ(u) already.
   * For softmax this is the diagonal p(1 − p), used only for saturation statistics (the engine fuses
   * softmax with cross-entropy).
   */
  derivative(u: Float64Array, h: Float64Array, out: Float64Array): void;
}
