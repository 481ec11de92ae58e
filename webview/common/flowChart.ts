// The gradient-flow chart: one bar per layer for the first and the last iteration on a log axis that really
// spans the data (1e-303 … 1e-1 when that is what the run has), the vanishing and exploding thresholds as
// shaded bands, flagged layers in the colour of their flag. Clicking anywhere in a layer's column (the bars
// can be a pixel wide) reveals that layer. Used by the panel and, compact, by the side view.
import type { ChartConfiguration, ChartEvent, LegendItem } from 'chart.js';
import type { PanelLayer, RuleId, Thresholds } from '../../src/protocol';
import { baseOptions, Chart, chartPng, font, linearAxis, logAxis, logBounds, type Band } from './charts';
import { isNumber, sci } from './format';
import { withAlpha, type Palette } from './theme';

/** High contrast outlines bars only up to this many layers (wider bars). */
const HC_OUTLINE_MAX_BARS = 40;

export type FlowMetric = 'gradNorm' | 'deltaNorm' | 'meanAbsActivation' | 'saturation';

/** Shares (0…1) get a linear axis; norms a log axis. */
const LINEAR: ReadonlySet<FlowMetric> = new Set(['saturation']);

export interface FlowInput {
  layers: PanelLayer[];
  /** The layers of every run shown side by side (a sweep): the axis spans them all, so switching runs does not
   *  rescale it. Defaults to `layers`. */
  scaleLayers?: PanelLayer[][];
  metric: FlowMetric;
  /** Draw the last iteration next to the first (false for an initial-weights analysis: one pass only). */
  showLast: boolean;
  lastIteration: number;
  thresholds: Thresholds;
  palette: Palette;
  compact: boolean;
}

const METRIC_TITLE: Record<FlowMetric, string> = {
  gradNorm: '‖∂J/∂W_k‖',
  deltaNorm: '‖δ_k‖ = ‖∂J/∂u_k‖',
  meanAbsActivation: 'mean |h_k|',
  saturation: 'saturated share of h_k',
};

/** The flags that colour a bar of this metric, most severe first. */
const METRIC_FLAGS: Record<FlowMetric, RuleId[]> = {
  gradNorm: ['non-finite', 'exploding-gradient', 'vanishing-gradient'],
  deltaNorm: ['non-finite', 'exploding-gradient', 'vanishing-gradient'],
  meanAbsActivation: ['non-finite', 'vanishing-activation', 'saturated-activation', 'dead-units'],
  saturation: ['non-finite', 'saturated-activation', 'dead-units'],
};

function flagColor(flag: RuleId, palette: Palette): string {
  switch (flag) {
    case 'non-finite':
    case 'exploding-gradient':
      return palette.red;
    case 'vanishing-gradient':
    case 'vanishing-activation':
      return palette.orange;
    default:
      return palette.purple;
  }
}

/** The bands of a metric: thresholds exist for ‖∂J/∂W‖ and mean |h|; δ is judged relative to the output layer. */
export function metricBands(metric: FlowMetric, thresholds: Thresholds, palette: Palette): Band[] {
  if (metric === 'gradNorm') {
    return [
      { scaleId: 'y', from: null, to: thresholds.vanishing, color: withAlpha(palette.orange, 0.16), label: `vanishing < ${sci(thresholds.vanishing, 0)}` },
      { scaleId: 'y', from: thresholds.exploding, to: null, color: withAlpha(palette.red, 0.16), label: `exploding > ${sci(thresholds.exploding, 0)}` },
    ];
  }
  if (metric === 'meanAbsActivation') {
    return [
      { scaleId: 'y', from: null, to: thresholds.vanishingActivation, color: withAlpha(palette.orange, 0.16), label: `vanishing < ${sci(thresholds.vanishingActivation, 0)}` },
    ];
  }
  if (metric === 'saturation') {
    return [
      { scaleId: 'y', from: thresholds.saturation, to: null, color: withAlpha(palette.purple, 0.16), label: `saturated > ${thresholds.saturation}` },
    ];
  }
  return [];
}

/** The axis always reaches a lower band's edge (the vanishing band is visible even when nothing vanishes);
 *  an upper band (exploding) shows only when the data comes near it. */
function bandLimits(bands: Band[]): number[] {
  return bands.filter((b) => b.from === null).map((b) => b.to).filter(isNumber);
}

/** null where a value cannot be drawn: NaN, ±Infinity, missing (JSON turns NaN into null), and on a log
 *  axis also zero and negatives. */
function drawable(v: number | null | undefined, linear: boolean): number | null {
  return typeof v === 'number' && Number.isFinite(v) && (linear ? true : v > 0) ? v : null;
}

export class FlowChart {
  private chart: Chart<'bar', (number | null)[], string> | undefined;
  private layers: PanelLayer[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onLayer: (layer: PanelLayer) => void,
  ) {
    canvas.setAttribute('role', 'img');
  }

  update(input: FlowInput): void {
    this.layers = input.layers;
    const { palette, metric } = input;
    const linear = LINEAR.has(metric);
    const first = input.layers.map((l) => drawable(l[metric].first, linear));
    const last = input.layers.map((l) => drawable(l[metric].last, linear));
    const bands = metricBands(metric, input.thresholds, palette);
    const scaleValues = (input.scaleLayers ?? [input.layers]).flatMap((layers) =>
      layers.flatMap((l) => (input.showLast ? [l[metric].first, l[metric].last] : [l[metric].first])),
    );
    const bounds = linear
      ? { min: 0, max: 1 }
      : (logBounds(scaleValues, bandLimits(bands)) ?? { min: 1e-12, max: 1 });
    const title = input.compact ? '' : METRIC_TITLE[metric];
    const plain = palette.blue;
    const colors = input.layers.map((l) => {
      const flag = METRIC_FLAGS[metric].find((f) => l.flags.includes(f));
      return flag ? flagColor(flag, palette) : plain;
    });
    // High contrast: an outline in the foreground colour, but only on bars wide enough to keep their fill
    // (100 bars of 2 px would be all outline, white, and lose the flag colour); the last iteration is
    // drawn less faded there, since 45% of a colour on black is too dark to read.
    const border = palette.highContrast && input.layers.length <= HC_OUTLINE_MAX_BARS ? palette.foreground : undefined;
    const lastAlpha = palette.highContrast ? 0.7 : 0.45;
    const datasets: ChartConfiguration<'bar', (number | null)[], string>['data']['datasets'] = [
      { label: 'iteration 1', data: first, backgroundColor: colors, borderColor: border, borderWidth: border ? 1 : 0 },
    ];
    if (input.showLast) {
      datasets.push({
        label: `iteration ${input.lastIteration}`,
        data: last,
        backgroundColor: colors.map((c) => withAlpha(c, lastAlpha)),
        borderColor: border,
        borderWidth: border ? 1 : 0,
      });
    }
    const labels = input.layers.map((l) => String(l.index));
    const shared = baseOptions(palette);
    const options: ChartConfiguration<'bar', (number | null)[], string>['options'] = {
      ...shared,
      interaction: { mode: 'index', intersect: false, axis: 'x' },
      onClick: (event) => this.click(event),
      onHover: (event, _elements, chart) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = this.indexAt(event, chart) === undefined ? 'default' : 'pointer';
      },
      datasets: { bar: { categoryPercentage: 0.9, barPercentage: 0.95 } },
      scales: {
        x: {
          type: 'category',
          title: { display: !input.compact, text: 'layer k', color: palette.muted },
          grid: { display: false },
          border: { color: palette.grid },
          ticks: { color: palette.foreground, autoSkip: true, maxRotation: 0, autoSkipPadding: 8 },
        },
        y: linear ? linearAxis(bounds, palette, title) : logAxis(bounds, palette, title, input.compact ? 5 : 9),
      },
      plugins: {
        ...shared.plugins,
        legend: {
          ...shared.plugins.legend,
          labels: { ...shared.plugins.legend.labels, generateLabels: () => this.legendItems(input, plain) },
          onClick: (_event, item, legend) => {
            if (item.datasetIndex === undefined) return;
            const chart = legend.chart;
            if (chart.isDatasetVisible(item.datasetIndex)) chart.hide(item.datasetIndex);
            else chart.show(item.datasetIndex);
          },
        },
        thresholdBands: { bands, labelColor: palette.foreground, backdrop: withAlpha(palette.background, 0.85), font: font(palette, 0.85) },
        tooltip: {
          ...shared.plugins.tooltip,
          callbacks: {
            title: (items) => {
              const layer = this.layers[items[0]?.dataIndex ?? -1];
              return layer ? `layer ${layer.index} · ${layer.activation} · ${layer.units} unit${layer.units === 1 ? '' : 's'}` : '';
            },
            label: (item) => {
              const layer = this.layers[item.dataIndex];
              const raw = item.datasetIndex === 0 ? layer?.[metric].first : layer?.[metric].last;
              return `${item.dataset.label}: ${sci(raw)}`;
            },
            footer: (items) => {
              const layer = this.layers[items[0]?.dataIndex ?? -1];
              return layer?.flags.length ? `flagged: ${layer.flags.join(', ')}` : '';
            },
          },
        },
      },
    };
    this.canvas.setAttribute(
      'aria-label',
      `${METRIC_TITLE[metric]} per layer on a ${linear ? 'linear' : 'log'} axis from ${sci(bounds.min, 0)} to ${sci(bounds.max, 0)}`,
    );
    if (!this.chart) {
      this.chart = new Chart(this.canvas, { type: 'bar', data: { labels, datasets }, options });
    } else {
      this.chart.data.labels = labels;
      this.chart.data.datasets = datasets;
      this.chart.options = options;
      this.chart.update('none');
    }
  }

  /** The legend: plain bars per iteration shown, then one swatch per flag colour the run actually has. */
  private legendItems(input: FlowInput, plain: string): LegendItem[] {
    const { palette } = input;
    const swatch = (text: string, color: string, datasetIndex?: number): LegendItem => ({
      text,
      fillStyle: color,
      strokeStyle: color,
      lineWidth: 0,
      fontColor: palette.foreground,
      hidden: datasetIndex !== undefined && this.chart ? !this.chart.isDatasetVisible(datasetIndex) : false,
      datasetIndex,
    });
    const items = [swatch('iteration 1', plain, 0)];
    if (input.showLast) items.push(swatch(`iteration ${input.lastIteration} (lighter)`, withAlpha(plain, palette.highContrast ? 0.7 : 0.45), 1));
    const seen = new Set<string>();
    for (const layer of input.layers) {
      const flag = METRIC_FLAGS[input.metric].find((f) => layer.flags.includes(f));
      if (!flag || seen.has(flag)) continue;
      seen.add(flag);
      items.push(swatch(flag.replace(/-/g, ' '), flagColor(flag, palette)));
    }
    return items;
  }

  private indexAt(event: ChartEvent, chart: Chart): number | undefined {
    if (!event.native) return undefined;
    const elements = chart.getElementsAtEventForMode(event.native, 'index', { intersect: false, axis: 'x' }, false);
    const { chartArea } = chart;
    if (event.x === null || event.y === null || event.y < chartArea.top || event.y > chartArea.bottom) return undefined;
    return elements[0]?.index;
  }

  private click(event: ChartEvent): void {
    if (!this.chart) return;
    const index = this.indexAt(event, this.chart as unknown as Chart);
    const layer = index === undefined ? undefined : this.layers[index];
    if (layer) this.onLayer(layer);
  }

  png(): string | undefined {
    return this.chart ? chartPng(this.chart as unknown as Chart) : undefined;
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}
