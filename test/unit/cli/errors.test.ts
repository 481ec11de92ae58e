// Spec errors on the command line: every error in the GCC form path:line:col (1-based) on stderr, exit 2,
// nothing on stdout, for every command.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, runCli } from './harness';

const BROKEN = 'test/fixtures/cli/broken.nn.yaml';

describe('cli spec errors', () => {
  for (const command of ['train', 'grad', 'check']) {
    it(`${command}: all three errors of the broken fixture with their line and column, exit 2`, () => {
      const run = runCli([command, BROKEN]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      const lines = run.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 3, run.stderr);
      assert.match(lines[0], /^test\/fixtures\/cli\/broken\.nn\.yaml:7:17: error: unknown activation 'tanhh'/);
      assert.match(lines[1], /^test\/fixtures\/cli\/broken\.nn\.yaml:15:17: error: train\.learningRate must be a number/);
      assert.match(lines[2], /^test\/fixtures\/cli\/broken\.nn\.yaml:17:1: error: unknown key 'colour'/);
    });
  }

  it('a missing file is reported at 1:1, exit 2', () => {
    const run = runCli(['train', 'no/such/spec.nn.yaml']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'no/such/spec.nn.yaml:1:1: error: cannot read the spec: no such file\n');
  });

  it('a CSV the spec names but that does not exist is an error at the spec key, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gl-cli-'));
    try {
      const spec = join(dir, 'csv.nn.yaml');
      writeFileSync(
        spec,
        'inputs: 1\nlayers:\n  - units: 1\n    activation: linear\nloss: mse\ndata:\n  csv: missing.csv\n  x: [a]\n  y: [b]\n' +
          'train:\n  optimizer: sgd\n  learningRate: 0.1\n  iterations: 5\n',
      );
      const path = relative(ROOT, spec);
      const run = runCli(['train', path]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, new RegExp(`^${path.replace(/[.\\/]/g, '\\$&')}:7:8: error: cannot read the CSV file 'missing\\.csv'`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
