// Keyed debouncing (no 'vscode' import): one pending call per key (a spec uri); scheduling again replaces
// the pending call, so only the last edit of a burst runs. Timers are injectable for deterministic tests.
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class KeyedDebouncer {
  private readonly timers = new Map<string, unknown>();

  constructor(private readonly clock: Timers = realTimers) {}

  /** Runs `fn` after `ms` unless `schedule` or `cancel` is called again for `key` first. */
  schedule(key: string, ms: number, fn: () => void): void {
    this.cancel(key);
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(key);
      fn();
    }, ms);
    this.timers.set(key, handle);
  }

  cancel(key: string): void {
    const handle = this.timers.get(key);
    if (handle === undefined) return;
    this.clock.clearTimeout(handle);
    this.timers.delete(key);
  }

  isPending(key: string): boolean {
    return this.timers.has(key);
  }

  dispose(): void {
    for (const key of [...this.timers.keys()]) this.cancel(key);
  }
}

/**
 * Calls `fn` at most once per `ms` with the latest argument (leading and trailing edge): progress events
 * from a training run become ≤ 1000/ms redraws per second, and the last value is never lost.
 */
export class Throttle<T> {
  private last = -Infinity;
  private pending: { value: T } | undefined;
  private handle: unknown;

  constructor(
    private readonly ms: number,
    private readonly fn: (value: T) => void,
    private readonly now: () => number = () => Date.now(),
    private readonly clock: Timers = realTimers,
  ) {}

  push(value: T): void {
    const wait = this.last + this.ms - this.now();
    if (wait <= 0 && this.handle === undefined) {
      this.last = this.now();
      this.fn(value);
      return;
    }
    this.pending = { value };
    if (this.handle === undefined) {
      this.handle = this.clock.setTimeout(() => this.flush(), Math.max(0, wait));
    }
  }

  /** Delivers a held value now (e.g. before a final state that must come after it). */
  flush(): void {
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
    const p = this.pending;
    this.pending = undefined;
    if (p) {
      this.last = this.now();
      this.fn(p.value);
    }
  }

  /** Drops a held value. */
  clear(): void {
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
    this.pending = undefined;
  }
}
