// "Over time": a layer × iteration heatmap of log₁₀ ‖∂J/∂W_k‖, drawn on a canvas by hand. The host sends at
// most 256 columns (recorded iterations, evenly spaced, first and last kept); here the cells go into an
// ImageData one pixel per cell and are scaled up without smoothing, so 1,000 layers × 256 columns is a single
// drawImage. Layer 1 (the input side) is the top row. Cells the log cannot show (zero, non-finite) stay blank.
import type { PanelLayer, PanelRun, Thresholds } from '../../src/protocol';
import { powerOfTen, sci } from '../common/format';
import { parseColor, type Palette } from '../common/theme';

export interface HeatmapInput {
  heatmap: PanelRun['heatmap'];
  layers: PanelLayer[];
  thresholds: Thresholds;
  palette: Palette;
}

const MARGIN = { left: 56, right: 112, top: 8, bottom: 34 };

type Rgb = [number, number, number];

/** Colour of t ∈ [0, 1] along the ramp stops (linear in RGB between neighbours). */
export function ramp(stops: Rgb[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [stops[i], stops[i + 1]];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

function extent(rows: (number | null)[][]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows) {
    for (const v of row) {
      if (v === null) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo === Infinity ? null : [lo, hi === lo ? lo + 1 : hi];
}

/** ~count evenly spaced indices of 0..n−1, first and last included. */
function labelIndices(n: number, count: number): number[] {
  if (n <= 0) return [];
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.round((i * (n - 1)) / (count - 1)));
}

export class Heatmap {
  private input: HeatmapInput | undefined;
  private range: [number, number] | null = null;
  private readonly tip: HTMLElement;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onLayer: (layer: PanelLayer) => void,
  ) {
    canvas.setAttribute('role', 'img');
    canvas.tabIndex = -1;
    this.tip = document.createElement('div');
    this.tip.className = 'heatmap-tip';
    this.tip.hidden = true;
    canvas.after(this.tip);
    canvas.addEventListener('mousemove', (e) => this.hover(e));
    canvas.addEventListener('mouseleave', () => (this.tip.hidden = true));
    canvas.addEventListener('click', (e) => {
      const cell = this.cellAt(e);
      const layer = cell && this.input?.layers[cell.row];
      if (layer) this.onLayer(layer);
    });
  }

  update(input: HeatmapInput): void {
    this.input = input;
    this.range = extent(input.heatmap.log10GradNorm);
    this.draw();
  }

  /** Redraws at the canvas's current CSS size (call after a resize). */
  draw(): void {
    const input = this.input;
    if (!input) return;
    const { palette } = input;
    const rows = input.heatmap.log10GradNorm.length;
    const cols = input.heatmap.iterations.length;
    const width = Math.max(240, this.canvas.parentElement?.clientWidth ?? 600);
    const height = Math.min(520, Math.max(180, rows * 4 + MARGIN.top + MARGIN.bottom));
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, width, height);
    const plot = { x: MARGIN.left, y: MARGIN.top, w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
    this.canvas.dataset.chartArea = [plot.x, plot.y, plot.x + plot.w, plot.y + plot.h].join(',');
    ctx.font = `${Math.round(palette.fontSize * 0.85)}px ${palette.fontFamily}`;
    ctx.fillStyle = palette.muted;
    if (rows === 0 || cols === 0 || !this.range) {
      ctx.fillText('No recorded iterations to show yet.', plot.x, plot.y + 20);
      this.canvas.setAttribute('aria-label', 'Gradient norm heatmap: no data');
      return;
    }
    const stops = this.stops(palette);
    const [lo, hi] = this.range;
    const cells = new ImageData(cols, rows);
    for (let r = 0; r < rows; r++) {
      const row = input.heatmap.log10GradNorm[r];
      for (let c = 0; c < cols; c++) {
        const v = row[c];
        if (v === null || v === undefined) continue; // transparent: the background shows through
        const [red, green, blue] = ramp(stops, (v - lo) / (hi - lo));
        const at = (r * cols + c) * 4;
        cells.data[at] = red;
        cells.data[at + 1] = green;
        cells.data[at + 2] = blue;
        cells.data[at + 3] = 255;
      }
    }
    const buffer = document.createElement('canvas');
    buffer.width = cols;
    buffer.height = rows;
    buffer.getContext('2d')?.putImageData(cells, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(buffer, plot.x, plot.y, plot.w, plot.h);
    ctx.strokeStyle = palette.grid;
    ctx.strokeRect(plot.x + 0.5, plot.y + 0.5, plot.w - 1, plot.h - 1);
    this.axes(ctx, plot, input, rows, cols);
    this.legend(ctx, plot, stops, lo, hi, input.thresholds.vanishing);
    this.canvas.setAttribute(
      'aria-label',
      `log₁₀ ‖∂J/∂W_k‖ for ${rows} layers over ${cols} recorded iterations, from ${powerOfTen(Math.floor(lo))} to ${powerOfTen(Math.ceil(hi))}`,
    );
  }

  private stops(palette: Palette): Rgb[] {
    return [palette.purple, palette.blue, palette.green, palette.yellow].map((c) => parseColor(c).slice(0, 3) as Rgb);
  }

  private axes(ctx: CanvasRenderingContext2D, plot: Plot, input: HeatmapInput, rows: number, cols: number): void {
    const { palette } = input;
    ctx.fillStyle = palette.foreground;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const r of labelIndices(rows, Math.max(2, Math.min(8, Math.floor(plot.h / 28))))) {
      const y = plot.y + ((r + 0.5) * plot.h) / rows;
      ctx.fillText(String(input.layers[r]?.index ?? r + 1), plot.x - 6, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const c of labelIndices(cols, Math.max(2, Math.min(8, Math.floor(plot.w / 70))))) {
      const x = plot.x + ((c + 0.5) * plot.w) / cols;
      ctx.fillText(String(input.heatmap.iterations[c]), x, plot.y + plot.h + 4);
    }
    ctx.fillStyle = palette.muted;
    ctx.fillText('iteration', plot.x + plot.w / 2, plot.y + plot.h + 18);
    ctx.save();
    ctx.translate(12, plot.y + plot.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('layer k', 0, -6);
    ctx.restore();
  }

  private legend(ctx: CanvasRenderingContext2D, plot: Plot, stops: Rgb[], lo: number, hi: number, vanishing: number): void {
    const x = plot.x + plot.w + 14;
    const w = 12;
    for (let y = 0; y < plot.h; y++) {
      const [r, g, b] = ramp(stops, 1 - y / Math.max(1, plot.h - 1));
      ctx.fillStyle = `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
      ctx.fillRect(x, plot.y + y, w, 1);
    }
    const palette = this.input!.palette;
    ctx.fillStyle = palette.foreground;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(powerOfTen(Math.round(hi)), x + w + 4, plot.y);
    ctx.textBaseline = 'bottom';
    ctx.fillText(powerOfTen(Math.round(lo)), x + w + 4, plot.y + plot.h);
    const v = Math.log10(vanishing);
    const y = plot.y + ((hi - v) / (hi - lo)) * plot.h;
    // The vanishing threshold on the scale, unless it would sit on the end labels.
    if (v > lo && v < hi && y - plot.y > 16 && plot.y + plot.h - y > 16) {
      ctx.strokeStyle = palette.foreground;
      ctx.beginPath();
      ctx.moveTo(x - 3, y + 0.5);
      ctx.lineTo(x + w + 3, y + 0.5);
      ctx.stroke();
      ctx.textBaseline = 'middle';
      ctx.fillText(`${powerOfTen(Math.round(v))} vanishing`, x + w + 4, y);
    }
  }

  private cellAt(e: MouseEvent): { row: number; col: number } | undefined {
    const input = this.input;
    const area = this.canvas.dataset.chartArea?.split(',').map(Number);
    if (!input || !area) return undefined;
    const rect = this.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const [left, top, right, bottom] = area;
    if (x < left || x >= right || y < top || y >= bottom) return undefined;
    const rows = input.heatmap.log10GradNorm.length;
    const cols = input.heatmap.iterations.length;
    return { row: Math.floor(((y - top) / (bottom - top)) * rows), col: Math.floor(((x - left) / (right - left)) * cols) };
  }

  private hover(e: MouseEvent): void {
    const cell = this.cellAt(e);
    const input = this.input;
    if (!cell || !input) {
      this.tip.hidden = true;
      this.canvas.style.cursor = 'default';
      return;
    }
    const v = input.heatmap.log10GradNorm[cell.row]?.[cell.col];
    const layer = input.layers[cell.row];
    this.tip.textContent = `layer ${layer?.index ?? cell.row + 1}, iteration ${input.heatmap.iterations[cell.col]}: ‖∂J/∂W‖ = ${
      v === null || v === undefined ? 'not finite or 0' : sci(10 ** v)
    }`;
    this.tip.hidden = false;
    this.tip.style.left = `${this.canvas.offsetLeft + e.offsetX + 12}px`;
    this.tip.style.top = `${this.canvas.offsetTop + e.offsetY + 12}px`;
    this.canvas.style.cursor = 'pointer';
  }

  png(): string | undefined {
    return this.input ? this.canvas.toDataURL('image/png') : undefined;
  }
}

interface Plot {
  x: number;
  y: number;
  w: number;
  h: number;
}
