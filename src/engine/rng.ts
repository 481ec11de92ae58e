// Seeded pseudo-random numbers: sfc32 (32-bit integer arithmetic only, so every machine gives the same stream)
// with Box–Muller normals. Independent streams per purpose are derived from the run's seed, so that e.g.
// adding a layer changes neither the generated data nor the other layers' initial weights.

export interface Rng {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** Purposes of the derived streams; the numbers are part of the reproducibility contract, never reorder. */
export const Stream = {
  init: 1,
  shuffle: 2,
  data: 3,
  check: 4,
  sharpness: 5,
} as const;

/** A 32-bit avalanche mix (murmur3's finalizer); integer math only. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Folds any finite number (integers up to 2^53, negatives, fractions) into two 32-bit words. */
function seedWords(seed: number): [number, number] {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  const negative = seed < 0;
  const v = Math.abs(seed);
  const whole = Math.floor(v);
  const fraction = v - whole;
  const lo = whole % 0x100000000;
  const hi = Math.floor(whole / 0x100000000) % 0x100000000;
  const frac = Math.floor(fraction * 0x100000000);
  return [mix32(lo ^ mix32(frac)) >>> 0, mix32(hi ^ (negative ? 0x9e3779b9 : 0)) >>> 0];
}

/** A deterministic generator for `seed`; `path` selects an independent stream (e.g. [Stream.init, layer]). */
export function createRng(seed: number, ...path: number[]): Rng {
  let [a, b] = seedWords(seed);
  let c = 0x243f6a88;
  let d = 1;
  for (const p of path) {
    c = mix32(c ^ mix32((p >>> 0) + 0x632be5ab));
    a = mix32(a ^ c);
  }
  // sfc32 state: a, b, c and a counter d.
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) step(); // warm up: decorrelate nearby seeds
  let spare = NaN;
  const next = (): number => ((step() >>> 5) * 67108864 + (step() >>> 6)) / 9007199254740992;
  return {
    next,
    normal(): number {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = NaN;
        return s;
      }
      const u1 = 1 - next(); // (0, 1]: log stays finite
      const u2 = next();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
    int(n: number): number {
      return Math.floor(next() * n);
    },
  };
}
