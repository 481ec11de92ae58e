// The loss curve: J per iteration on a log axis, every run of a sweep in its own colour with its label, the
// previous training of the same spec drawn faded behind it. The host has already decimated each
// curve to at most 2,000 points (min–max per bucket, first and last kept).
import type { ChartConfiguration } from 'chart.js';
import type { PanelRun } from '../../src/protocol';
import { baseOptions, Chart, chartPng, logAxis, logBounds } from '../common/charts';
import { sci } from '../common/format';
import { runColors, withAlpha, type Palette } from '../common/theme';

type Point = { x: number; y: number };
type LineConfig = ChartConfiguration<'line', Point[]>;

export interface LossInput {
  runs: PanelRun[];
  previous: PanelRun[] | null;
  selected: number;
  palette: Palette;
}

/** NaN where the log axis cannot show the value: Chart.js leaves a gap there. */
function points(run: PanelRun): Point[] {
  return run.loss.iteration.map((x, i) => {
    const y = run.loss.value[i];
    return { x, y: typeof y === 'number' && y > 0 && Number.isFinite(y) ? y : NaN };
  });
}

/** Each run also has its own dash pattern: curves that coincide (w=5 and w=0.9 both flat at 0.125) stay
 *  visible through each other's gaps, and colour is not the only cue. */
const DASHES = [[], [10, 5], [3, 3], [12, 3, 3, 3], [6, 2], [2, 6]];

function dash(index: number): number[] {
  return DASHES[index % DASHES.length];
}

function runName(run: PanelRun, index: number): string {
  return run.label || (index === 0 ? 'loss' : `run ${index + 1}`);
}

export class LossChart {
  private chart: Chart<'line', Point[]> | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {
    canvas.setAttribute('role', 'img');
  }

  update(input: LossInput): void {
    const { palette } = input;
    const colors = runColors(palette);
    const datasets: LineConfig['data']['datasets'] = [];
    const single = (run: PanelRun) => run.loss.iteration.length <= 1;
    (input.previous ?? []).forEach((run, i) => {
      datasets.push({
        label: `${runName(run, i)} (previous)`,
        data: points(run),
        borderColor: withAlpha(colors[i % colors.length], 0.35),
        backgroundColor: withAlpha(colors[i % colors.length], 0.35),
        borderDash: dash(i),
        borderWidth: 1.5,
        pointRadius: single(run) ? 3 : 0,
      });
    });
    input.runs.forEach((run, i) => {
      datasets.push({
        label: runName(run, i),
        data: points(run),
        borderColor: colors[i % colors.length],
        backgroundColor: colors[i % colors.length],
        borderDash: dash(i),
        borderWidth: i === input.selected ? 2.5 : 1.5,
        pointRadius: single(run) ? 3 : 0,
      });
    });
    const all = [...input.runs, ...(input.previous ?? [])];
    const bounds = logBounds(all.flatMap((r) => r.loss.value)) ?? { min: 1e-3, max: 1 };
    const maxIteration = Math.max(1, ...all.map((r) => r.loss.iteration[r.loss.iteration.length - 1] ?? 1));
    const shared = baseOptions(palette);
    const options: LineConfig['options'] = {
      ...shared,
      parsing: false,
      normalized: true,
      spanGaps: false,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      scales: {
        x: {
          type: 'linear',
          min: 1,
          max: maxIteration,
          title: { display: true, text: 'iteration', color: palette.muted },
          grid: { color: palette.grid },
          border: { color: palette.grid },
          ticks: { color: palette.foreground, maxRotation: 0 },
        },
        y: logAxis(bounds, palette, 'loss J', 8),
      },
      plugins: {
        ...shared.plugins,
        tooltip: {
          ...shared.plugins.tooltip,
          callbacks: {
            title: (items) => `iteration ${items[0]?.parsed.x ?? ''}`,
            label: (item) => `${item.dataset.label}: ${sci(item.parsed.y, 3)}`,
          },
        },
      },
    };
    const labels = input.runs.map((r, i) => `${runName(r, i)} ends at ${sci(r.finalLoss)}`).join('; ');
    this.canvas.setAttribute('aria-label', `Loss per iteration on a log axis. ${labels}`);
    if (!this.chart) {
      this.chart = new Chart(this.canvas, { type: 'line', data: { datasets }, options });
    } else {
      this.chart.data.datasets = datasets;
      this.chart.options = options;
      this.chart.update('none');
    }
  }

  png(): string | undefined {
    return this.chart ? chartPng(this.chart as unknown as Chart) : undefined;
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}
