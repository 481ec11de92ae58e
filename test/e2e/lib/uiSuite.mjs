// UI layer for one editor version: install the packaged .vsix into a fresh code-server, open the test workspace,
// and run the *.ui.mjs files in a child Node process (own process group, stopped on timeout with its Chromium).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installVsix, makeEditorHome, removeEditorHome, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './install.mjs';
import { spawnGroup, stopGroup, withTimeout } from './procs.mjs';
import { makeWorkspace, removeWorkspace } from './workspace.mjs';

/** @returns {Promise<{exitCode: number|undefined, results: object|undefined, error: string|undefined, seconds: number}>} */
export async function runUiSuite(editor, { vsix, artifacts, timeoutMs = 15 * 60_000, print = (s) => process.stdout.write(s) }) {
  const t0 = Date.now();
  const home = makeEditorHome();
  const workspace = makeWorkspace('ui');
  const resultsFile = join(home.root, 'ui-results.json');
  let server;
  let child;
  let error;
  let exitCode;
  try {
    await installVsix(editor, home, vsix);
    server = await startCodeServer(editor, home, { logFile: join(artifacts, 'ui-code-server.log'), folder: workspace });
    child = spawnGroup(`ui tests ${editor.version}`, process.execPath, [join(repoRoot, 'test/e2e/lib/uiChild.mjs')], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GL_E2E_URL: server.url(workspace),
        GL_E2E_VERSION: editor.version,
        GL_E2E_WORKSPACE: workspace,
        GL_E2E_ARTIFACTS: artifacts,
        GL_E2E_RESULTS: resultsFile,
      },
    });
    const prefix = `    [ui ${editor.version}] `;
    const relay = (d) => print(String(d).split('\n').filter((l) => l.trim()).map((l) => prefix + l + '\n').join(''));
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    const { code } = await withTimeout(child.exited, timeoutMs, `UI suite on ${editor.version}`);
    exitCode = code ?? undefined;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  await stopGroup(child);
  await server?.stop();
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
  removeEditorHome(home);
  removeWorkspace(workspace);
  return { exitCode, results, error, seconds: (Date.now() - t0) / 1000 };
}
