// The rules on real engine runs: seed 002's sweep read from examples/deep-tanh-sweep.nn.yaml by the spec
// reader and trained by the engine, and seed 001's slow-descent sweep (slow below 2/a, divergence above).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseSpec, type Finding } from '../../../src/diagnostics';
import { analyze, train } from '../../../src/engine';
import { parseSpec, planRuns, type NetworkSpec } from '../../../src/spec';

const ROOT = join(__dirname, '../../..');

function trained(example: string, run = train): { spec: NetworkSpec; text: string; findings: Finding[] } {
  const file = join(ROOT, 'examples', example);
  const text = readFileSync(file, 'utf8');
  const parsed = parseSpec(text, { file });
  assert.deepEqual(parsed.errors, []);
  const spec = parsed.spec!;
  const runs = planRuns(spec).map((p) => ({ label: p.label, config: p.config, result: run(p.config) }));
  return { spec, text, findings: diagnoseSpec(spec, runs) };
}

const rulesOf = (findings: Finding[], run: string): string[] => findings.filter((f) => f.run === run).map((f) => f.rule).sort();

describe('diagnostics on engine runs', () => {
  const sweep = trained('deep-tanh-sweep.nn.yaml');

  it('seed 002: w=1 healthy; w=5 vanishing (+ saturated, stalled); w=0.9 vanishing gradient and activation (+ stalled)', () => {
    assert.deepEqual(rulesOf(sweep.findings, 'layers[0].init=1'), []);
    assert.deepEqual(rulesOf(sweep.findings, 'layers[0].init=5'), ['saturated-activation', 'stalled-loss', 'vanishing-gradient']);
    assert.deepEqual(rulesOf(sweep.findings, 'layers[0].init=0.9'), ['stalled-loss', 'vanishing-activation', 'vanishing-gradient']);
  });

  it("seed 002 w=5: the message carries the seed's evidence", () => {
    const f = sweep.findings.find((x) => x.run === 'layers[0].init=5' && x.rule === 'vanishing-gradient')!;
    assert.deepEqual(f.layers, [1, 99]);
    assert.match(f.message, /falls from 9\.08e-5 \(layer 100\) to 5\.83e-304 \(layer 1\)/);
    assert.match(f.message, /tanh'\(u\) ≈ 1\.82e-4 at \|u\| ≈ 5\)/);
  });

  it('layer findings sit on the `- units:` line of their entry, the stall on the `loss:` line', () => {
    const lines = sweep.text.split('\n');
    const entryLine = lines.findIndex((l) => l.trim().startsWith('- units:')) + 1;
    const lossLine = lines.findIndex((l) => l.startsWith('loss:')) + 1;
    for (const f of sweep.findings) assert.equal(f.line, f.layers ? entryLine : lossLine, f.message);
  });

  it('seed 001 slow descent: only η = 0.26 > 2/a diverges, the bound is 2/a = 0.25, on the sweep line of the rate; η = 0.1 and 0.2 are slow', () => {
    const { findings, text } = trained('slow-descent.nn.yaml');
    assert.deepEqual(findings.map((f) => [f.run, f.rule, f.severity]), [
      ['train.learningRate=0.1', 'slow-convergence', 'warning'],
      ['train.learningRate=0.2', 'slow-convergence', 'warning'],
      ['train.learningRate=0.26', 'learning-rate-too-high', 'error'],
    ]);
    const diverges = findings[2];
    const bound = diverges.evidence.learningRateBound as number;
    assert.ok(Math.abs(bound - 0.25) < 1e-6, String(bound));
    const lrLine = text.split('\n').findIndex((l) => l.trim().startsWith('train.learningRate:')) + 1;
    assert.deepEqual(findings.map((f) => f.line), [lrLine, lrLine, lrLine]);
    assert.match(diverges.message, /; learningRate is above 2\/λ_max ≈ 0\.25 \(λ_max ≈ 8, the sharpest curvature of J at the initial weights\)$/);
  });

  it('seed 001 slow descent analysed at the initial weights (no training): only η = 0.26 is flagged, before it diverges', () => {
    const { findings } = trained('slow-descent.nn.yaml', analyze);
    assert.deepEqual(findings.map((f) => [f.run, f.rule, f.severity]), [['train.learningRate=0.26', 'learning-rate-too-high', 'warning']]);
    assert.match(findings[0].message, /^learningRate 0\.26 is above 2\/λ_max ≈ 0\.25 \(λ_max ≈ 8,.*expected to diverge$/);
  });
});
