// Bundles an extension-host suite for the editor: the shared entry (test/e2e/suite/index.ts → index.js) and
// every *.test.ts of `testsDir`, each file on its own, into `outDir` (CommonJS, Node; vscode and mocha external,
// so mocha resolves from the repository's node_modules).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './install.mjs';

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? findTests(join(dir, d.name)) : d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
  );
}

/** @returns {Promise<{outDir: string, index: string, tests: string[]}>} */
export async function buildSuite(testsDir, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const tests = findTests(testsDir).sort();
  const common = {
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'],
    sourcemap: 'inline', sourcesContent: false, logLevel: 'error',
  };
  await esbuild.build({ ...common, entryPoints: [join(repoRoot, 'test/e2e/suite/index.ts')], outfile: join(outDir, 'index.js') });
  if (tests.length) {
    await esbuild.build({
      ...common,
      entryPoints: tests.map((t) => ({ in: t, out: relative(testsDir, t).replace(/\.ts$/, '') })),
      outdir: outDir,
    });
  }
  return { outDir, index: join(outDir, 'index.js'), tests: tests.map((t) => relative(repoRoot, t)) };
}

// `node test/e2e/lib/buildSuite.mjs` builds the real suite into out/e2e/suite (used by test/e2e/electron.mjs too).
if (process.argv[1] && process.argv[1].endsWith('buildSuite.mjs')) {
  const built = await buildSuite(join(repoRoot, 'test/e2e/suite'), join(repoRoot, 'out/e2e/suite'));
  console.log(`e2e suite: ${built.tests.length} test file(s) → ${relative(repoRoot, built.outDir)}`);
}
