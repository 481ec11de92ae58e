// Which rows each iteration sees. Full batch: every sample, in order, straight from the dataset (no copy).
// Mini-batches: a seeded shuffle of the samples per epoch, cut into batches of `size` rows in that order;
// the last batch of an epoch may be shorter; the next epoch reshuffles.
import { Stream, createRng, type Rng } from './rng';
import type { Dataset } from './types';

export interface Batch {
  x: Float64Array;
  y: Float64Array;
  rows: number;
}

export class BatchSource {
  /** The largest batch this source hands out. */
  readonly capacity: number;
  private readonly full: boolean;
  private readonly order: Int32Array;
  private readonly rng: Rng;
  private readonly xBuf: Float64Array;
  private readonly yBuf: Float64Array;
  private readonly views = new Map<number, Batch>();
  private pos = 0;

  constructor(
    private readonly data: Dataset,
    batchSize: 'full' | number,
    seed: number,
  ) {
    const n = data.samples;
    this.full = batchSize === 'full' || batchSize >= n;
    this.capacity = this.full ? n : Math.max(1, Math.floor(batchSize as number));
    this.order = new Int32Array(this.full ? 0 : n);
    this.rng = createRng(seed, Stream.shuffle);
    this.xBuf = new Float64Array(this.full ? 0 : this.capacity * data.inputs);
    this.yBuf = new Float64Array(this.full ? 0 : this.capacity * data.outputs);
    if (!this.full) {
      for (let i = 0; i < n; i++) this.order[i] = i;
      this.shuffle();
    }
  }

  next(): Batch {
    const d = this.data;
    if (this.full) return this.view(d.samples, d.x, d.y);
    if (this.pos >= d.samples) {
      this.shuffle();
      this.pos = 0;
    }
    const rows = Math.min(this.capacity, d.samples - this.pos);
    const { inputs, outputs } = d;
    for (let r = 0; r < rows; r++) {
      const src = this.order[this.pos + r];
      for (let j = 0; j < inputs; j++) this.xBuf[r * inputs + j] = d.x[src * inputs + j];
      for (let j = 0; j < outputs; j++) this.yBuf[r * outputs + j] = d.y[src * outputs + j];
    }
    this.pos += rows;
    return this.view(rows, this.xBuf, this.yBuf);
  }

  private view(rows: number, x: Float64Array, y: Float64Array): Batch {
    let v = this.views.get(rows);
    if (!v) {
      v = { rows, x: x.subarray(0, rows * this.data.inputs), y: y.subarray(0, rows * this.data.outputs) };
      this.views.set(rows, v);
    }
    return v;
  }

  /** Fisher–Yates over the sample order. */
  private shuffle(): void {
    const o = this.order;
    for (let i = o.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = o[i];
      o[i] = o[j];
      o[j] = t;
    }
  }
}
