// Seeded toy datasets. Every generator draws from its own stream of the seed (Stream.data), so changing the
// network never changes the data. `noise` is a standard deviation in input units (sine: in target units).
//   xor:      2 → 1; sample i sits at corner i mod 4 of {0,1}² plus noise; target = XOR of the corner's bits
//   circle:   2 → 1; uniform in [−1, 1]², target 1 inside the circle of radius √(2/π) (half the square's
//             area, so classes are balanced), 0 outside; noise is added to the inputs after labelling
//   spiral:   2 → K one-hot (default 3); sample i belongs to arm i mod K, at radius t ∈ [0.05, 1] and angle
//             2πc/K + 4t (+ noise on the angle)
//   gaussian: 2 → K one-hot (default 2); class i mod K, a blob of std `noise` around a centre on the circle
//             of radius 2 at angle 2πc/K
//   sine:     1 → 1; x evenly spaced on [−π, π], y = sin x + noise
import { createRng, Stream } from './rng';
import type { Dataset, GenerateOptions } from './types';

export function generateData(options: GenerateOptions): Dataset {
  const { kind, samples, noise } = options;
  if (!Number.isInteger(samples) || samples < 1) throw new Error(`samples must be a positive integer, got ${samples}`);
  if (!(noise >= 0)) throw new Error(`noise must be ≥ 0, got ${noise}`);
  const rng = createRng(options.seed, Stream.data);
  const n = samples;
  switch (kind) {
    case 'xor': {
      const x = new Float64Array(n * 2);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const a = i & 1;
        const b = (i >> 1) & 1;
        x[2 * i] = a + noise * rng.normal();
        x[2 * i + 1] = b + noise * rng.normal();
        y[i] = a ^ b;
      }
      return { samples: n, inputs: 2, outputs: 1, x, y };
    }
    case 'circle': {
      const r2 = 2 / Math.PI;
      const x = new Float64Array(n * 2);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const a = 2 * rng.next() - 1;
        const b = 2 * rng.next() - 1;
        y[i] = a * a + b * b < r2 ? 1 : 0;
        x[2 * i] = a + noise * rng.normal();
        x[2 * i + 1] = b + noise * rng.normal();
      }
      return { samples: n, inputs: 2, outputs: 1, x, y };
    }
    case 'spiral':
    case 'gaussian': {
      const k = options.classes ?? (kind === 'spiral' ? 3 : 2);
      if (!Number.isInteger(k) || k < 2) throw new Error(`classes must be an integer ≥ 2, got ${k}`);
      const x = new Float64Array(n * 2);
      const y = new Float64Array(n * k);
      const perClass = Math.ceil(n / k);
      for (let i = 0; i < n; i++) {
        const c = i % k;
        const base = (2 * Math.PI * c) / k;
        if (kind === 'spiral') {
          const step = Math.floor(i / k);
          const t = 0.05 + (0.95 * step) / Math.max(1, perClass - 1);
          const angle = base + 4 * t + noise * rng.normal();
          x[2 * i] = t * Math.cos(angle);
          x[2 * i + 1] = t * Math.sin(angle);
        } else {
          x[2 * i] = 2 * Math.cos(base) + noise * rng.normal();
          x[2 * i + 1] = 2 * Math.sin(base) + noise * rng.normal();
        }
        y[i * k + c] = 1;
      }
      return { samples: n, inputs: 2, outputs: k, x, y };
    }
    case 'sine': {
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = n === 1 ? 0 : -Math.PI + (2 * Math.PI * i) / (n - 1);
        x[i] = v;
        y[i] = Math.sin(v) + noise * rng.normal();
      }
      return { samples: n, inputs: 1, outputs: 1, x, y };
    }
  }
}
