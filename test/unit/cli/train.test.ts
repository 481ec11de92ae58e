// `gradient-lens train`: exit codes, the JSON contract (with --trace), the human table and its colours.
import { strict as assert } from 'node:assert';
import { json, runCli } from './harness';

const W1 = 'examples/deep-tanh-w1.nn.yaml';
const W5 = 'examples/deep-tanh-w5.nn.yaml';
const SWEEP = 'examples/deep-tanh-sweep.nn.yaml';

describe('cli train', () => {
  it('--json gives one object per the contract: spec, runs with loss, layers, findings', () => {
    const run = runCli(['train', W1, '--json', '--iterations', '5']);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    const out = json(run);
    assert.equal(out.spec, W1);
    assert.equal(out.runs.length, 1);
    const r = out.runs[0];
    assert.equal(r.label, '');
    assert.equal(r.loss.length, 5);
    assert.equal(r.loss[0].toPrecision(6), '0.0726891');
    assert.equal(typeof r.finalLoss, 'number');
    assert.ok(r.finalLoss < r.loss[0]);
    assert.equal(r.layers.length, 100);
    const first = r.layers[0];
    assert.deepEqual(Object.keys(first).slice(0, 8), ['index', 'line', 'units', 'activation', 'gradNorm', 'deltaNorm', 'meanAbsActivation', 'saturation']);
    assert.equal(first.index, 1);
    assert.equal(first.line, 6); // the `- units: 1` line of the only entry
    assert.equal(first.units, 1);
    assert.equal(first.activation, 'tanh');
    for (const key of ['gradNorm', 'deltaNorm', 'meanAbsActivation', 'saturation']) {
      assert.deepEqual(Object.keys(first[key]), ['first', 'last'], key);
    }
    assert.equal(first.gradNorm.first.toPrecision(3), '0.00249');
    assert.deepEqual(r.findings, []);
    assert.equal(r.trace, undefined);
  });

  it('--trace: h[0] is the input, g[0] is null, one-unit layers give numbers; seed 002 w=5 g_100 = ±4.54e-5', () => {
    const r = json(runCli(['train', W5, '--json', '--trace', '--iterations', '1'])).runs[0];
    assert.equal(r.trace.h.length, 101);
    assert.equal(r.trace.g.length, 101);
    assert.deepEqual(r.trace.h[0], [-0.5, 0.5]);
    assert.equal(r.trace.g[0], null);
    // Samples in the seed's stated order (x = −0.5, then +0.5); g_k = ∂J/∂u_k has the sign of h − y (see the
    // engine's seed test): the seed's table prints the same magnitudes with the rows the other way round.
    const [g1, g2] = r.trace.g[100];
    assert.equal(Math.abs(g2).toExponential(2), '4.54e-5');
    assert.equal(g1, -g2);
    assert.equal(Math.abs(r.trace.g[1][1]).toExponential(2), '5.83e-304');
    assert.ok(Math.abs(r.trace.h[100][1] - 0.9999) < 1e-4);
  });

  it('--trace on a wider network keeps each sample as a row', () => {
    const r = json(runCli(['train', 'examples/xor.nn.yaml', '--json', '--trace', '--iterations', '1'])).runs[0];
    assert.deepEqual(r.trace.h[0], [[0, 0], [0, 1], [1, 0], [1, 1]]);
    assert.equal(r.trace.h[1].length, 4);
    assert.equal(r.trace.h[1][0].length, 4);
    assert.equal(r.trace.g[2].length, 4); // one-unit output layer: a number per sample
    assert.equal(typeof r.trace.g[2][0], 'number');
  });

  it('findings in JSON carry rule, severity, layers, line, message (plus fix and evidence)', () => {
    const r = json(runCli(['train', W5, '--json', '--iterations', '20'])).runs[0];
    const v = r.findings.find((f: any) => f.rule === 'vanishing-gradient');
    assert.deepEqual(Object.keys(v).slice(0, 5), ['rule', 'severity', 'layers', 'line', 'message']);
    assert.deepEqual(v.layers, [1, 99]);
    assert.equal(v.line, 6);
    assert.match(v.message, /5\.83e-304 \(layer 1\)/);
    assert.equal(typeof v.fix, 'string');
    assert.ok(r.findings.some((f: any) => f.rule === 'stalled-loss' && f.line === 11));
  });

  it('--fail-on: 1 when a finding of that severity or worse exists, else 0', () => {
    assert.equal(runCli(['train', W5, '--iterations', '20', '--fail-on', 'warning']).code, 1);
    assert.equal(runCli(['train', W5, '--iterations', '20', '--fail-on', 'error']).code, 0);
    assert.equal(runCli(['train', W1, '--iterations', '20', '--fail-on', 'warning']).code, 0);
    // The slow-descent sweep's η = 0.26 run diverges: an error.
    assert.equal(runCli(['train', 'examples/slow-descent.nn.yaml', '--fail-on', 'error']).code, 1);
  });

  it('--iterations over the limit is a usage error (exit 2), nothing trains', () => {
    const run = runCli(['train', W1, '--iterations', '999999999999']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^gradient-lens: iterations must be a whole number from 1 to/);
  });

  describe('stability at init (λ_max of J at the initial weights)', () => {
    const SLOW = 'examples/slow-descent.nn.yaml';

    it('human output: one line per run, λ_max ≈ 8 → stable below 0.25, with the run\'s own rate', () => {
      const out = runCli(['train', SLOW]).stdout;
      for (const lr of ['0.1', '0.2', '0.26']) {
        const re = new RegExp(`train\\.learningRate=${lr.replace('.', '\\.')}\\s+stability at init: λ_max ≈ 8 → stable for learningRate < 0\\.25 \\(now ${lr.replace('.', '\\.')}\\)`);
        assert.match(out, re);
      }
      assert.ok(out.indexOf('stability at init') > out.indexOf('findings') && out.indexOf('stability at init') < out.indexOf('loss:'));
      assert.match(runCli(['train', W1, '--iterations', '5']).stdout, /^  stability at init: λ_max ≈ 0\.56\d* → stable for learningRate < 3\.5\d* \(now 0\.1\)$/m);
    });

    it('says when it was not estimated (seed 002 w=5: no positive curvature along the gradient)', () => {
      assert.match(runCli(['train', W5, '--iterations', '3']).stdout, /stability at init: not estimated/);
    });

    it('--json: run.sharpness {lambdaMax, stableBelow, converged}, absent when not estimated', () => {
      const runs = json(runCli(['train', SLOW, '--json'])).runs;
      for (const r of runs) {
        assert.ok(Math.abs(r.sharpness.lambdaMax - 8) < 1e-6, JSON.stringify(r.sharpness));
        assert.ok(Math.abs(r.sharpness.stableBelow - 0.25) < 1e-7);
        assert.equal(r.sharpness.converged, true);
      }
      assert.equal(json(runCli(['train', W5, '--json', '--iterations', '3'])).runs[0].sharpness, undefined);
    });
  });

  describe('human output', () => {
    const out = runCli(['train', SWEEP]).stdout;
    const lines = out.split('\n');

    it('shows the three runs of seed 002 side by side, with their labels in one header line', () => {
      const header = lines.find((l) => l.includes('layers[0].init=1'));
      assert.ok(header, out);
      assert.match(header!, /layers\[0\]\.init=1 .*│ layers\[0\]\.init=5 .*│ layers\[0\]\.init=0\.9/);
      assert.match(out, /‖∂J\/∂W‖ first\s+last\s+flags/);
    });

    it('keeps flagged layers visible, elides the middle of the repeated entry, prints tiny norms in full', () => {
      const row = (k: number) => lines.find((l) => new RegExp(`^\\s*${k}\\s+1\\s+tanh`).test(l));
      for (const k of [1, 2, 3, 57, 98, 99, 100]) assert.ok(row(k), `layer ${k} row missing:\n${out}`);
      assert.match(row(1)!, /5\.83e-304\s+\S+\s+V\s/);
      assert.match(row(100)!, /9\.08e-5\s+\S+\s+S\s/);
      assert.ok(!row(45), 'layer 45 should be elided');
      assert.match(out, /⋮\s+\d+ layers/);
      assert.match(out, /flags: V vanishing gradient, A vanishing activation, S saturated/);
      assert.ok(!/\b0\s+│/.test(out), 'no norm printed as a bare 0');
    });

    it('lists the findings per run, then the loss at the start and the end with a verdict', () => {
      assert.match(out, /findings \(layers\[0\]\.init=1\): none/);
      assert.match(out, /findings \(layers\[0\]\.init=5\):\n\s+warning\s+line 8: Vanishing gradient in layers 1–99 of 100/);
      assert.match(out, /fix: scale the init down/);
      assert.match(out, /layers\[0\]\.init=1\s+J = 0\.0727 at iteration 1 → 4\.66e-30 after 1000 iterations\s+healthy/);
      assert.match(out, /layers\[0\]\.init=0\.9\s+J = 0\.125 at iteration 1 → 0\.125 after 1000 iterations\s+vanishing in all 100 layers/);
      assert.ok(out.indexOf('findings') < out.indexOf('loss:'));
    });

    it('uses colour only on a terminal and without NO_COLOR', () => {
      assert.ok(!out.includes('\x1b['));
      assert.ok(runCli(['train', W5, '--iterations', '3'], { tty: true }).stdout.includes('\x1b['));
      assert.ok(!runCli(['train', W5, '--iterations', '3'], { tty: true, env: { NO_COLOR: '1' } }).stdout.includes('\x1b['));
    });

    it('prints progress on stderr only when stderr is a terminal', () => {
      assert.equal(runCli(['train', W1, '--iterations', '50']).stderr, '');
      const tty = runCli(['train', W1, '--iterations', '50'], { stderrTty: true });
      assert.match(tty.stderr, /training: iteration \d+\/50, J = /);
    });
  });
});
