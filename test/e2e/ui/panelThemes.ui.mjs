// The panel in the light and high-contrast themes: screenshots to look at (kept as artefacts), and the checks
// a reader needs: the page's text and the charts' bars take the theme's colours (read from the pixels).
import assert from 'node:assert/strict';
import { openWorkbench } from './driver.mjs';
import { trainInPanel } from './panelSteps.mjs';

const SPEC = 'deep-tanh-sweep.nn.yaml';
const DARK_THEME = ['Default Dark Modern', 'Dark Modern'];

/** Preferences: Color Theme → the first of `names` the picker offers (VS Code renamed some themes: 'Default
 *  Light Modern' is 'Light Modern' in later versions); resolves once it is chosen. */
async function setColorTheme(wb, ...names) {
  await wb.runCommand('Preferences: Color Theme');
  const input = wb.page.locator('.quick-input-widget input');
  for (const name of names) {
    await input.fill(name);
    // The best match comes first and is focused.
    const row = wb.page.locator('.quick-input-widget .monaco-list-row.focused .label-name', { hasText: new RegExp(`^${name}$`) });
    const shown = await row.first().waitFor({ timeout: 3000 }).then(() => true, () => false);
    if (!shown) continue;
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    return;
  }
  throw new Error(`none of the themes ${JSON.stringify(names)} is in the Color Theme picker`);
}

/** The theme in use: the Color Theme picker opens with its row focused. */
async function currentColorTheme(wb) {
  await wb.runCommand('Preferences: Color Theme');
  const row = wb.page.locator('.quick-input-widget .monaco-list-row.focused .label-name').first();
  await row.waitFor();
  const name = (await row.innerText()).trim();
  await wb.closeQuickInput();
  return name;
}

/** In the webview: the contrast ratio of the title and the status line against the page background. */
function contrasts() {
  const rgb = (color) => color.replace(/[^\d.,]/g, '').split(',').slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const bg = rgb(getComputedStyle(document.body).backgroundColor);
  const of = (selector) => ratio(rgb(getComputedStyle(document.querySelector(selector)).color), bg);
  return { title: of('h1'), status: of('.status'), note: of('.note'), legend: of('.card h2') };
}

describe('panel: light and high-contrast themes', function () {
  let wb;
  let frame;
  let original;
  before(async function () {
    wb = await openWorkbench(this);
    original = await currentColorTheme(wb);
  });
  after(async () => {
    // The theme is a user setting of the shared editor: put the one from before back for the other UI files.
    if (wb && original) await setColorTheme(wb, original).catch(() => undefined);
    await wb?.close();
  });

  for (const [themes, step, bodyClass] of [
    [['Default High Contrast', 'Dark High Contrast'], 'panel-high-contrast', 'vscode-high-contrast'],
    [['Default Light Modern', 'Light Modern'], 'panel-light', 'vscode-light'],
    [DARK_THEME, 'panel-dark', 'vscode-dark'],
  ]) {
    const theme = themes[0];
    it(`is readable in ${theme}`, async () => {
      frame ??= await trainInPanel(wb, SPEC);
      await setColorTheme(wb, ...themes);
      await frame.locator(`body.${bodyClass}`).waitFor();
      await frame.locator('#run-select').click();
      await frame.locator('vscode-option', { hasText: 'layers[0].init=5' }).click();
      await wb.page.waitForTimeout(500); // the charts redraw with the new palette (≤ 10 frames a second)
      assert.ok(await wb.canvasHasInk('#flow', frame));
      const ratios = await frame.locator('body').evaluate(contrasts);
      for (const [what, ratio] of Object.entries(ratios)) assert.ok(ratio >= 4.5, `${what}: contrast ${ratio.toFixed(2)} < 4.5 in ${theme}`);
      await wb.screenshot(step);
    });
  }
});
