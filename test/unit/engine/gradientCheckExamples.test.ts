// The engine's gradient check by itself, on every bundled example (every run of a sweep): it passes at the
// default step, and it fails once backprop's gradients are made wrong (sign flipped) through the test hook.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gradientCheck, type TrainConfig } from '../../../src/engine';
import { parseSpec, planRuns } from '../../../src/spec';

const ROOT = resolve(__dirname, '../../..');
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => /\.nn\.(ya?ml|json)$/.test(f)).sort();

function runsOf(file: string): { label: string; config: TrainConfig }[] {
  const path = join(ROOT, 'examples', file);
  const parsed = parseSpec(readFileSync(path, 'utf8'), { file: path, readFile: (p) => readFileSync(p, 'utf8') });
  assert.ok(parsed.spec && parsed.errors.length === 0, `${file}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  return planRuns(parsed.spec);
}

describe('gradient check on every example', () => {
  it('covers the examples with kinked activations', () => {
    for (const name of ['exu-sigmoid', 'leaky-relu-sigmoid', 'spiral-softmax', 'hidden-activations-linear-output']) {
      assert.ok(EXAMPLES.includes(`${name}.nn.yaml`), name);
    }
  });

  for (const file of EXAMPLES) {
    it(`${file}: every run passes; with backprop's gradients negated it fails`, () => {
      for (const { label, config } of runsOf(file)) {
        const report = gradientCheck(config);
        assert.equal(report.pass, true, `${label}: max relative error ${report.maxRelError}`);
        assert.ok(report.maxRelError < report.threshold, `${label}`);
        assert.ok(report.checked > 0 && report.checked >= report.skipped, `${label}: ${report.checked} checked, ${report.skipped} skipped`);
        const wrong = gradientCheck(config, {
          alterBackprop: (_k, gw, gb) => {
            gw.forEach((g, i) => (gw[i] = -g));
            gb.forEach((g, i) => (gb[i] = -g));
          },
        });
        assert.equal(wrong.pass, false, `${label}: a negated backprop passed`);
        assert.equal(wrong.layers[wrong.layers.length - 1].pass, false, `${label}: output layer`);
      }
    });
  }
});
