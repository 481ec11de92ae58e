// `node scripts/bench-editor.mjs [--rounds N] [--stall-only] [--json]`: the editor features' figures (host
// event-loop stall idle / beside a CPU-bound dummy worker / while W2 trains on the worker; edit → findings per example). Bundles the worker and the bench with esbuild into a
// temp folder, runs it, removes the folder.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'gl-bench-editor-'));
try {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };
  await esbuild.build({ ...common, entryPoints: ['src/worker/trainingWorker.ts'], outfile: path.join(dir, 'worker.js') });
  await esbuild.build({ ...common, entryPoints: ['scripts/bench-editor/main.ts'], outfile: path.join(dir, 'bench.js') });
  const args = [path.join(dir, 'bench.js'), path.join(dir, 'worker.js'), path.resolve('scripts/bench-editor/spinWorker.cjs'), path.resolve('examples'), ...process.argv.slice(2)];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
