// `npm run examples`: the main job on the bundled examples, headless. Builds, then runs
// `gradient-lens train` on every examples/*.nn.yaml (tables per layer, findings, loss at start and end).
// Exits non-zero if any example fails to run (a spec error or an internal error), not because of findings.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

const specs = readdirSync(join(root, 'examples')).filter((f) => /\.nn\.(ya?ml|json)$/.test(f)).sort();
const failed = [];
const t0 = Date.now();
for (const name of specs) {
  const file = join('examples', name);
  process.stdout.write(`\n━━ gradient-lens train ${file}\n`);
  const run = spawnSync(process.execPath, [join(root, 'bin/gradient-lens.js'), 'train', file], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(`${file} (exit ${run.status ?? run.signal})`);
}
const seconds = ((Date.now() - t0) / 1000).toFixed(1);
process.stdout.write(`\n${specs.length} examples trained in ${seconds} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}\n`);
process.exit(failed.length ? 1 : 0);
