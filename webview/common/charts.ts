// Chart.js, registered piece by piece (only what the views use, so the rest is tree-shaken), plus three small
// plugins of our own: shaded threshold bands, an opaque background (so an exported PNG is readable outside
// the editor) and a layout probe (the plot area on the canvas's data attributes, for tests and tools).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartType,
  type Plugin,
  type Scale,
} from 'chart.js';
import { powerOfTen } from './format';
import type { Palette } from './theme';

/** A shaded stretch of one axis: from..to in data units; null means the axis's own end. */
export interface Band {
  scaleId: string;
  from: number | null;
  to: number | null;
  color: string;
  label: string;
}

export interface BandsOptions {
  bands: Band[];
  labelColor: string;
  /** Behind a label, so it reads over the bars. */
  backdrop: string;
  font: string;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    thresholdBands?: BandsOptions;
    canvasBackground?: { color: string };
  }
}

/** Draws each band behind the datasets, clipped to the plot area; its threshold line and label go on top of
 *  the bars (a dashed line on the band's inner edge, the label just inside the band on a backdrop). */
const thresholdBands: Plugin = {
  id: 'thresholdBands',
  beforeDatasetsDraw(chart, _args, options: BandsOptions) {
    forEachBand(chart, options, (ctx, band, top, bottom, area) => {
      ctx.fillStyle = band.color;
      ctx.fillRect(area.left, top, area.right - area.left, bottom - top);
    });
  },
  afterDatasetsDraw(chart, _args, options: BandsOptions) {
    forEachBand(chart, options, (ctx, band, top, bottom, area) => {
      const lower = band.from === null; // from the axis's bottom up to the threshold (vanishing)
      const edge = lower ? top : bottom;
      if (edge > area.top && edge < area.bottom) {
        ctx.strokeStyle = options.labelColor;
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(area.left, Math.round(edge) + 0.5);
        ctx.lineTo(area.right, Math.round(edge) + 0.5);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.font = options.font;
      const width = ctx.measureText(band.label).width;
      const height = parseInt(options.font, 10) || 11;
      const y = lower ? top + 3 : bottom - 3 - height;
      ctx.fillStyle = options.backdrop;
      ctx.fillRect(area.left + 2, y - 1, width + 6, height + 3);
      ctx.fillStyle = options.labelColor;
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      ctx.fillText(band.label, area.left + 5, y);
    });
  },
};

type BandPainter = (
  ctx: CanvasRenderingContext2D,
  band: Band,
  top: number,
  bottom: number,
  area: { left: number; right: number; top: number; bottom: number },
) => void;

function forEachBand(chart: Chart, options: BandsOptions | undefined, paint: BandPainter): void {
  const area = chart.chartArea;
  if (!options?.bands?.length || !area) return;
  const { ctx } = chart;
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
  ctx.clip();
  for (const band of options.bands) {
    const scale = chart.scales[band.scaleId];
    if (!scale) continue;
    const a = band.from === null ? area.bottom : scale.getPixelForValue(band.from);
    const b = band.to === null ? area.top : scale.getPixelForValue(band.to);
    const top = Math.max(area.top, Math.min(a, b));
    const bottom = Math.min(area.bottom, Math.max(a, b));
    if (bottom > top) paint(ctx, band, top, bottom, area);
  }
  ctx.restore();
}

const canvasBackground: Plugin = {
  id: 'canvasBackground',
  beforeDraw(chart, _args, options: { color?: string }) {
    if (!options?.color) return;
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = options.color;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** After every layout: data-chart-area="left,top,right,bottom" (CSS pixels), data-categories="n" and
 *  data-y-range="min,max" (the y axis as drawn), so tests and tools can find a layer's column on the canvas. */
const layoutProbe: Plugin = {
  id: 'layoutProbe',
  afterLayout(chart) {
    const { left, top, right, bottom } = chart.chartArea;
    const { dataset } = chart.canvas;
    dataset.chartArea = [left, top, right, bottom].map((v) => Math.round(v)).join(',');
    dataset.categories = String(chart.data.labels?.length ?? 0);
    const y = chart.scales.y;
    if (y) dataset.yRange = `${y.min},${y.max}`;
  },
};

let registered = false;

export function registerCharts(): void {
  if (registered) return;
  registered = true;
  Chart.register(
    BarController,
    BarElement,
    CategoryScale,
    Legend,
    LinearScale,
    LineController,
    LineElement,
    LogarithmicScale,
    PointElement,
    Tooltip,
    thresholdBands,
    canvasBackground,
    layoutProbe,
  );
  // Large runs: no animation anywhere (a redraw is a redraw, at most 10 per second).
  Chart.defaults.animation = false;
}

export { Chart };

/** 10^e as the nearest double to the decimal 1e{e} (10 ** −5 is 0.000009999999999999999, 1e-5 is not). */
export function pow10(e: number): number {
  return Number(`1e${e}`);
}

/** Bounds of a log axis that show every positive finite value and every `include` value, widened to whole
 *  decades: e.g. values from 4.4e-303 to 0.07 give [1e-303, 1e-1]. Null when there is nothing positive. */
export function logBounds(values: Iterable<number | null | undefined>, include: number[] = []): {
  min: number;
  max: number;
} | null {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (v: number | null | undefined): void => {
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) return;
    const e = Math.log10(v);
    if (e < lo) lo = e;
    if (e > hi) hi = e;
  };
  for (const v of values) take(v);
  if (lo === Infinity) return null;
  for (const v of include) take(v);
  let minExp = Math.floor(lo + 1e-9);
  let maxExp = Math.ceil(hi - 1e-9);
  if (maxExp <= minExp) maxExp = minExp + 1;
  minExp = Math.max(minExp, -323); // 1e-324 is zero in float64: the smallest decade that exists is 1e-323
  return { min: pow10(minExp), max: pow10(maxExp) };
}

const NICE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/** One tick every `step` decades, `step` a round number, at most `count` ticks: a 300-decade axis gets
 *  10⁻³⁰⁰, 10⁻²⁵⁰, …, 1. */
export function decadeTicks(min: number, max: number, count: number): { value: number }[] {
  const lo = Math.round(Math.log10(min));
  const hi = Math.round(Math.log10(max));
  const raw = Math.max(1, Math.ceil((hi - lo) / Math.max(1, count - 1)));
  const step = NICE_STEPS.find((s) => s >= raw) ?? Math.ceil(raw / 100) * 100;
  const ticks: { value: number }[] = [];
  const first = Math.ceil(lo / step) * step;
  for (let e = first; e <= hi; e += step) ticks.push({ value: pow10(e) });
  return ticks;
}

/** Options of a logarithmic axis with explicit bounds and power-of-ten labels. */
export function logAxis(bounds: { min: number; max: number }, palette: Palette, title: string, maxTicks: number) {
  return {
    type: 'logarithmic' as const,
    min: bounds.min,
    max: bounds.max,
    title: { display: title !== '', text: title, color: palette.muted },
    grid: { color: palette.grid },
    border: { color: palette.grid },
    ticks: {
      color: palette.foreground,
      autoSkip: false,
      callback: (value: number | string) => powerOfTen(Math.round(Math.log10(Number(value)))),
    },
    afterBuildTicks: (scale: Scale) => {
      scale.ticks = decadeTicks(bounds.min, bounds.max, maxTicks);
    },
  };
}

/** Options of a linear axis with fixed bounds (shares 0…1). */
export function linearAxis(bounds: { min: number; max: number }, palette: Palette, title: string) {
  return {
    type: 'linear' as const,
    min: bounds.min,
    max: bounds.max,
    title: { display: title !== '', text: title, color: palette.muted },
    grid: { color: palette.grid },
    border: { color: palette.grid },
    ticks: { color: palette.foreground },
  };
}

export function font(palette: Palette, scale = 0.9): string {
  return `${Math.round(palette.fontSize * scale)}px ${palette.fontFamily}`;
}

/** Fonts and colours every chart shares. */
export function baseOptions(palette: Palette) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: palette.foreground,
    font: { family: palette.fontFamily, size: Math.round(palette.fontSize * 0.9) },
    plugins: {
      canvasBackground: { color: palette.background },
      legend: { labels: { color: palette.foreground, boxWidth: 12 } },
      tooltip: {
        backgroundColor: palette.background,
        titleColor: palette.foreground,
        bodyColor: palette.foreground,
        footerColor: palette.muted,
        borderColor: palette.grid,
        borderWidth: 1,
      },
    },
  };
}

/** The chart as a PNG data URL (with its opaque background). */
export function chartPng(chart: Chart): string {
  return chart.toBase64Image('image/png', 1);
}
