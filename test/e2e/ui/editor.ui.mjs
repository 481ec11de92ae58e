// The editor features as a person sees them: the vanishing warning in the Problems panel, the hover on the
// layer, Train Network from the palette (progress, then the gradient panel), typing an edit and watching the
// findings follow it. A screenshot per step.
import assert from 'node:assert/strict';
import { poll, useWorkbench } from './driver.mjs';

describe('editor features (UI)', function () {
  let wb;
  useWorkbench((opened) => {
    wb = opened;
  });

  it('opening deep-tanh-w5 lists the vanishing gradient in the Problems panel', async () => {
    await wb.openFile('deep-tanh-w5.nn.yaml');
    const rows = await wb.waitForProblems((r) => r.some((x) => /Vanishing gradient in layers 1–\d+ of 100/.test(x)));
    const row = rows.find((x) => /Vanishing gradient/.test(x));
    assert.match(row, /Gradient Lens/);
    assert.match(row, /[Ll]ine 6/, `the warning sits on the layer line: ${row}`);
    await wb.screenshot('problems-vanishing');
  });

  it('hovering the layer shows its activation and figures', async () => {
    await wb.openFile('deep-tanh-w5.nn.yaml');
    const text = await wb.hoverAt('units'); // one token: the key of the layer entry's first line
    assert.match(text, /tanh/);
    assert.match(text, /Parameters: 100/);
    assert.match(text, /‖∂J\/∂W‖/);
    await wb.screenshot('hover-layer');
  });

  it('"Gradient Lens: Train Network" from the palette trains and opens the gradient panel', async () => {
    await wb.openFile('deep-tanh-w5.nn.yaml');
    await wb.runCommand('Gradient Lens: Train Network');
    await wb.screenshot('training');
    const frame = await wb.webviewFrame();
    await frame.locator('body').waitFor();
    const rows = await wb.waitForProblems((r) => r.some((x) => /[Ss]talled/.test(x)), 60_000);
    assert.ok(rows.some((x) => /Vanishing gradient/.test(x)));
    await wb.screenshot('trained-panel');
  });

  it('typing init: 1.0 over init: 5.0 clears the vanishing warning, and undoing brings it back (unsaved)', async () => {
    const vanishing = (rows) => rows.some((x) => /Vanishing gradient/.test(x));
    await wb.openFile('deep-tanh-w5.nn.yaml');
    await wb.waitForProblems(vanishing);
    await wb.goToLine(9);
    const lineText = async () => (await wb.editorText()).find((l) => /^\s*init:/.test(l)) ?? '';
    const showing = (re) => poll(async () => re.test(await lineText()), `the editor showing ${re}`);
    await showing(/init: 5\.0/);
    await wb.page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await wb.page.keyboard.press('Backspace');
    await wb.page.keyboard.type('1.0');
    await showing(/init: 1\.0/);
    await wb.waitForProblems((rows) => !vanishing(rows));
    await wb.screenshot('edited-init-1');
    // Undo until the line is back (typing may take one or two undo steps), then the warning returns.
    await poll(async () => {
      if (/init: 5\.0/.test(await lineText())) return true;
      await wb.page.keyboard.press('Control+Z');
      return false;
    }, 'undo back to init: 5.0');
    await wb.waitForProblems(vanishing);
    await wb.screenshot('undone-init-5');
  });
});
