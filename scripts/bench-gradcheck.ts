// Gradient check figures per example (every run of a sweep): max relative error, entries checked, narrowed
// (decided at ε/10 or ε/100 because a kink was near) and skipped (a kink inside the stencil at every step),
// verdict, and the median time of 5 checks. Run: npx tsx scripts/bench-gradcheck.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gradientCheck } from '../src/engine';
import { parseSpec, planRuns } from '../src/spec';

const ROOT = resolve(__dirname, '..');
const files = [
  ...readdirSync(join(ROOT, 'examples')).filter((f) => /\.nn\.(ya?ml|json)$/.test(f)).sort().map((f) => `examples/${f}`),
  'test/fixtures/cli/kink.nn.yaml',
  'test/fixtures/cli/steep.nn.yaml',
];

const rows: string[][] = [['spec', 'run', 'max rel. error', 'checked', 'narrowed', 'skipped', 'result', 'ms (median of 5)']];
for (const file of files) {
  const path = join(ROOT, file);
  const parsed = parseSpec(readFileSync(path, 'utf8'), { file: path, readFile: (p) => readFileSync(p, 'utf8') });
  if (!parsed.spec) throw new Error(`${file}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  for (const { label, config } of planRuns(parsed.spec)) {
    const times: number[] = [];
    let report = gradientCheck(config);
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      report = gradientCheck(config);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push([
      file,
      label || '—',
      report.maxRelError.toExponential(2),
      String(report.checked),
      String(report.narrowed),
      String(report.skipped),
      report.pass ? 'PASS' : 'FAIL',
      times[2].toFixed(1),
    ]);
  }
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((v, c) => v.padEnd(widths[c])).join('  ').trimEnd());
