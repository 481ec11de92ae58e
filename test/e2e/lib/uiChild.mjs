// Child process of the e2e runner for the UI layer: runs every test/e2e/ui/**/*.ui.mjs with mocha against an
// editor the runner already started (see ../ui/driver.mjs for the environment it reads). Writes
// {passed, failed, tests} to GL_E2E_RESULTS. Chromium stays in this process's group, which the runner stops.
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Mocha from 'mocha';
import { repoRoot } from './install.mjs';
import { screenshotAll, shutdown } from '../ui/driver.mjs';

function findUiTests(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? findUiTests(join(dir, d.name)) : d.name.endsWith('.ui.mjs') ? [join(dir, d.name)] : []))
    .sort();
}

const results = { passed: 0, failed: 0, tests: [] };
const write = () => writeFileSync(process.env.GL_E2E_RESULTS, JSON.stringify(results, null, 2));

process.on('SIGTERM', async () => {
  await shutdown().catch(() => undefined);
  process.exit(143);
});

const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 90_000, color: false });
if (process.env.GL_E2E_GREP) mocha.grep(process.env.GL_E2E_GREP);
mocha.rootHooks({
  async afterEach() {
    if (this.currentTest?.state === 'failed') await screenshotAll(`FAILED-${this.currentTest.title}`);
  },
});
for (const file of findUiTests(join(repoRoot, 'test/e2e/ui'))) mocha.addFile(file);
try {
  await mocha.loadFilesAsync();
} catch (err) {
  results.failed = 1;
  results.loadError = err instanceof Error ? err.stack : String(err);
  results.tests.push({ title: 'UI suite loads', file: '', state: 'failed', error: results.loadError });
  write();
  await shutdown();
  process.exit(1);
}
const runner = mocha.run(async (failures) => {
  write();
  await shutdown().catch(() => undefined);
  process.exit(failures ? 1 : 0);
});
runner.on('pass', (test) => {
  results.passed++;
  results.tests.push({ title: test.fullTitle(), file: basename(test.file ?? ''), state: 'passed', durationMs: test.duration });
});
runner.on('fail', (test, err) => {
  results.failed++;
  results.tests.push({ title: test.fullTitle(), file: basename(test.file ?? ''), state: 'failed', error: err?.stack || String(err) });
});
