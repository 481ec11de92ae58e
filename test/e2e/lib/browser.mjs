// Debian's Chromium, started by us (own process group, fresh profile) and driven by playwright-core over CDP.
// Starting it ourselves, rather than with chromium.launch(), keeps the process under the harness's cleanup.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { spawnChild, spawnGroup, stopGroup, withTimeout } from './procs.mjs';

export const chromiumPath = process.env.GL_E2E_CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--disable-crash-reporter', '--disable-breakpad', '--window-size=1600,1000',
  '--remote-debugging-port=0',
];

/**
 * `ownGroup: false` keeps Chromium in the caller's process group (the UI child: whoever stops that child's
 * group stops the browser too, even after a SIGKILL).
 * @returns {Promise<{browser: import('playwright-core').Browser, stop: () => Promise<void>}>}
 */
export async function launchBrowser({ ownGroup = true } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'gl-e2e-chromium-'));
  const args = [...ARGS, `--user-data-dir=${profile}`, 'about:blank'];
  const options = { stdio: ['ignore', 'ignore', 'pipe'] };
  const child = ownGroup ? spawnGroup('chromium', chromiumPath, args, options) : spawnChild(chromiumPath, args, options);
  const stop = async () => {
    await stopGroup(child);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const wsEndpoint = await withTimeout(
      new Promise((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (d) => {
          err += d;
          const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
          if (m) resolve(m[1]);
        });
        child.once('error', reject);
        child.once('exit', (code) => reject(new Error(`chromium exited ${code} before listening:\n${err.slice(-2000)}`)));
      }),
      30_000,
      'starting chromium',
    );
    child.stderr.resume();
    const browser = await chromium.connectOverCDP(wsEndpoint);
    return {
      browser,
      stop: async () => {
        await browser.close().catch(() => undefined);
        await stop();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A new context (fresh storage: no restored editors or layout) and page sized like a laptop screen. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Records the page's console. The workbench forwards the extension host's console with `%c` styles whose
 * arguments are not filled in, so each line is rebuilt from the message's arguments.
 */
export function recordConsole(page, sink) {
  page.on('console', async (msg) => {
    let text = msg.text();
    if (text.includes('%c') || text.includes('%s')) {
      try {
        const values = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '')));
        text = formatConsole(values);
      } catch { /* keep msg.text() */ }
    }
    sink(`[${msg.type()}] ${text}`);
  });
  page.on('pageerror', (err) => sink(`[pageerror] ${err.message}`));
}

// printf-like: %c consumes a style argument and prints nothing, %s/%d/%i/%f/%o/%O print the next argument.
function formatConsole(values) {
  if (typeof values[0] !== 'string') return values.map(String).join(' ');
  const rest = values.slice(1);
  const head = values[0].replace(/%[csdifoO%]/g, (spec) => {
    if (spec === '%%') return '%';
    const v = rest.shift();
    if (spec === '%c') return '';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
  return [head, ...rest.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))].join(' ');
}
