// `node scripts/bench-panel.mjs [--json]`: the gradient panel's figures for the large case (1,000 layers ×
// 10,000 iterations). Host: real training, then the time to build the panel's state and a live progress
// message, and their sizes. Browser: the production panel bundle in Debian's Chromium (playwright-core),
// fed that state as the host would: time to the first complete drawing of each tab and the longest task on
// the main thread (how long the panel is frozen at worst). Prints figures, asserts nothing.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../test/e2e/lib/browser.mjs';
import { noDynamicCode } from '../webview/build/esbuildPlugins.mjs';

const json = process.argv.includes('--json');
const dir = mkdtempSync(path.join(tmpdir(), 'gl-bench-panel-'));
let browser;
try {
  // Host half.
  await esbuild.build({
    entryPoints: ['scripts/bench-panel/main.ts'],
    outfile: path.join(dir, 'host.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  const statePath = path.join(dir, 'state.json');
  const host = spawnSync(process.execPath, [path.join(dir, 'host.js'), statePath], { encoding: 'utf8' });
  if (host.status !== 0) throw new Error(`host half failed:\n${host.stderr}`);
  const figures = { host: JSON.parse(host.stdout.trim().split('\n').pop()) };

  // Browser half: the production bundle (minified, as shipped) in a page with a stand-in for VS Code's API.
  const browserBuild = (entry) =>
    esbuild.build({
      entryPoints: [entry],
      write: false,
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      legalComments: 'none',
      plugins: [noDynamicCode],
    });
  const bundle = await browserBuild('webview/panel/main.ts');
  const side = await browserBuild('webview/sideView/main.ts');
  figures.bundleKB = {
    panel: Math.round(bundle.outputFiles[0].contents.length / 1024),
    sideView: Math.round(side.outputFiles[0].contents.length / 1024),
  };
  writeFileSync(path.join(dir, 'panel.js'), bundle.outputFiles[0].contents);
  const css = ['media/common.css', 'media/panel.css'].map((f) => `<link rel="stylesheet" href="${pathToFileURL(path.resolve(f))}">`).join('\n');
  writeFileSync(
    path.join(dir, 'bench.html'),
    `<!DOCTYPE html><html><head><meta charset="UTF-8">${css}</head>
<body class="vscode-dark"><main id="root"></main>
<script>
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return undefined; }, setState(s) { return s; } });
</script>
<script src="panel.js"></script></body></html>`,
  );
  browser = await launchBrowser();
  const context = await browser.browser.newContext({ viewport: { width: 900, height: 1000 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(dir, 'bench.html')).href);
  const stateJson = readFileSync(statePath, 'utf8');
  // Deliver the state as the host does, then wait for the overview's charts to be laid out and painted.
  const overview = await page.evaluate(async (text) => {
    window.__longTasks.length = 0;
    const t0 = performance.now();
    window.postMessage(JSON.parse(text), '*');
    const drawn = () => document.querySelector('#flow')?.dataset.chartArea && document.querySelector('#loss')?.dataset.chartArea;
    while (!drawn()) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { ms: performance.now() - t0, longestTaskMs: Math.max(0, ...window.__longTasks) };
  }, stateJson);
  figures.browser = { overview: roundAll(overview) };
  for (const [tab, selector] of [
    ['delta', '#delta'],
    ['activations', '#saturation'],
    ['time', '#heatmap'],
    ['tables', 'table.data'],
  ]) {
    figures.browser[tab] = roundAll(
      await page.evaluate(
        async ({ tab, selector }) => {
          window.__longTasks.length = 0;
          const t0 = performance.now();
          document.getElementById(`tab-${tab}`).click();
          const ready = () => {
            const el = document.querySelector(selector);
            return el && (el.tagName !== 'CANVAS' || el.dataset.chartArea);
          };
          while (!ready()) await new Promise((r) => requestAnimationFrame(r));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          await new Promise((r) => setTimeout(r, 50)); // let the long-task observer report
          return { ms: performance.now() - t0, longestTaskMs: Math.max(0, ...window.__longTasks) };
        },
        { tab, selector },
      ),
    );
  }
  // Live training: ten progress messages carrying the run, as fast as the host may send them (10/s).
  figures.browser.liveUpdates = roundAll(
    await page.evaluate(async (text) => {
      document.getElementById('tab-overview').click();
      const message = JSON.parse(text);
      const run = message.state.runs[0];
      window.__longTasks.length = 0;
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) {
        window.postMessage({ type: 'progress', progress: { run: 0, runs: 1, iteration: i, iterations: 10, loss: 0.1 }, run }, '*');
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 200));
      return { ms: performance.now() - t0, longestTaskMs: Math.max(0, ...window.__longTasks) };
    }, stateJson),
  );
  if (json) console.log(JSON.stringify(figures, null, 2));
  else {
    const h = figures.host;
    console.log(`bench-panel: ${h.case}`);
    console.log(`  host: engine training ${h.engineTrainMs} ms; panel state ${h.buildStateMs} ms, JSON ${h.stateJsonMs} ms, ${h.stateMessageKB} KB`);
    console.log(`        (${h.lossPoints} loss points, heatmap ${h.heatmap}); live progress message ${h.progressMessageMs} ms, ${h.progressMessageKB} KB`);
    console.log(`  bundles (minified): panel ${figures.bundleKB.panel} KB, side view ${figures.bundleKB.sideView} KB`);
    for (const [name, f] of Object.entries(figures.browser)) {
      const longest = f.longestTaskMs > 0 ? `${f.longestTaskMs} ms` : 'none ≥ 50 ms';
      console.log(`  browser ${name.padEnd(12)} ${String(f.ms).padStart(6)} ms to drawn, longest main-thread task ${longest}`);
    }
  }
} finally {
  await browser?.stop();
  rmSync(dir, { recursive: true, force: true });
}

function roundAll(o) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
}
