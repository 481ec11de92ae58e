// Host event-loop stall figures over one piece of work, from two independent probes:
//   - perf_hooks.monitorEventLoopDelay (1 ms resolution): how late the loop's own timer fired;
//   - a 5 ms setInterval drift probe (what the extension-host test uses).
// Plus the host's active time (eventLoopUtilization) and its GC pauses, so a stall can be attributed:
// the host busy (our code, GC) versus the host ready but not scheduled (CPU contention).
import { PerformanceObserver, monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface StallFigures {
  ms: number; // wall time of the work
  delayMaxMs: number; // monitorEventLoopDelay
  delayP99Ms: number;
  delayMeanMs: number;
  driftMaxMs: number; // interval probe: delay beyond its 5 ms period
  driftP99Ms: number;
  ticks: number;
  hostActiveMs: number; // event loop busy (probes included)
  gcMaxMs: number; // longest host GC pause
  gcTotalMs: number;
  /** Every drift sample: `at` ms after the work started, `lag` ms beyond the period (to split by phase). */
  samples: { at: number; lag: number }[];
}

/** Largest drift among samples taken within [from, to) ms after the start. */
export function maxDriftBetween(f: StallFigures, from: number, to: number): number {
  let max = 0;
  for (const s of f.samples) if (s.at >= from && s.at < to) max = Math.max(max, s.lag);
  return max;
}

const PERIOD_MS = 5;

export async function stallDuring(work: () => Promise<unknown>): Promise<StallFigures> {
  const gc: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc.push(e.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const samples: { at: number; lag: number }[] = [];
  let t0 = performance.now();
  let last = t0;
  const timer = setInterval(() => {
    const now = performance.now();
    samples.push({ at: now - t0, lag: Math.max(0, now - last - PERIOD_MS) });
    last = now;
  }, PERIOD_MS);
  const elu0 = performance.eventLoopUtilization();
  histogram.enable();
  t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  histogram.disable();
  clearInterval(timer);
  const elu = performance.eventLoopUtilization(elu0);
  observer.disconnect();
  const drifts = samples.map((x) => x.lag).sort((a, b) => a - b);
  // The histogram is in ns and its delays include the 1 ms sampling resolution itself.
  const toMs = (ns: number): number => Math.max(0, ns / 1e6 - 1);
  return {
    ms,
    delayMaxMs: toMs(histogram.max),
    delayP99Ms: toMs(histogram.percentile(99)),
    delayMeanMs: toMs(histogram.mean),
    driftMaxMs: drifts[drifts.length - 1] ?? 0,
    driftP99Ms: drifts[Math.floor(drifts.length * 0.99)] ?? 0,
    ticks: drifts.length,
    hostActiveMs: elu.active,
    gcMaxMs: gc.length ? Math.max(...gc) : 0,
    gcTotalMs: gc.reduce((a, b) => a + b, 0),
    samples,
  };
}
