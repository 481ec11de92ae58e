// Drives the real workbench (code-server in Chromium) the way a person does: quick open, the command palette,
// the Problems panel, hovers, webviews. Used by the UI tests (test/e2e/ui/*.ui.mjs, see docs/TESTING.md), which
// the e2e runner starts in a child Node process with the editor already running; that process's environment:
//   GL_E2E_URL        workbench URL with the test workspace folder open
//   GL_E2E_VERSION    VS Code version under test     GL_E2E_WORKSPACE  host path of the workspace folder
//   GL_E2E_ARTIFACTS  folder for screenshots and the browser console of this version
import { appendFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launchBrowser, newPage, recordConsole } from '../lib/browser.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: UI tests run through test/e2e/run.mjs (npm run test:e2e)`);
  return value;
};

const DEFAULT_TIMEOUT_MS = 20_000;
const QUICK_INPUT = '.quick-input-widget';
const QUICK_ROWS = '.quick-input-widget .monaco-list-row';
const EDITOR_LINES = '.editor-instance .monaco-editor .view-lines';

let shared; // one browser per process; a fresh context per workbench
let shots = 0; // numbers screenshots in the order they were taken, over the whole run of one version
const open = new Set();

async function browser() {
  shared ??= await launchBrowser({ ownGroup: false });
  return shared.browser;
}

/** Closes every workbench and the browser (the UI child calls it once after the last test). */
export async function shutdown() {
  for (const wb of [...open]) await wb.close();
  await shared?.stop();
  shared = undefined;
}

/** Screenshots of every open workbench (the UI child takes them when a test fails). */
export async function screenshotAll(step) {
  for (const wb of open) await wb.screenshot(step).catch(() => undefined);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined/false; throws with `what` after the timeout. */
export async function poll(probe, what, timeoutMs = DEFAULT_TIMEOUT_MS, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    await sleep(everyMs);
  }
}

/**
 * A fresh workbench page (new browser context: no restored editors, default layout) on the test workspace,
 * ready when the explorer lists the workspace's files. Pass mocha's `this` to name screenshots after the file.
 */
export async function openWorkbench(mochaContext) {
  const file = mochaContext?.test?.file ? basename(mochaContext.test.file).replace(/\.ui\.mjs$/, '') : 'ui';
  const { context, page } = await newPage(await browser());
  const wb = new Workbench(context, page, file);
  open.add(wb);
  const consoleLog = join(wb.artifacts, 'ui-console.log');
  recordConsole(page, (line) => appendFileSync(consoleLog, `[${file}] ${line}\n`));
  await page.goto(env('GL_E2E_URL'));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return wb;
}

/**
 * The usual suite setup: a fresh workbench (browser context) before the suite's tests, handed to `use`, and
 * closed after them. Call it inside `describe`, next to a `let wb;` the tests read.
 */
export function useWorkbench(use) {
  let wb;
  before(async function () {
    wb = await openWorkbench(this);
    use(wb);
  });
  after(async () => {
    await wb?.close();
  });
}

export class Workbench {
  constructor(context, page, file) {
    this.context = context;
    /** @type {import('playwright-core').Page} */
    this.page = page;
    this.file = file;
    this.version = env('GL_E2E_VERSION');
    this.workspaceDir = env('GL_E2E_WORKSPACE');
    this.artifacts = env('GL_E2E_ARTIFACTS');
    mkdirSync(this.artifacts, { recursive: true });
  }

  /** Saves artifacts/<version>/<NN>-<file>-<step>.png and returns its path. */
  async screenshot(step) {
    shots += 1;
    const safe = String(step).replace(/[^\w.-]+/g, '-');
    const path = join(this.artifacts, `${String(shots).padStart(2, '0')}-${this.file}-${safe}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Labels of the explorer rows currently shown (file and folder names). */
  async explorerItems() {
    return this.page.locator('.explorer-folders-view .monaco-list-row').evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''),
    );
  }

  async closeQuickInput() {
    const widget = this.page.locator(QUICK_INPUT);
    if (await widget.isVisible()) await this.page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  }

  /** Opens the quick input with `key` (F1, Control+P), types `text`, returns the rows' labels. */
  async quickInput(key, text) {
    await this.closeQuickInput();
    await this.page.keyboard.press(key);
    const input = this.page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible' });
    await input.pressSequentially(text, { delay: 5 });
    await sleep(300); // the list filters as you type
    return this.page.locator(QUICK_ROWS).evaluateAll((rows) =>
      rows.map((r) => (r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? '').trim()),
    );
  }

  /** F1 with `text` typed: the labels of the commands shown (the palette is closed again unless `keepOpen`). */
  async paletteItems(text, { keepOpen = false } = {}) {
    const items = await this.quickInput('F1', text);
    if (!keepOpen) await this.closeQuickInput();
    return items;
  }

  /** Polls paletteItems(text) until `predicate(labels)` holds (commands appear once the extension set its context). */
  async waitForPaletteItems(text, predicate, { keepOpen = false, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    let items = [];
    const found = await poll(async () => {
      items = await this.quickInput('F1', text);
      if (predicate(items)) return items;
      await this.closeQuickInput();
      return false;
    }, `palette rows for "${text}" matching ${predicate.toString().slice(0, 100)} (last: ${JSON.stringify(items)})`, timeoutMs, 500);
    if (!keepOpen) await this.closeQuickInput();
    return found;
  }

  /**
   * Runs a command through F1 by its full title ('Gradient Lens: Train Network'). Commands behind a `when`
   * context appear only once the extension set it, so this retries until the row is there.
   */
  async runCommand(title, timeoutMs = DEFAULT_TIMEOUT_MS) {
    let seen = [];
    await poll(async () => {
      seen = await this.quickInput('F1', title);
      const index = seen.findIndex((label) => label === title);
      if (index < 0) {
        await this.closeQuickInput();
        return false;
      }
      await this.page.locator(QUICK_ROWS).nth(index).click();
      return true;
    }, `command "${title}" in the palette (last rows: ${JSON.stringify(seen)})`, timeoutMs, 500);
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  }

  /** Quick open (Ctrl+P) by file name; resolves once its editor tab is active. */
  async openFile(name) {
    await poll(async () => {
      const rows = await this.quickInput('Control+P', name);
      if (!rows.some((r) => r === name)) return false;
      await this.page.keyboard.press('Enter');
      return true;
    }, `"${name}" in quick open`);
    await this.page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).first().waitFor();
    await this.page.locator(EDITOR_LINES).first().waitFor();
  }

  /** The visible lines of the active editor, top to bottom. */
  async editorText() {
    return this.page.locator(`${EDITOR_LINES} .view-line`).evaluateAll((lines) =>
      lines
        .map((l) => ({ top: parseFloat(l.style.top || '0'), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
  }

  /** Ctrl+G to a 1-based line; the cursor lands at its start. */
  async goToLine(line) {
    await this.closeQuickInput();
    await this.page.keyboard.press('Control+G');
    // Go to Line opens quick input with a ':' prefix; fill() would replace it and turn this into a file search.
    await this.page.locator(`${QUICK_INPUT} input`).fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns its rows' aria-labels (files and markers). */
  async problems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible' });
    }
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''),
    );
  }

  /** Polls problems() until `predicate(rows)` holds; returns the rows. */
  async waitForProblems(predicate, timeoutMs = DEFAULT_TIMEOUT_MS) {
    let rows = [];
    return poll(async () => {
      rows = await this.problems();
      return predicate(rows) ? rows : false;
    }, `problems matching ${predicate.toString().slice(0, 100)} (last: ${JSON.stringify(rows).slice(0, 300)})`, timeoutMs);
  }

  /** Moves the mouse over the first visible occurrence of `text` in the active editor; returns the hover's text. */
  async hoverAt(text, timeoutMs = DEFAULT_TIMEOUT_MS) {
    const point = await this.page.locator(EDITOR_LINES).first().evaluate((root, needle) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + Math.max(1, Math.min(needle.length, 3)));
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return undefined;
    }, text);
    if (!point) throw new Error(`"${text}" is not visible in the active editor (a token split across spans is not found)`);
    const hover = this.page.locator('.monaco-hover:not(.hidden)').last();
    return poll(async () => {
      await this.page.mouse.move(point.x + 40, point.y + 200); // away, then back: re-triggers the hover
      await this.page.mouse.move(point.x, point.y, { steps: 3 });
      await hover.waitFor({ state: 'visible', timeout: 3000 });
      const content = (await hover.innerText()).trim();
      return content || false;
    }, `a hover over "${text}"`, timeoutMs, 500);
  }

  /**
   * The inner frame of the webview shown in a part of the workbench: 'editor' (the gradient panel, default),
   * 'sidebar' (the Gradients side view) or 'panel' (the bottom panel). Webviews float in overlay divs above
   * the workbench, so the part is found by position: the outer `iframe.webview.ready` whose centre lies in
   * the part; its document holds `#active-frame`, the extension's page.
   * @returns {Promise<import('playwright-core').FrameLocator>}
   */
  async webviewFrame({ part = 'editor', timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const partSelector = { editor: '.part.editor', sidebar: '.part.sidebar', panel: '.part.panel' }[part];
    if (!partSelector) throw new Error(`webviewFrame: unknown part ${part}`);
    const index = await poll(
      () =>
        this.page.evaluate((sel) => {
          const area = document.querySelector(sel)?.getBoundingClientRect();
          if (!area) return false;
          const frames = [...document.querySelectorAll('iframe.webview.ready')];
          const at = frames.findIndex((f) => {
            const b = f.getBoundingClientRect();
            const x = b.left + b.width / 2;
            const y = b.top + b.height / 2;
            return b.width > 0 && b.height > 0 && x >= area.left && x <= area.right && y >= area.top && y <= area.bottom;
          });
          return at < 0 ? false : at;
        }, partSelector),
      `a webview in the ${part} part`,
      timeoutMs,
    );
    const inner = this.page.locator('iframe.webview.ready').nth(index).contentFrame().locator('#active-frame');
    await inner.waitFor({ state: 'attached', timeout: timeoutMs });
    return inner.contentFrame();
  }

  /**
   * True when the canvas shows something: a pixel that is not transparent and differs from its top-left pixel
   * (the background). `frame` is a FrameLocator (webviewFrame()) or the page.
   */
  async canvasHasInk(selector, frame = this.page) {
    const canvas = frame.locator(selector).first();
    await canvas.waitFor({ state: 'attached' });
    return canvas.evaluate((el) => {
      const { width, height } = el;
      if (!width || !height) return false;
      const data = el.getContext('2d')?.getImageData(0, 0, width, height).data;
      if (!data) return false;
      for (let i = 4; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) return true;
      }
      return false;
    });
  }

  async close() {
    open.delete(this);
    await this.context.close().catch(() => undefined);
  }
}
