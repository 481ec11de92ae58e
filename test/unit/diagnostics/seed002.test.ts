// Seed 002's sweep (100 tanh layers of one unit, weights 1.0 / 5.0 / 0.9) computed in the test's own scalar
// float64 chain: the rules must call w=1 healthy, w=5 vanishing (+ stalled), w=0.9 vanishing gradient and
// vanishing activation (+ stalled), with the seed's numbers in the messages.
import { strict as assert } from 'node:assert';
import { diagnoseRun, diagnoseSpec, resolveThresholds, verdict } from '../../../src/diagnostics';
import type { Finding } from '../../../src/diagnostics';
import { chainSpec, scalarChain } from './builders';

function findings(w: number): Finding[] {
  return diagnoseRun(chainSpec(), { label: `w=${w}`, result: scalarChain(w) }, resolveThresholds());
}

function only(list: Finding[], rule: string): Finding {
  const hits = list.filter((f) => f.rule === rule);
  assert.equal(hits.length, 1, `${rule}: ${JSON.stringify(list.map((f) => f.message))}`);
  return hits[0];
}

describe('diagnostics on seed 002 (scalar chain built in the test)', () => {
  const w1 = findings(1);
  const w5 = findings(5);
  const w09 = findings(0.9);

  it('w = 1 trains to 4.66e-30 and has no finding at all', () => {
    const run = scalarChain(1);
    assert.equal(run.loss[0].toPrecision(6), '0.0726891');
    assert.equal(run.finalLoss.toPrecision(3), '4.66e-30');
    assert.deepEqual(w1.map((f) => f.message), []);
    assert.equal(verdict(w1, 100), 'healthy');
  });

  it('w = 5: vanishing gradient in layers 1–99 with the seed figures as evidence', () => {
    const f = only(w5, 'vanishing-gradient');
    assert.deepEqual(f.layers, [1, 99]);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^Vanishing gradient in layers 1–99 of 100: /);
    // ‖∂J/∂W_100‖ = |Σ_i h_99,i g_100,i| = 2 · 0.5 … ≈ 2 × 4.54e-5; layer 1 = |Σ x_i g_1,i| = 5.83e-304.
    assert.match(f.message, /falls from 9\.08e-5 \(layer 100\) to 5\.83e-304 \(layer 1\)/);
    assert.match(f.message, /tanh'\(u\) ≈ 1\.82e-4 at \|u\| ≈ 5/);
    assert.match(f.message, /\|w\| ≈ 5/);
    assert.ok(Math.abs((f.evidence.deltaStep as number) - 9.57e-4) < 1e-5, String(f.evidence.deltaStep));
    assert.match(f.fix ?? '', /scale the init down.*xavier gives std 1 here/);
  });

  it('w = 5: the loss is stuck at 0.125 and the stall points at the vanishing gradient', () => {
    const f = only(w5, 'stalled-loss');
    assert.match(f.message, /J stays at 0\.125 over 1000 iterations/);
    assert.match(f.fix ?? '', /vanishing gradient first \(layers 1–99\)/);
    assert.equal(verdict(w5, 100), 'vanishing in layers 1–99, saturated in layers 2–100, stalled');
  });

  it('w = 0.9: gradient small in every layer, activations vanish with depth, loss stuck', () => {
    const g = only(w09, 'vanishing-gradient');
    assert.deepEqual(g.layers, [1, 100]);
    assert.match(g.message, /‖∂J\/∂W‖ ≤ 5\.63e-6 in every layer/);
    assert.match(g.message, /each layer scales δ by ~0\.893 going back \(\|w\| ≈ 0\.9/);
    assert.match(g.fix ?? '', /scale the init up/);
    const a = only(w09, 'vanishing-activation');
    assert.equal(a.layers?.[1], 100);
    assert.ok(a.layers![0] > 40 && a.layers![0] < 70, `starts at ${a.layers![0]}`);
    assert.match(a.message, /falls from 0\.5 \(the input\) to 1\.01e-5 \(layer 100\), ×0\.898 per layer because \|w·φ'\(u\)\| < 1/);
    assert.match(only(w09, 'stalled-loss').message, /J stays at 0\.125/);
    assert.equal(w09.some((f) => f.rule === 'saturated-activation'), false);
  });

  it('every finding sits on the entry line (1-based) and carries the run label', () => {
    for (const f of [...w5, ...w09].filter((f) => f.layers)) {
      assert.equal(f.line, 7);
      assert.equal(f.entry, 0);
    }
    assert.equal(only(w5, 'stalled-loss').line, 21); // the `loss:` key, 0-based line 20
    assert.ok(w09.every((f) => f.run === 'w=0.9'));
  });

  it("diagnoseSpec applies the spec's diagnose overrides and keeps runs apart", () => {
    const spec = chainSpec();
    const runs = [1, 5].map((w) => ({ label: `w=${w}`, result: scalarChain(w) }));
    assert.deepEqual(diagnoseSpec(spec, runs).map((f) => f.run), ['w=5', 'w=5', 'w=5']);
    // Demanding that a 1% change move J by 100% flags even the healthy run.
    spec.diagnose = { vanishingSensitivity: 100 };
    assert.ok(diagnoseSpec(spec, runs).some((f) => f.run === 'w=1' && f.rule === 'vanishing-gradient'));
  });
});
