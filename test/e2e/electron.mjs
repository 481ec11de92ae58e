// `npm run test:electron`: the same extension-host suite under @vscode/test-electron, i.e. in VS Code desktop,
// for machines that can download it from Microsoft (not these: `npm test` uses code-server, see
// docs/TESTING.md). Versions: GL_E2E_ELECTRON_VERSIONS (default "1.100.3,stable"). Needs a display (or xvfb-run).
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from './lib/buildSuite.mjs';
import { repoRoot } from './lib/install.mjs';
import { makeWorkspace, removeWorkspace } from './lib/workspace.mjs';

const versions = (process.env.GL_E2E_ELECTRON_VERSIONS || '1.100.3,stable').split(',').map((v) => v.trim());
const suite = await buildSuite(join(repoRoot, 'test/e2e/suite'), join(repoRoot, 'out/e2e/suite'));
let passed = 0;
let failed = 0;
for (const version of versions) {
  const scratch = mkdtempSync(join(tmpdir(), 'gl-e2e-electron-'));
  const workspace = makeWorkspace('electron');
  const resultsFile = join(scratch, 'results.json');
  console.log(`\n── VS Code desktop ${version} (@vscode/test-electron) ──`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite.index,
      extensionTestsEnv: { GL_E2E_RESULTS: resultsFile, GL_E2E_WORKSPACE: workspace },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data'), '--skip-welcome'],
    });
  } catch (err) {
    console.error(`test-electron ${version}: ${err instanceof Error ? err.message : err}`);
  }
  if (existsSync(resultsFile)) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    for (const t of results.tests) console.log(`  ${t.state === 'passed' ? '✓' : '✗'} [${version}] ${t.title}${t.error ? `\n      ${t.error.split('\n')[0]}` : ''}`);
    passed += results.passed;
    failed += results.failed;
    if (results.loadError) failed += 1;
  } else {
    console.log(`  ✗ [${version}] the suite did not run (no results file)`);
    failed += 1;
  }
  removeWorkspace(workspace);
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
