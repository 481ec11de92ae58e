// Entry of the extension-host suite: VS Code (code-server or @vscode/test-electron) requires this bundle as
// `extensionTestsPath` and awaits run(); a rejection means failure. Test files are bundled one by one next to
// this file (out/e2e/suite/**/*.test.js) and loaded here by mocha, which stays external (node_modules).
// When GL_E2E_RESULTS names a file, the results are also written there as JSON (see results type below),
// because code-server reports only an exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteTestResult {
  title: string; // full title: describe › it
  file: string;
  state: 'passed' | 'failed';
  error?: string;
  durationMs?: number;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  tests: SuiteTestResult[];
  loadError?: string;
}

function findTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? findTests(path.join(dir, d.name)) : d.name.endsWith('.test.js') ? [path.join(dir, d.name)] : []))
    .sort();
}

function writeResults(results: SuiteResults): void {
  const file = process.env.GL_E2E_RESULTS;
  if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  const grep = process.env.GL_E2E_GREP;
  if (grep) mocha.grep(grep);
  const results: SuiteResults = { passed: 0, failed: 0, tests: [] };
  try {
    for (const file of findTests(__dirname)) mocha.addFile(file);
  } catch (err) {
    results.loadError = String(err);
    writeResults(results);
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeResults(results);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => {
        results.passed++;
        results.tests.push({ title: test.fullTitle(), file: path.basename(test.file ?? ''), state: 'passed', durationMs: test.duration });
      });
      runner.on('fail', (test, err: Error) => {
        results.failed++;
        results.tests.push({
          title: test.fullTitle(),
          file: path.basename(test.file ?? ''),
          state: 'failed',
          error: (err && (err.stack || err.message)) || String(err),
        });
      });
    } catch (err) {
      results.loadError = err instanceof Error ? err.stack ?? err.message : String(err);
      writeResults(results);
      reject(err);
    }
  });
}
