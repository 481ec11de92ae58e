// The packaged extension in a real workbench: it loads, the workspace's specs are listed, and the palette
// offers the extension's commands once the extension has seen the specs.
import assert from 'node:assert/strict';
import { useWorkbench } from './driver.mjs';

describe('workbench', function () {
  let wb;
  useWorkbench((opened) => {
    wb = opened;
  });

  it('loads with the test workspace in the explorer', async () => {
    const items = await wb.explorerItems();
    assert.ok(items.some((label) => label.includes('e2e-small.nn.yaml')), `explorer rows: ${JSON.stringify(items)}`);
    await wb.screenshot('explorer');
  });

  it('offers "Gradient Lens: Train Network" in the command palette', async () => {
    const items = await wb.waitForPaletteItems('Gradient Lens', (rows) => rows.includes('Gradient Lens: Train Network'), {
      keepOpen: true,
    });
    assert.ok(items.includes('Gradient Lens: Check Gradients'), `palette rows: ${JSON.stringify(items)}`);
    await wb.screenshot('palette');
    await wb.closeQuickInput();
  });

  it('opens a spec in the editor through quick open', async () => {
    await wb.openFile('e2e-small.nn.yaml');
    const lines = await wb.editorText();
    assert.ok(lines.some((l) => l.includes('activation: sigmoid')), `editor lines: ${JSON.stringify(lines.slice(0, 8))}`);
    await wb.screenshot('spec-open');
  });
});
