// Bad input never crashes: seeded random mutations of every example (values swapped for odd ones, lines cut,
// dropped, duplicated, stray characters) either parse into a spec that plans, analyzes and diagnoses, or come
// back as errors that each have a message and a range inside the text. Nothing throws.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { diagnoseSpec } from '../../../src/diagnostics';
import { analyze, createRng } from '../../../src/engine';
import { parseSpec, planRuns } from '../../../src/spec';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const VALUES = ['-1', '0', '1e9', '.nan', '.inf', '-.inf', 'null', '[]', '{}', '"x"', '1e-320', '3.5', 'tanh', '{expr: "z^"}',
  '{expr: "exp(z)^z"}', '{weights: [[1]]}', 'true', '99999999', ':', '- ', '[[1,2],[3]]', '{csv: nope.csv, x: [a], y: [b]}',
  '{generate: spiral, samples: 5, noise: 0}', '{leaky-relu: {a: -3}}', 'softmax'];
const STRAY = '{}[]:,-"\'#&*!|>%@`?\\ \t0e.';

describe('spec: robustness against malformed specs', () => {
  it('2,000 seeded mutations of the examples never throw: a usable spec or errors with ranges', () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => /\.nn\.ya?ml$/.test(f)).sort();
    const texts = files.map((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));
    const rng = createRng(2026);
    const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
    let usable = 0;
    let rejected = 0;
    for (let i = 0; i < 2000; i++) {
      const which = rng.int(files.length);
      const lines = texts[which].split('\n');
      for (let k = 0, n = 1 + rng.int(3); k < n; k++) {
        const at = rng.int(lines.length);
        const op = rng.next();
        if (op < 0.4) lines[at] = lines[at].replace(/:\s*(.+)$/, `: ${pick(VALUES)}`);
        else if (op < 0.55) lines.splice(at, 1);
        else if (op < 0.7) lines[at] = lines[at].slice(0, rng.int(lines[at].length + 1));
        else if (op < 0.85) {
          const c = rng.int(lines[at].length + 1);
          lines[at] = lines[at].slice(0, c) + pick([...STRAY]) + lines[at].slice(c);
        } else lines.splice(at, 0, pick(lines));
      }
      const text = lines.join('\n');
      const file = path.join(EXAMPLES, files[which]);
      const context = `mutant ${i} of ${files[which]}:\n${text}`;
      let result: ReturnType<typeof parseSpec>;
      try {
        result = parseSpec(text, { file });
        if (result.spec) {
          for (const plan of planRuns(result.spec, { iterations: 1 }).slice(0, 2)) {
            diagnoseSpec(result.spec, [{ label: plan.label, result: analyze(plan.config) }]);
          }
        }
      } catch (error) {
        assert.fail(`threw ${(error as Error).stack}\n${context}`);
      }
      if (result.spec) {
        usable++;
        continue;
      }
      rejected++;
      const lineCount = text.split('\n').length;
      assert.ok(result.errors.length > 0, context);
      for (const e of result.errors) {
        assert.ok(e.message.length > 0, context);
        assert.ok(e.range.start.line >= 0 && e.range.start.line < lineCount + 1, `${e.message} at line ${e.range.start.line}\n${context}`);
      }
    }
    // Both outcomes occur, so the mutations neither always break nor never break the spec.
    assert.ok(usable > 100 && rejected > 100, `usable ${usable}, rejected ${rejected}`);
  });
});
