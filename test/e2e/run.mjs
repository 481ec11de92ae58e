// `npm run test:e2e`: the extension in a real VS Code (code-server from npm + Debian's Chromium), on every
// version in lib/install.mjs (or GL_E2E_VERSIONS=1.100.3): per version, the extension-host suite, the harness
// self-test (first version only) and the UI suite on the packaged .vsix. Ends with `N passed, N failed` and
// exits 1 on any failure. GL_E2E_LAYERS=host,self,ui picks layers; GL_E2E_VSIX=path uses a prebuilt .vsix.
// Logs and screenshots: test/e2e/artifacts/<version>/ (see docs/TESTING.md).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageVsix } from '../../scripts/package.mjs';
import { buildSuite } from './lib/buildSuite.mjs';
import { runHostSuite } from './lib/hostSuite.mjs';
import { ensureEditor, repoRoot, selectedEditors } from './lib/install.mjs';
import { installCleanupHandlers, withTimeout } from './lib/procs.mjs';
import { runUiSuite } from './lib/uiSuite.mjs';
import { ensureSystemPackages } from './lib/systemDeps.mjs';

installCleanupHandlers();
const t0 = Date.now();
const layers = new Set((process.env.GL_E2E_LAYERS || 'host,self,ui').split(',').map((s) => s.trim()));
const tally = []; // { version, layer, title, state, error }
const timings = [];
const say = (line = '') => process.stdout.write(`${line}\n`);
const short = (text) => String(text ?? '').split('\n').slice(0, 6).join('\n        ');

function record(version, layer, title, state, error) {
  tally.push({ version, layer, title, state, error });
  say(`  ${state === 'passed' ? '✓' : '✗'} [${layer} ${version}] ${title}${state === 'passed' ? '' : `\n        ${short(error)}`}`);
}

/** Every test of a suite run; a run that ended without a verdict for everything counts as one failure. */
function recordRun(version, layer, run) {
  for (const t of run.results?.tests ?? []) record(version, layer, t.title, t.state, t.error);
  for (const [file, text] of Object.entries(run.figures ?? {})) {
    say(`  figures (${file}):\n${text.trimEnd().split('\n').map((line) => `        │ ${line}`).join('\n')}`);
  }
  const failedTests = run.results?.failed ?? 0;
  if (run.error || !run.results || run.results.loadError || (run.exitCode !== 0 && failedTests === 0)) {
    const why = run.error ?? run.results?.loadError ?? (run.results ? `exit code ${run.exitCode}` : 'no results were written');
    record(version, layer, `${layer} suite completes`, 'failed', why);
  }
}

function selfTestVerdict(run) {
  const failed = run.results?.tests.filter((t) => t.state === 'failed') ?? [];
  if (run.exitCode !== 1) return `expected exit code 1 from the broken fixture, got ${run.exitCode} (${run.error ?? 'no error'})`;
  if (run.results?.passed !== 1 || failed.length !== 1) return `expected 1 passed and 1 failed, got ${JSON.stringify(run.results)}`;
  if (!/throws/.test(failed[0].title) || !/broken on purpose/.test(failed[0].error ?? '')) return `wrong failure reported: ${failed[0].title}: ${failed[0].error}`;
  return undefined;
}

const editors = selectedEditors();
ensureSystemPackages(layers.has('ui') ? ['libkrb5-dev', 'chromium'] : ['libkrb5-dev']);
say(`e2e: VS Code ${editors.map((e) => e.version).join(', ')}; layers: ${[...layers].join(', ')}`);

// Bundles go to a folder of this run (out/e2e/run-<pid>/), so two runs in one checkout do not clobber each other.
const runDir = join(repoRoot, 'out/e2e', `run-${process.pid}`);
process.on('exit', () => rmSync(runDir, { recursive: true, force: true }));
const suite = await buildSuite(join(repoRoot, 'test/e2e/suite'), join(runDir, 'suite'));
const selfSuite = layers.has('self') ? await buildSuite(join(repoRoot, 'test/fixtures/e2e/selftest'), join(runDir, 'selftest')) : undefined;

let vsix;
if (layers.has('ui')) {
  try {
    const tp = Date.now();
    vsix = process.env.GL_E2E_VSIX || packageVsix({ quiet: true, out: join(runDir, 'gradient-lens.vsix') });
    // Packaging left production bundles in dist/; the extension-host suite runs the development build (source
    // maps in stack traces), and dist/ is left as `npm run build` made it.
    if (!process.env.GL_E2E_VSIX) execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { cwd: repoRoot, stdio: 'ignore' });
    timings.push(`package: ${relative(repoRoot, vsix)} ${(statSync(vsix).size / 1024).toFixed(1)} KiB in ${((Date.now() - tp) / 1000).toFixed(1)} s`);
  } catch (err) {
    record('-', 'ui', 'the extension packages into a .vsix', 'failed', err instanceof Error ? err.message : String(err));
  }
}

for (const [i, wanted] of editors.entries()) {
  const { version } = wanted;
  const artifacts = join(repoRoot, 'test/e2e/artifacts', version);
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  say(`\n── VS Code ${version} (code-server ${wanted.codeServer}) ──`);
  let editor;
  try {
    editor = await withTimeout(ensureEditor(wanted), 20 * 60_000, `installing code-server ${wanted.codeServer}`);
    timings.push(`${version}: install ${editor.installedNow ? `${editor.seconds.toFixed(1)} s (cold)` : 'cached'}`);
  } catch (err) {
    record(version, 'install', `code-server ${wanted.codeServer} installs`, 'failed', err instanceof Error ? err.message : String(err));
    continue;
  }
  if (layers.has('host')) {
    const run = await runHostSuite(editor, { extensionPath: repoRoot, suiteIndex: suite.index, artifacts, name: 'host' });
    recordRun(version, 'host', run);
    timings.push(`${version}: extension-host suite ${run.seconds.toFixed(1)} s`);
  }
  if (selfSuite && i === 0) {
    const run = await runHostSuite(editor, {
      extensionPath: join(repoRoot, 'test/fixtures/e2e/broken-extension'),
      suiteIndex: selfSuite.index,
      artifacts,
      name: 'selftest',
      timeoutMs: 90_000,
    });
    const problem = selfTestVerdict(run);
    record(version, 'self', 'a command that throws in the fixture extension fails the suite (exit 1, failure reported)', problem ? 'failed' : 'passed', problem);
    timings.push(`${version}: harness self-test ${run.seconds.toFixed(1)} s`);
  }
  if (vsix) {
    const run = await runUiSuite(editor, { vsix, artifacts });
    recordRun(version, 'ui', run);
    timings.push(`${version}: UI suite ${run.seconds.toFixed(1)} s`);
  }
}

const passed = tally.filter((t) => t.state === 'passed').length;
const failed = tally.length - passed;
say('\ne2e summary');
for (const line of timings) say(`  ${line}`);
say(`  total ${((Date.now() - t0) / 1000).toFixed(1)} s; artefacts: ${relative(repoRoot, join(repoRoot, 'test/e2e/artifacts'))}/<version>/`);
for (const t of tally.filter((x) => x.state === 'failed')) say(`  FAILED [${t.layer} ${t.version}] ${t.title}`);
say(`${passed} passed, ${failed} failed`);
process.exit(failed || tally.length === 0 ? 1 : 0);
