// The panel's second pass in a real editor: it survives a window reload (serializer + saved state) showing the
// same runs, and it works from the keyboard (Tab through the controls, arrows between tabs, Enter on the
// flow chart's table toggle).
import assert from 'node:assert/strict';
import { poll, useWorkbench } from './driver.mjs';
import { trainInPanel } from './panelSteps.mjs';

const SPEC = 'deep-tanh-sweep.nn.yaml';
const LABELS = ['layers[0].init=1', 'layers[0].init=5', 'layers[0].init=0.9'];


/** The run selector's option labels. */
function runOptions(frame) {
  return frame.locator('#run-select vscode-option').allInnerTexts();
}

/** What has the focus inside the webview: its id, else tag and text. */
function focused(frame) {
  return frame.locator(':root').evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    return a.id || `${a.tagName.toLowerCase()}:${(a.textContent ?? '').trim().slice(0, 20)}`;
  });
}

/** Presses Tab until `id` has the focus; returns every stop on the way. */
async function tabTo(wb, frame, id, max = 40) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await wb.page.keyboard.press('Tab');
    const now = await focused(frame);
    stops.push(now);
    if (now === id) return stops;
  }
  throw new Error(`Tab never reached #${id}; stops: ${JSON.stringify(stops)}`);
}

describe('panel: reload and keyboard', function () {
  let wb;
  let frame;
  useWorkbench((opened) => {
    wb = opened;
  });

  it('survives a window reload showing the same runs', async () => {
    frame = await trainInPanel(wb, SPEC);
    assert.deepEqual(await runOptions(frame), LABELS);
    assert.ok(await wb.canvasHasInk('#loss', frame));
    await wb.screenshot('before-reload');

    // Developer: Reload Window, as a person reloads it: the workbench saves its state (the open panel, whose
    // webview state the panel keeps) through its shutdown, which a bare page.reload() may cut short in the browser.
    const loaded = wb.page.waitForEvent('load', { timeout: 60_000 });
    await wb.runCommand('Developer: Reload Window');
    await loaded;
    await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    frame = await wb.webviewFrame({ timeoutMs: 60_000 });
    await frame.locator('#loss[data-chart-area]').waitFor({ timeout: 30_000 });
    await poll(() => wb.canvasHasInk('#loss', frame), 'the loss chart drawn again after the reload', 30_000);
    assert.ok(await wb.canvasHasInk('#flow', frame), 'the flow chart drawn again');
    assert.deepEqual(await runOptions(frame), LABELS, 'the same runs in the selector');
    // Still the trained runs (three loss curves), not the initial-weights analysis the new host computes.
    assert.equal(await frame.locator('.status').innerText(), 'Trained');
    assert.match(await frame.locator('#root > p.message').innerText(), /reloaded/);
    await wb.screenshot('after-reload');
  });

  it('is reachable by Tab: run selector, buttons, tabs (arrows switch), the flow chart’s table (Enter)', async () => {
    await frame.locator('h1').click(); // focus inside the webview, at its top
    const stops = await tabTo(wb, frame, 'flow-table-toggle');
    for (const stop of ['run-select', 'vscode-button:Train', 'vscode-button:CSV', 'vscode-button:JSON', 'tab-overview']) {
      assert.ok(stops.includes(stop), `${stop} is a Tab stop: ${JSON.stringify(stops)}`);
    }
    await wb.page.keyboard.press('Enter');
    const table = frame.locator('#flow-table table');
    await table.waitFor({ state: 'visible' });
    assert.equal(await frame.locator('#flow-table-toggle').getAttribute('aria-pressed'), 'true');
    assert.equal(await frame.locator('#flow').isVisible(), false, 'the table replaces the chart');
    await poll(async () => (await table.locator('tbody tr').count()) === 100, 'one row per layer', 30_000);
    // The layer buttons in the table are the next Tab stops; Enter on one reveals the layer's line.
    const next = await tabTo(wb, frame, 'button:1', 3);
    assert.equal(next.at(-1), 'button:1');
    await wb.screenshot('flow-table');

    // Back to the tab row (Shift+Tab), then the arrow keys switch the view.
    for (let i = 0; i < 20 && (await focused(frame)) !== 'tab-overview'; i++) await wb.page.keyboard.press('Shift+Tab');
    assert.equal(await focused(frame), 'tab-overview');
    await wb.page.keyboard.press('ArrowRight');
    await frame.locator('#view-delta').waitFor({ state: 'visible' });
    assert.equal(await focused(frame), 'tab-delta');
    await poll(() => wb.canvasHasInk('#delta', frame), 'the δ chart drawn on its tab', 30_000);
    await wb.page.keyboard.press('End');
    await frame.locator('#view-tables').waitFor({ state: 'visible' });
    await wb.screenshot('keyboard-tables-tab');
    await wb.page.keyboard.press('Home');
    await frame.locator('#view-overview').waitFor({ state: 'visible' });
    // Enter on the toggle again brings the chart back.
    await tabTo(wb, frame, 'flow-table-toggle');
    await wb.page.keyboard.press('Enter');
    await frame.locator('#flow').waitFor({ state: 'visible' });
    assert.equal(await frame.locator('#flow-table-toggle').getAttribute('aria-pressed'), 'false');
  });
});
