// One training run, step by step: createTrainer for workers (progress, snapshots, cancel), train for a run to
// the end, analyze for one forward and backward pass at the initial weights without an update.
import { activationName } from './activations';
import { BatchSource } from './batches';
import { firstNonFinite, nonFiniteProbe, norm2 } from './linalg';
import { Network, Workspace, type NonFiniteHit } from './network';
import { Optimizer } from './optimizers';
import { DEFAULT_MAX_RECORDED, Recorder } from './recorder';
import { initialSharpness } from './sharpness';
import type { NonFiniteEvent, Progress, RunResult, SharpnessSummary, Trace, TrainConfig, Trainer } from './types';
import { validateConfig } from './validate';

interface RunOptions {
  /** false: forward and backward only, never update (analyze). */
  update: boolean;
}

function rowsOf(x: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) out.push(Array.from(x.subarray(i * cols, (i + 1) * cols)));
  return out;
}

class TrainingRun implements Trainer {
  private readonly net: Network;
  private readonly ws: Workspace;
  private readonly batches: BatchSource;
  private readonly optimizer: Optimizer;
  private readonly recorder: Recorder;
  private readonly loss: number[] = [];
  private completed = 0;
  private stopped: 'cancelled' | 'non-finite' | undefined;
  private nonFinite: NonFiniteEvent | undefined;
  private trace: Trace | undefined;
  private elapsed = 0;
  private final: number | undefined;
  private readonly updateNorms: Float64Array;
  private readonly sharpness: SharpnessSummary | undefined;

  constructor(
    private readonly config: TrainConfig,
    private readonly options: RunOptions,
  ) {
    validateConfig(config);
    this.net = new Network(config);
    this.batches = new BatchSource(config.data, config.batchSize, config.seed);
    this.ws = new Workspace(this.net, this.batches.capacity);
    this.optimizer = new Optimizer(config.optimizer, this.net.layers);
    const maxRecorded = config.record?.maxRecorded ?? DEFAULT_MAX_RECORDED;
    this.recorder = new Recorder(config.iterations, maxRecorded, this.net.layers.length);
    this.updateNorms = new Float64Array(this.net.layers.length);
    // analyze (no update) only when very cheap: it runs on every edit.
    this.sharpness = initialSharpness(config, options.update);
  }

  get done(): boolean {
    return this.stopped !== undefined || this.completed >= this.config.iterations;
  }

  step(maxIterations: number): void {
    const start = performance.now();
    for (let i = 0; i < maxIterations && !this.done; i++) this.iterate();
    this.elapsed += performance.now() - start;
  }

  progress(): Progress {
    const last = this.loss.length > 0 ? this.loss[this.loss.length - 1] : NaN;
    return { iteration: this.completed, iterations: this.config.iterations, loss: last };
  }

  cancel(): void {
    if (!this.done) this.stopped = 'cancelled';
  }

  /** While running, finalLoss is the latest batch loss J_t (a full-data pass per snapshot would be costly). */
  snapshot(): RunResult {
    const latest = this.loss.length > 0 ? this.loss[this.loss.length - 1] : NaN;
    return this.build(this.final ?? (this.stopped === 'non-finite' ? NaN : latest));
  }

  result(): RunResult {
    if (this.final === undefined) {
      this.final = this.stopped === 'non-finite' ? NaN : this.net.datasetLoss(this.config.data, this.ws);
    }
    return this.build(this.final);
  }

  /** One iteration: forward, loss, backward, record, update. Stops the run on a non-finite value. */
  private iterate(): void {
    const t = this.completed + 1;
    const batch = this.batches.next();
    const buf = this.ws.rows(batch.rows);
    const net = this.net;

    const forwardHit = net.forward(batch.x, buf);
    if (forwardHit) return this.stop(t, forwardHit);
    const j = net.batchLoss(buf, batch.y);
    if (!Number.isFinite(j)) return this.stop(t, { layer: 0, phase: 'loss', value: j });
    const backwardHit = net.backward(batch.x, batch.y, buf);
    if (backwardHit) return this.stop(t, backwardHit);

    const record = this.recorder.wants(t);
    if (record) this.recorder.measure(net, buf);
    if (t === 1 && this.config.record?.trace) this.captureTrace(batch.x, buf);

    if (this.options.update) {
      this.optimizer.update(this.config.learningRate);
      for (const layer of net.layers) {
        if (Number.isNaN(nonFiniteProbe(layer.w, layer.w.length) + nonFiniteProbe(layer.b, layer.units))) {
          const i = firstNonFinite(layer.w, layer.w.length);
          const value = i >= 0 ? layer.w[i] : layer.b[firstNonFinite(layer.b, layer.units)];
          return this.stop(t, { layer: layer.index, phase: 'update', value });
        }
        net.syncTransposed(layer);
      }
    }

    this.loss.push(j);
    this.completed = t;
    if (record) {
      if (this.options.update) {
        for (let k = 0; k < net.layers.length; k++) {
          const step = this.optimizer.weightStep(k);
          this.updateNorms[k] = norm2(step, step.length);
        }
      }
      this.recorder.commit(t, this.options.update ? this.updateNorms : null);
    }
  }

  private stop(iteration: number, hit: NonFiniteHit): void {
    this.stopped = 'non-finite';
    this.nonFinite = { iteration, layer: hit.layer, phase: hit.phase, value: hit.value };
  }

  private captureTrace(x: Float64Array, buf: ReturnType<Workspace['rows']>): void {
    const m = buf.rows;
    const h: number[][][] = [rowsOf(x, m, this.net.inputs)];
    const g: (number[][] | null)[] = [null];
    this.net.layers.forEach((layer, k) => {
      h.push(rowsOf(buf.h[k], m, layer.units));
      g.push(rowsOf(buf.g[k], m, layer.units));
    });
    this.trace = { h, g };
  }

  private build(finalLoss: number): RunResult {
    const rec = this.recorder;
    const result: RunResult = {
      requestedIterations: this.config.iterations,
      iterations: this.completed,
      loss: this.loss.slice(),
      finalLoss,
      recorded: rec.recorded.slice(),
      layers: this.net.layers.map((layer, k) => {
        const s = rec.series[k];
        return {
          index: layer.index,
          units: layer.units,
          fanIn: layer.fanIn,
          activation: activationName(layer.config.activation),
          params: layer.units * layer.fanIn + (layer.config.bias ? layer.units : 0),
          gradNorm: s.gradNorm.slice(),
          biasGradNorm: s.biasGradNorm.slice(),
          deltaNorm: s.deltaNorm.slice(),
          meanAbsActivation: s.meanAbsActivation.slice(),
          meanAbsPreactivation: s.meanAbsPreactivation.slice(),
          meanDerivative: s.meanDerivative.slice(),
          saturation: s.saturation.slice(),
          deadShare: s.deadShare.slice(),
          weightNorm: s.weightNorm.slice(),
          updateRatio: s.updateRatio.slice(),
        };
      }),
      params: this.net.layers.reduce((n, l) => n + l.units * l.fanIn + (l.config.bias ? l.units : 0), 0),
      elapsedMs: this.elapsed,
    };
    if (this.trace) result.trace = this.trace;
    if (this.nonFinite) result.nonFinite = { ...this.nonFinite };
    if (this.stopped) result.stopped = this.stopped;
    if (this.sharpness) result.sharpness = { ...this.sharpness };
    return result;
  }
}

export function createTrainer(config: TrainConfig): Trainer {
  return new TrainingRun(config, { update: true });
}

/** Runs to the end; onProgress is called about a hundred times over the run (deterministic points). */
export function train(config: TrainConfig, onProgress?: (p: Progress) => void): RunResult {
  const trainer = createTrainer(config);
  const chunk = Math.max(1, Math.ceil(config.iterations / 100));
  while (!trainer.done) {
    trainer.step(chunk);
    onProgress?.(trainer.progress());
  }
  return trainer.result();
}

/**
 * One forward and backward pass over the full dataset at the initial weights, without an update:
 * iterations = 1, loss = [J at the initial weights], finalLoss = the same J, updateRatio 0.
 */
export function analyze(config: TrainConfig): RunResult {
  const run = new TrainingRun({ ...config, iterations: 1, batchSize: 'full' }, { update: false });
  run.step(1);
  return run.result();
}
