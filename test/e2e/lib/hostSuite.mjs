// Runs a bundled extension-host suite inside code-server, as @vscode/test-electron does with VS Code desktop:
// the workbench page gets `payload` = [extensionDevelopmentPath, extensionTestsPath] and calls the exposed
// `codeAutomationExit(code)` when the suite's run() settles (0 pass, 1 fail or load error). The suite also
// writes a JSON results file whose path reaches the extension host through the GL_E2E_RESULTS variable.
// On 1.139 the payload is ignored unless code-server runs with `--vscode-option enable-smoke-test-driver`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage, recordConsole } from './browser.mjs';
import { makeEditorHome, removeEditorHome, startCodeServer } from './codeServer.mjs';
import { withTimeout } from './procs.mjs';
import { makeWorkspace, removeWorkspace } from './workspace.mjs';

/**
 * @param editor from ensureEditor()
 * @param opts.extensionPath folder with the extension's package.json (repository root for the real suite)
 * @param opts.suiteIndex the bundled suite entry (out/e2e/suite/index.js)
 * @param opts.artifacts folder for logs/screenshots of this run; opts.name prefixes their file names
 * @returns {Promise<{exitCode: number|undefined, results: object|undefined, figures: Record<string, string>, error: string|undefined, seconds: number}>}
 */
export async function runHostSuite(editor, { extensionPath, suiteIndex, artifacts, name, timeoutMs = 180_000, env = {} }) {
  const t0 = Date.now();
  const home = makeEditorHome();
  const workspace = makeWorkspace(name);
  const resultsFile = join(home.root, 'results.json');
  const consoleLines = [];
  let server;
  let browser;
  let page;
  let error;
  let exitCode;
  try {
    server = await startCodeServer(editor, home, {
      logFile: join(artifacts, `${name}-code-server.log`),
      env: { GL_E2E_RESULTS: resultsFile, GL_E2E_WORKSPACE: workspace, ...env },
      extraArgs: editor.hostSuiteArgs,
    });
    browser = await launchBrowser();
    ({ page } = await newPage(browser.browser));
    recordConsole(page, (line) => consoleLines.push(line));
    const exited = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(suiteIndex)],
    ]);
    await page.goto(server.url(workspace, `&payload=${encodeURIComponent(payload)}`));
    exitCode = await withTimeout(exited, timeoutMs, `extension-host suite (${name})`);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
  if (results) writeFileSync(join(artifacts, `${name}-results.json`), JSON.stringify(results, null, 2));
  // Figures measuring tests wrote next to the results file (*figures*.txt): kept as artefacts, printed by the runner.
  const figures = {};
  for (const file of readdirSync(home.root).filter((f) => /figures.*\.txt$/.test(f))) {
    figures[file] = readFileSync(join(home.root, file), 'utf8');
    writeFileSync(join(artifacts, `${name}-${file}`), figures[file]);
  }
  if (page && (error || exitCode !== 0)) {
    await page.screenshot({ path: join(artifacts, `${name}-failure.png`) }).catch(() => undefined);
  }
  writeFileSync(join(artifacts, `${name}-console.log`), consoleLines.join('\n') + '\n');
  await browser?.stop();
  await server?.stop();
  removeEditorHome(home);
  removeWorkspace(workspace);
  return { exitCode, results, figures, error, seconds: (Date.now() - t0) / 1000 };
}
