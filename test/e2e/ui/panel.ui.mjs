// The gradient panel as a person sees it: Train Network on the seed 002 sweep, then read the charts' pixels
// inside the webview to prove they drew what the issue asks for (three loss curves, bars on a log axis from
// ~1e-303 to ~1e-1 with the vanishing band), take a screenshot, and click a flagged bar to reveal its line.
import assert from 'node:assert/strict';
import { useWorkbench } from './driver.mjs';
import { trainInPanel } from './panelSteps.mjs';

const SPEC = 'deep-tanh-sweep.nn.yaml';
const LAYER_LINE = 8; // 1-based line of `- units: 1` (the one `layers:` entry, repeat: 100)

/** Runs in the webview: facts about a chart canvas and its pixels, in CSS pixels relative to the canvas. */
function probeCanvas(canvas, request) {
  const ratio = canvas.width / canvas.clientWidth;
  const ctx = canvas.getContext('2d');
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const css = getComputedStyle(document.documentElement);
  const probe = document.createElement('canvas').getContext('2d');
  const rgb = (color) => {
    probe.fillStyle = '#000';
    probe.fillStyle = color;
    const v = String(probe.fillStyle);
    if (v.startsWith('#')) return [1, 3, 5].map((i) => parseInt(v.slice(i, i + 2), 16));
    return v.replace(/[^\d.,]/g, '').split(',').slice(0, 3).map(Number);
  };
  const color = (name) => rgb(css.getPropertyValue(name).trim());
  const pixel = (x, y) => {
    const i = (Math.round(y * ratio) * canvas.width + Math.round(x * ratio)) * 4;
    return [data[i], data[i + 1], data[i + 2]];
  };
  const near = (a, b, tolerance) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
  const [left, top, right, bottom] = canvas.dataset.chartArea.split(',').map(Number);
  const out = { area: { left, top, right, bottom }, yRange: canvas.dataset.yRange.split(',').map(Number) };
  // Pixels of each named colour inside the plot area, and the lowest/highest row where each appears.
  if (request.count) {
    out.counts = {};
    for (const name of request.count) {
      const want = color(name);
      let n = 0;
      let minY = Infinity;
      let maxY = -Infinity;
      for (let y = top + 1; y < bottom - 1; y++) {
        for (let x = left + 1; x < right - 1; x++) {
          if (near(pixel(x, y), want, 40)) {
            n++;
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
        }
      }
      out.counts[name] = { n, minY, maxY };
    }
  }
  if (request.columns) {
    const n = Number(canvas.dataset.categories);
    const column = (right - left) / n;
    // A layer's column holds two bars side by side (first, then last iteration): aim at the first one.
    out.columns = request.columns.map(({ layer, heightShare }) => {
      const x = left + (layer - 0.5) * column;
      const y = bottom - heightShare * (bottom - top);
      // Every pixel across the column at that height (the bars can be 2 px wide).
      const row = [];
      for (let px = left + (layer - 1) * column; px < left + layer * column; px += 1 / ratio) row.push(pixel(px, y));
      return { layer, x, y, row };
    });
    out.expected = Object.fromEntries(request.expect.map((name) => [name, color(name)]));
    out.background = color('--vscode-editor-background');
  }
  return out;
}

describe('panel: the gradient panel in a real editor', function () {
  let wb;
  let frame;
  useWorkbench((opened) => {
    wb = opened;
  });

  it('Train Network on the seed 002 sweep opens the panel, and it finishes with three runs', async () => {
    frame = await trainInPanel(wb, SPEC);
    assert.equal(await frame.locator('h1').innerText(), 'deep tanh sweep over the initial weight');
    // Show the run that fails by saturation (w = 5), whatever the default pick is.
    await frame.locator('#run-select').click();
    await frame.locator('vscode-option', { hasText: 'layers[0].init=5' }).click();
    await frame.locator('#flow[data-chart-area]').waitFor();
  });

  it('draws three loss curves: w=1 falling to ~1e-30, w=5 and w=0.9 flat near 0.125', async () => {
    assert.ok(await wb.canvasHasInk('#loss', frame), 'the loss chart has pixels');
    const names = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green'];
    const loss = await frame.locator('#loss').evaluate(probeCanvas, { count: names });
    const [min, max] = loss.yRange;
    assert.ok(min <= 1e-29 && min >= 1e-31, `loss axis from ${min}`);
    assert.ok(max >= 0.125 && max <= 1, `loss axis to ${max}`);
    const height = loss.area.bottom - loss.area.top;
    for (const name of names) assert.ok(loss.counts[name].n >= 20, `${name}: ${JSON.stringify(loss.counts[name])}`);
    // w=1 (blue) reaches the bottom decades; w=5 (orange) and w=0.9 (green) stay in the top tenth (near 0.125).
    assert.ok(loss.counts[names[0]].maxY > loss.area.bottom - 0.1 * height, `blue reaches ${loss.counts[names[0]].maxY}`);
    for (const name of names.slice(1)) {
      assert.ok(loss.counts[name].maxY < loss.area.top + 0.1 * height, `${name} stays near 0.125: ${JSON.stringify(loss.counts[name])}`);
    }
  });

  it('draws gradient-flow bars from ~1e-303 to ~1e-1 on a log axis, flagged layers coloured, over the vanishing band', async () => {
    assert.ok(await wb.canvasHasInk('#flow', frame), 'the flow chart has pixels');
    const flow = await frame.locator('#flow').evaluate(probeCanvas, {
      columns: [
        { layer: 50, heightShare: 0.2 }, // a vanishing layer: its bar (≈1e-150) reaches half way up
        { layer: 100, heightShare: 0.9 }, // the output layer (≈1e-4, not flagged): near the top
        { layer: 2, heightShare: 0.6 }, // above layer 2's tiny bar: the shaded vanishing band
      ],
      expect: ['--vscode-charts-orange', '--vscode-charts-blue'],
    });
    const [min, max] = flow.yRange;
    assert.ok(min <= 1e-303 && min >= 1e-305, `axis from ${min}`);
    assert.ok(max >= 1e-2 && max <= 1, `axis to ${max}`);
    const [layer50, layer100, band] = flow.columns;
    const orange = flow.expected['--vscode-charts-orange'];
    const blue = flow.expected['--vscode-charts-blue'];
    const close = (a, b, t) => a.every((v, i) => Math.abs(v - b[i]) <= t);
    const has = (column, rgb) => column.row.some((p) => close(p, rgb, 24));
    assert.ok(has(layer50, orange), `layer 50's bar in the flag colour ${orange}: ${JSON.stringify(layer50.row)}`);
    assert.ok(has(layer100, blue), `layer 100's bar in the plain colour ${blue}: ${JSON.stringify(layer100.row)}`);
    assert.ok(!has(layer50, blue) && !has(layer100, orange), 'each layer in its own colour only');
    // The band: orange at 16% over the background, clearly not the background itself.
    const shaded = flow.background.map((bg, i) => bg * 0.84 + orange[i] * 0.16);
    assert.ok(band.row.every((p) => close(p, shaded, 12)), `band ${JSON.stringify(band.row)}, expected ≈ ${shaded.map(Math.round)}`);
    assert.ok(!close(band.row[0], flow.background, 4), 'the band is visible');
    assert.equal(await frame.locator('body').getAttribute('data-csp-violations'), '0');
    await wb.screenshot('panel-trained');
  });

  it('clicking a flagged bar moves the editor to the layer’s line', async () => {
    // Put the cursor on another line first (a click on `seed: 1`, line 22).
    await wb.page.locator('.editor-instance .view-line', { hasText: 'seed: 1' }).first().click({ position: { x: 30, y: 5 } });
    const selection = wb.page.locator('[id="status.editor.selection"]');
    await selection.filter({ hasText: 'Ln 22,' }).waitFor();
    const flow = await frame.locator('#flow').evaluate(probeCanvas, { columns: [{ layer: 30, heightShare: 0.05 }], expect: [] });
    const { x, y } = flow.columns[0];
    await frame.locator('#flow').click({ position: { x, y } });
    await selection.filter({ hasText: `Ln ${LAYER_LINE},` }).waitFor({ timeout: 10_000 });
    await wb.screenshot('revealed-layer');
  });
});
