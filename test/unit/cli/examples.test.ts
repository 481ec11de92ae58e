// Every example runs from the command line without error, and its gradients pass the check. The bundled
// CLI (built here with esbuild into a temp folder) is spawned once, as `npx gradient-lens` would run it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { json, ROOT, runCli } from './harness';

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => /\.nn\.(ya?ml|json)$/.test(f))
  .sort();

describe('cli on every example', () => {
  it('finds the examples the brief asks for', () => {
    for (const name of ['deep-tanh-sweep', 'deep-tanh-w1', 'deep-tanh-w5', 'deep-tanh-w09', 'deep-tanh-bias', 'tanh-tanh-sigmoid',
      'ztanh-sigmoid', 'leaky-relu-sigmoid', 'exu-sigmoid', 'one-hidden-layer-sigmoid-sse', 'slow-descent', 'spiral-softmax', 'xor']) {
      assert.ok(EXAMPLES.includes(`${name}.nn.yaml`), name);
    }
  });

  for (const file of EXAMPLES) {
    it(`${file}: train --json exits 0 with finite losses, check passes`, () => {
      const path = `examples/${file}`;
      const run = runCli(['train', path, '--json']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      for (const r of json(run).runs) {
        assert.ok(Number.isFinite(r.loss[0]), `${r.label}: J_1 = ${r.loss[0]}`);
        assert.equal(r.stopped, undefined, `${r.label} stopped`);
      }
      const check = runCli(['check', path]);
      assert.equal(check.code, 0, check.stdout + check.stderr);
    });
  }

  describe('the bundled CLI, spawned', () => {
    let dir = '';
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'gl-cli-bundle-'));
      await build({
        entryPoints: [join(ROOT, 'src/cli/main.ts')],
        outfile: join(dir, 'cli.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'silent',
      });
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('train examples/deep-tanh-sweep.nn.yaml --json: three runs, w=1 healthy, w=5 and w=0.9 vanishing', () => {
      const out = spawnSync(process.execPath, [join(dir, 'cli.js'), 'train', 'examples/deep-tanh-sweep.nn.yaml', '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      assert.equal(out.status, 0, out.stderr);
      const runs = JSON.parse(out.stdout).runs;
      assert.deepEqual(runs.map((r: any) => r.label), ['layers[0].init=1', 'layers[0].init=5', 'layers[0].init=0.9']);
      assert.deepEqual(runs.map((r: any) => r.verdict.split(',')[0]), ['healthy', 'vanishing in layers 1–99', 'vanishing in all 100 layers']);
    });

    it('exits 2 with the GCC form on a broken spec', () => {
      const out = spawnSync(process.execPath, [join(dir, 'cli.js'), 'check', 'test/fixtures/cli/broken.nn.yaml'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(out.status, 2);
      assert.match(out.stderr, /^test\/fixtures\/cli\/broken\.nn\.yaml:7:17: error: /);
    });
  });
});
