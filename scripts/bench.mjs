// Engine benchmark: `npm run bench` prints median ms per iteration and GFLOP/s for four workloads;
// `npm run bench -- --json` prints {"workloads": [{"id", "msPerIteration", "gflops"}, …]} only.
// `--only W2,W3` runs a subset. The TypeScript workloads are bundled with esbuild to a temp file, then run.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1]?.split(',') : undefined;

const dir = mkdtempSync(join(tmpdir(), 'gradient-lens-bench-'));
try {
  const outfile = join(dir, 'workloads.cjs');
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./bench/workloads.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  const { runBench } = createRequire(import.meta.url)(outfile);
  if (!json) console.log(`engine benchmark (node ${process.version}, full-batch SGD, median of timed iterations)`);
  runBench({ json, only, log: (line) => console.log(line) });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
