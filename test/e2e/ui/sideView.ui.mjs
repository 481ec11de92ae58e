// The side-bar view as a person uses it: open it from the activity bar, read the active spec's verdict and its
// compact gradient-flow chart, switch specs and watch it follow, then open the full panel from its button.
import assert from 'node:assert/strict';
import { poll, useWorkbench } from './driver.mjs';

describe('side view: the verdict beside the editor', function () {
  let wb;
  useWorkbench((opened) => {
    wb = opened;
  });

  it('shows the active spec’s verdict and chart, follows a switch of spec, and opens the panel', async () => {
    await wb.openFile('deep-tanh-w5.nn.yaml');
    await wb.waitForProblems((rows) => rows.some((x) => /Vanishing gradient/.test(x)));
    await wb.page.locator('.part.activitybar [aria-label^="Gradient Lens"]').first().click();
    const side = await wb.webviewFrame({ part: 'sidebar' });
    const text = (selector) => side.locator(selector).first().innerText();
    await poll(async () => (await text('h1')) === 'deep tanh, weights 5.0', 'the side view titled after deep-tanh-w5');
    await poll(async () => /vanishing gradient/.test(await text('.verdict')), 'a vanishing verdict for w = 5');
    assert.match(await text('.verdict'), /warning/);
    assert.ok(await poll(() => wb.canvasHasInk('#side-flow', side), 'the compact gradient-flow chart drawn'));
    await wb.screenshot('side-view-w5');

    await wb.openFile('deep-tanh-w1.nn.yaml');
    await poll(async () => (await text('h1')) === 'deep tanh, weights 1.0', 'the side view following deep-tanh-w1');
    await poll(async () => /^Healthy/.test(await text('.verdict')), 'a healthy verdict for w = 1');
    await wb.screenshot('side-view-w1');

    await side.locator('#open-panel').click();
    const panel = await wb.webviewFrame({ part: 'editor' });
    await poll(async () => (await panel.locator('h1').first().innerText().catch(() => '')) === 'deep tanh, weights 1.0', 'the panel opened on deep-tanh-w1');
    await wb.screenshot('side-view-opened-panel');
  });
});
