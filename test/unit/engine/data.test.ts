// Seeded generators and the random streams they draw from.
import { strict as assert } from 'node:assert';
import { createRng, generateData, type GeneratorKind } from '../../../src/engine';
import { recordStride } from '../../../src/engine/recorder';

describe('createRng', () => {
  it('is deterministic per seed and differs between seeds and streams', () => {
    const draw = (seed: number, ...path: number[]) => {
      const r = createRng(seed, ...path);
      return Array.from({ length: 8 }, () => r.next());
    };
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
    assert.notDeepEqual(draw(42, 1), draw(42, 2));
    assert.notDeepEqual(draw(0), draw(-0.5));
  });

  it('next() is in [0, 1), int(n) in [0, n), normal() has mean ≈ 0 and variance ≈ 1', () => {
    const r = createRng(7);
    let sum = 0;
    let sq = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      assert.ok(u >= 0 && u < 1);
      const k = r.int(5);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 5);
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    assert.ok(Math.abs(sum / n) < 0.03, `mean ${sum / n}`);
    assert.ok(Math.abs(sq / n - 1) < 0.05, `variance ${sq / n}`);
  });
});

describe('generateData', () => {
  const kinds: GeneratorKind[] = ['xor', 'circle', 'spiral', 'gaussian', 'sine'];

  for (const kind of kinds) {
    it(`${kind}: shapes, determinism, finite values`, () => {
      const a = generateData({ kind, samples: 60, noise: 0.1, seed: 3 });
      const b = generateData({ kind, samples: 60, noise: 0.1, seed: 3 });
      const c = generateData({ kind, samples: 60, noise: 0.1, seed: 4 });
      assert.equal(a.samples, 60);
      assert.equal(a.x.length, 60 * a.inputs);
      assert.equal(a.y.length, 60 * a.outputs);
      assert.deepEqual(a, b);
      assert.notDeepEqual([...a.x, ...a.y], [...c.x, ...c.y]);
      assert.ok(a.x.every(Number.isFinite) && a.y.every(Number.isFinite));
    });
  }

  it('xor without noise: the four corners and their XOR', () => {
    const d = generateData({ kind: 'xor', samples: 8, noise: 0, seed: 1 });
    assert.deepEqual(Array.from(d.x), [0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1]);
    assert.deepEqual(Array.from(d.y), [0, 1, 1, 0, 0, 1, 1, 0]);
  });

  it('circle: label 1 exactly inside radius √(2/π) without noise, classes roughly balanced', () => {
    const d = generateData({ kind: 'circle', samples: 2000, noise: 0, seed: 2 });
    let inside = 0;
    for (let i = 0; i < d.samples; i++) {
      const r2 = d.x[2 * i] ** 2 + d.x[2 * i + 1] ** 2;
      assert.equal(d.y[i], r2 < 2 / Math.PI ? 1 : 0);
      inside += d.y[i];
    }
    assert.ok(inside > 900 && inside < 1100, `${inside}`);
  });

  it('spiral and gaussian: one-hot rows, class i mod K, K from options', () => {
    for (const [kind, k] of [['spiral', 3], ['gaussian', 2], ['spiral', 5]] as [GeneratorKind, number][]) {
      const d = generateData({ kind, samples: 30, noise: 0.05, seed: 1, ...(k === 5 ? { classes: 5 } : {}) });
      assert.equal(d.outputs, k);
      for (let i = 0; i < d.samples; i++) {
        const row = Array.from(d.y.subarray(i * k, (i + 1) * k));
        assert.deepEqual(row, row.map((_, j) => (j === i % k ? 1 : 0)));
      }
    }
  });

  it('sine without noise: y = sin x on an even grid over [−π, π]', () => {
    const d = generateData({ kind: 'sine', samples: 9, noise: 0, seed: 1 });
    assert.equal(d.x[0], -Math.PI);
    assert.equal(d.x[8], Math.PI);
    for (let i = 0; i < 9; i++) assert.equal(d.y[i], Math.sin(d.x[i]));
  });

  it('rejects bad sizes', () => {
    assert.throws(() => generateData({ kind: 'xor', samples: 0, noise: 0, seed: 1 }), /samples/);
    assert.throws(() => generateData({ kind: 'spiral', samples: 10, noise: 0, seed: 1, classes: 1 }), /classes/);
  });
});

describe('recordStride', () => {
  it('keeps at most maxRecorded iterations including the first and the last, with the smallest stride', () => {
    for (const n of [1, 2, 3, 10, 999, 1000, 1001, 1999, 2000, 2001, 12345, 100000]) {
      for (const cap of [2, 3, 10, 1000, 2000]) {
        const s = recordStride(n, cap);
        const kept = new Set<number>();
        for (let t = 1; t <= n; t += s) kept.add(t);
        kept.add(n);
        assert.ok(kept.size <= cap, `n=${n} cap=${cap} stride=${s}: ${kept.size}`);
        if (s > 1) {
          const tighter = new Set<number>();
          for (let t = 1; t <= n; t += s - 1) tighter.add(t);
          tighter.add(n);
          assert.ok(tighter.size > cap, `n=${n} cap=${cap}: stride ${s - 1} would do`);
        }
      }
    }
  });
});
