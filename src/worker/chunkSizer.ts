// How many training iterations fit in one chunk of the worker's loop. Starts at one iteration (a W2-sized
// step can take a few hundred ms) and adapts to the measured time per iteration, so each chunk takes about
// `budgetMs` and a cancel is read within roughly that time.
export class ChunkSizer {
  private msPerIteration = NaN;

  constructor(
    private readonly budgetMs: number,
    private readonly maxIterations = 10_000,
  ) {}

  next(): number {
    if (!Number.isFinite(this.msPerIteration) || this.msPerIteration <= 0) {
      return Number.isFinite(this.msPerIteration) ? this.maxIterations : 1;
    }
    return Math.max(1, Math.min(this.maxIterations, Math.floor(this.budgetMs / this.msPerIteration)));
  }

  /** Records that `iterations` took `ms`; a moving average keeps one slow chunk from dominating. */
  observe(iterations: number, ms: number): void {
    if (iterations <= 0) return;
    const sample = ms / iterations;
    this.msPerIteration = Number.isFinite(this.msPerIteration) ? 0.5 * this.msPerIteration + 0.5 * sample : sample;
  }
}
