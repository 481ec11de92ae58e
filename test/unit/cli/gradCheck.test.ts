// `grad --json` (shape and orientation) and `check` (PASS/FAIL per layer, exit status).
import { strict as assert } from 'node:assert';
import { json, runCli } from './harness';

describe('cli grad and check', () => {
  it('grad --json: loss and per-layer gradients, weightGrad with one row per unit of layer k', () => {
    const run = runCli(['grad', 'examples/xor.nn.yaml', '--json']);
    assert.equal(run.code, 0);
    const out = json(run);
    assert.deepEqual(Object.keys(out), ['loss', 'layers']);
    assert.equal(out.layers.length, 2);
    assert.deepEqual(Object.keys(out.layers[0]), ['index', 'weightGrad', 'biasGrad']);
    assert.equal(out.layers[0].weightGrad.length, 4); // 4 hidden units …
    assert.equal(out.layers[0].weightGrad[0].length, 2); // … each with 2 inputs
    assert.equal(out.layers[0].biasGrad.length, 4);
    assert.equal(out.layers[1].weightGrad.length, 1);
    assert.equal(out.layers[1].weightGrad[0].length, 4);
  });

  it("grad --json on seed 001's quadratic ½(a w₁² + b w₂²) at w = (1, 1) is (a, b) = (8, 0.08); no bias is null", () => {
    const run = runCli(['grad', 'examples/slow-descent.nn.yaml', '--json']);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /sweeps 3 runs; showing the first \(train\.learningRate=0\.1\)/);
    const out = json(run);
    assert.equal(out.label, 'train.learningRate=0.1');
    assert.ok(Math.abs(out.loss - 4.04) < 1e-12);
    const [[ga, gb]] = out.layers[0].weightGrad;
    assert.ok(Math.abs(ga - 8) < 1e-12 && Math.abs(gb - 0.08) < 1e-12, `${ga}, ${gb}`);
    assert.equal(out.layers[0].biasGrad, null);
  });

  it('grad without --json prints J and a table of norms', () => {
    const run = runCli(['grad', 'examples/xor.nn.yaml']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^J = 0\.759 at the initial weights/);
    assert.match(run.stdout, /\n\s+1\s+4×2\s+\d+\s/);
  });

  it('check passes on the seed 002 sweep (every run, every layer), exit 0', () => {
    const run = runCli(['check', 'examples/deep-tanh-sweep.nn.yaml']);
    assert.equal(run.code, 0, run.stdout);
    assert.equal((run.stdout.match(/all layers PASS/g) ?? []).length, 3);
    assert.ok(!run.stdout.includes('FAIL'));
  });

  it('check --json carries the engine report per run: counts, threshold 1e-6, base step 1e-4, verdicts', () => {
    const out = json(runCli(['check', 'examples/xor.nn.yaml', '--json']));
    assert.equal(out.pass, true);
    assert.equal(out.threshold, 1e-6);
    assert.equal(out.epsilon, 1e-4);
    const run = out.runs[0];
    assert.deepEqual(Object.keys(run), ['label', 'maxRelError', 'checked', 'skipped', 'narrowed', 'pass', 'layers']);
    assert.deepEqual([run.checked, run.skipped], [17, 0]); // 4×2 + 4 weights and biases, then 1×4 + 1
    const layer = run.layers[0];
    assert.deepEqual(Object.keys(layer).sort(), ['biasRelError', 'checked', 'index', 'maxAbsGrad', 'narrowed', 'pass', 'skipped', 'weightRelError']);
    assert.ok(layer.weightRelError < 1e-6 && layer.pass);
  });

  it('check passes (exit 0) on the kink fixture: the bias entry on the ReLU kink is skipped and counted', () => {
    const run = runCli(['check', 'test/fixtures/cli/kink.nn.yaml']);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^layer +rel\. error W +rel\. error b +max \|grad\| +checked +skipped +result$/m);
    assert.match(run.stdout, /\n\s+1\s+0\s+0\s+0\s+1\s+1\s+PASS\n/);
    assert.match(run.stdout, /over 2 entries, 1 skipped \(a kink within the stencil at every step\): all layers PASS/);
  });

  it('check fails (exit 1) where central differences cannot resolve a smooth bend far narrower than the step', () => {
    const run = runCli(['check', 'test/fixtures/cli/steep.nn.yaml']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /\n\s+1\s+0\s+0\.9\d+\s+0\.707\s+2\s+0\s+FAIL\n/);
    assert.match(run.stdout, /\n\s+2\s.*PASS\n/);
    assert.match(run.stdout, /1 layer FAIL/);
    const out = json(runCli(['check', 'test/fixtures/cli/steep.nn.yaml', '--json']));
    assert.equal(out.pass, false);
    assert.deepEqual(out.runs[0].layers.map((l: { pass: boolean }) => l.pass), [false, true]);
  });
});
