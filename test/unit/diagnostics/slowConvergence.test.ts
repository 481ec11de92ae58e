// slow-convergence: fires on seed 001's elongated quadratic (examples/slow-descent.nn.yaml, a = 8, b = 0.08)
// at η = 0.1 and 0.2 trained by the real engine, and stays quiet on hand-built curves without a fast start
// followed by a steady slow decay, and on every other bundled example.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseRun, diagnoseSpec, resolveThresholds, verdict, type Finding } from '../../../src/diagnostics';
import { slowTail } from '../../../src/diagnostics/rules/slowConvergence';
import { train } from '../../../src/engine';
import type { OptimizerConfig, RunResult, TrainConfig } from '../../../src/engine/types';
import { parseSpec, planRuns, type NetworkSpec } from '../../../src/spec';
import { layerRecord, makeRun, makeSpec } from './builders';

const ROOT = join(__dirname, '../../..');

function trainExample(name: string): { spec: NetworkSpec; text: string; findings: Finding[]; layerCount: number } {
  const file = join(ROOT, 'examples', name);
  const text = readFileSync(file, 'utf8');
  const parsed = parseSpec(text, { file });
  assert.deepEqual(parsed.errors, [], name);
  const spec = parsed.spec!;
  const runs = planRuns(spec).map((p) => ({ label: p.label, config: p.config, result: train(p.config) }));
  return { spec, text, findings: diagnoseSpec(spec, runs), layerCount: spec.layerCount };
}

/** J_t of plain GD on ½(a w₁² + b w₂²) from w = (1, 1): J_t = ½(a ρ₁^{2t} + b ρ₂^{2t}), ρ_i = 1 − λ_i η. */
function quadratic(a: number, b: number, lr: number, iterations: number): number[] {
  return Array.from({ length: iterations }, (_, t) => 0.5 * (a * (1 - a * lr) ** (2 * t) + b * (1 - b * lr) ** (2 * t)));
}

const T = resolveThresholds();
const spec = makeSpec({ entries: [{ units: 1, activation: { kind: 'linear' }, line: 4 }], learningRate: 0.1 });
// ‖∇J‖ at w = (1, 1) is ‖(a, b)‖ = ‖(8, 0.08)‖.
const layers = [layerRecord(1, { gradNorm: Math.hypot(8, 0.08) })];

function slowFindings(result: RunResult, optimizer: OptimizerConfig = { kind: 'sgd' }, learningRate = 0.1): Finding[] {
  const config = { learningRate, optimizer, batchSize: 'full' } as TrainConfig;
  return diagnoseRun(spec, { label: 'r', result, config }, T).filter((f) => f.rule === 'slow-convergence');
}

describe('slow-convergence', () => {
  describe('seed 001 slow descent, trained by the engine', () => {
    const { findings, text, layerCount } = trainExample('slow-descent.nn.yaml');
    const lrLine = text.split('\n').findIndex((l) => l.trim().startsWith('train.learningRate:')) + 1;

    for (const [lr, perDecade] of [
      [0.1, 143],
      [0.2, 71],
    ] as const) {
      it(`η = ${lr}: a warning on the sweep line with λ_slow ≈ b = 0.08, λ_fast ≈ a = 8, ~${perDecade} iterations per decade`, () => {
        const run = `train.learningRate=${lr}`;
        const own = findings.filter((f) => f.run === run);
        assert.deepEqual(own.map((f) => [f.rule, f.severity]), [['slow-convergence', 'warning']]);
        const f = own[0];
        assert.equal(f.line, lrLine);
        // Late rate (1 − bη)², so λ_slow = (1 − √r)/η recovers b.
        const rate = (1 - 0.08 * lr) ** 2;
        assert.ok(Math.abs((f.evidence.lateRate as number) - rate) < 1e-6, String(f.evidence.lateRate));
        assert.ok(Math.abs((f.evidence.slowCurvature as number) - 0.08) < 1e-6, String(f.evidence.slowCurvature));
        const fast = f.evidence.fastCurvature as number;
        assert.ok(fast > 7.5 && fast < 8.5, String(fast));
        assert.ok((f.evidence.conditionNumber as number) > 90, String(f.evidence.conditionNumber));
        assert.equal(Math.round(f.evidence.iterationsPerDecade as number), perDecade);
        assert.match(f.message, new RegExp(`^Slow convergence: J falls only ×${rate.toPrecision(3)} per iteration over the last 75 iterations`));
        assert.match(f.message, /the flat direction has curvature λ ≈ 0\.08 vs ≈ 7\.92 for the steep one \(κ ≈ 99\)/);
        assert.match(f.message, new RegExp(`one more decade of J needs ~${perDecade} iterations$`));
        assert.match(f.fix ?? '', /normalize each column of data\.x.*momentum or adam/);
        assert.equal(verdict(own, layerCount), 'slow convergence');
      });
    }

    it('η = 0.26 > 2/a keeps its divergence error and gets no slow-convergence finding', () => {
      const own = findings.filter((f) => f.run === 'train.learningRate=0.26');
      assert.deepEqual(own.map((f) => f.rule), ['learning-rate-too-high']);
    });
  });

  describe('fires on the hand-built quadratic', () => {
    it('a = 8, b = 0.08, η = 0.1 over 300 iterations, with λ_fast from ‖∇J‖²/(2J) at iteration 1', () => {
      const [f] = slowFindings(makeRun(layers, quadratic(8, 0.08, 0.1, 300)));
      assert.equal(f.path, 'train.learningRate');
      assert.ok(Math.abs((f.evidence.fastCurvature as number) - (64 + 0.0064) / 8.08) < 1e-9, String(f.evidence.fastCurvature));
      assert.ok(Math.abs((f.evidence.learningRateBound as number) - 2 / ((64 + 0.0064) / 8.08)) < 1e-9);
    });
  });

  describe('stays quiet', () => {
    it('on a single geometric decay (no fast start), however slow', () => {
      const geometric = Array.from({ length: 300 }, (_, t) => 4 * 0.99 ** t);
      assert.equal(slowTail(geometric), null);
      assert.deepEqual(slowFindings(makeRun(layers, geometric)), []);
    });

    it('on a better-conditioned quadratic (a = 8, b = 0.8): the flat direction gains a decade in ~14 iterations', () => {
      assert.deepEqual(slowFindings(makeRun(layers, quadratic(8, 0.8, 0.1, 40))), []);
    });

    it('on a loss settling on a floor J* > 0 (the tail barely falls)', () => {
      const floor = Array.from({ length: 300 }, (_, t) => 0.1 + 4 * 0.2 ** t + 0.05 * 0.99 ** t);
      assert.equal(slowTail(floor), null);
    });

    it('on a 1/t tail (cross-entropy on separable data): the late rate is not steady', () => {
      const harmonic = Array.from({ length: 2000 }, (_, t) => (t === 0 ? 4 : 1 / t));
      assert.equal(slowTail(harmonic), null);
    });

    it('on a run that already converged (J below 1e-8 of its start), a short run, and a stopped run', () => {
      assert.equal(slowTail(quadratic(8, 0.08, 0.2, 3000)), null);
      assert.equal(slowTail(quadratic(8, 0.08, 0.1, 30)), null);
      const stopped = makeRun(layers, quadratic(8, 0.08, 0.1, 300), { stopped: 'cancelled' });
      assert.deepEqual(slowFindings(stopped), []);
    });

    it('with momentum or adam, and with mini-batches', () => {
      const loss = quadratic(8, 0.08, 0.1, 300);
      assert.deepEqual(slowFindings(makeRun(layers, loss), { kind: 'momentum', beta: 0.9 }), []);
      assert.deepEqual(slowFindings(makeRun(layers, loss), { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }), []);
      const mini = makeSpec({ entries: [{ units: 1, activation: { kind: 'linear' }, line: 4 }], batchSize: 1, samples: 2 });
      const found = diagnoseRun(mini, { label: 'r', result: makeRun(layers, loss) }, T).filter((f) => f.rule === 'slow-convergence');
      assert.deepEqual(found, []);
    });

    it('when an earlier rule already flagged the run (here a vanishing gradient)', () => {
      const vanishing = [layerRecord(1, { gradNorm: 1e-12, weightNorm: 1 })];
      const all = diagnoseRun(spec, { label: 'r', result: makeRun(vanishing, quadratic(8, 0.08, 0.1, 300)) }, T);
      assert.ok(all.some((f) => f.rule === 'vanishing-gradient'));
      assert.ok(!all.some((f) => f.rule === 'slow-convergence'));
    });

    it('on every other bundled example', () => {
      const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.nn.yaml') && f !== 'slow-descent.nn.yaml');
      assert.ok(examples.length >= 10, String(examples.length));
      for (const name of examples) {
        const slow = trainExample(name).findings.filter((f) => f.rule === 'slow-convergence');
        assert.deepEqual(slow.map((f) => `${f.run}: ${f.message}`), [], name);
      }
    });
  });
});
