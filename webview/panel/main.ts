// The gradient panel (browser side). It asks the host for the state when ready, keeps the last state in the
// webview's saved state (so a reload shows it at once), and redraws at most 10 times a second, only the
// views of the visible tab (the others are marked and drawn when their tab is chosen).
import type { HostToWebview, PanelLayer, PanelRun, PanelState } from '../../src/protocol';
import { registerCharts } from '../common/charts';
import { watchCspViolations } from '../common/cspReport';
import { findingsList } from '../common/findingsList';
import { FlowChart } from '../common/flowChart';
import { sci } from '../common/format';
import { defaultRun, keepsSavedState, statusText } from '../common/state';
import { onThemeChange, readPalette, type Palette } from '../common/theme';
import { registerToolkit } from '../common/toolkit';
import { post, vscodeApi } from '../common/vscodeApi';
import { Heatmap } from './heatmap';
import { buildLayout, CHART_TABS, TAB_IDS, type ChartId, type PanelDom, type TabId } from './layout';
import { LossChart } from './lossChart';
import { layerTable, resetTables, seedTable } from './tables';

interface Saved {
  tab: TabId;
  /** The label of the run the user chose; null: the default (the run with the worst findings). */
  run: string | null;
  state: PanelState | null;
  /** The Overview's gradient flow shown as a table instead of the chart. */
  flowAsTable?: boolean;
}

const MIN_FRAME_MS = 100; // ≤ 10 redraws per second

watchCspViolations();
registerToolkit();
registerCharts();

const api = vscodeApi<Saved>();
const saved: Saved = { tab: 'overview', run: null, state: null, ...api.getState() };
if (!TAB_IDS.includes(saved.tab)) saved.tab = 'overview';
let state: PanelState | null = saved.state;
/** True until the host has sent real data: a reload shows the saved state rather than an empty one. */
let fromSave = state !== null;
let palette: Palette = readPalette();
const dirty = new Set<TabId>(TAB_IDS);
let tablesKey = '';
let flowTableKey = '';

function selectedIndex(): number {
  if (!state || state.runs.length === 0) return 0;
  const chosen = saved.run === null ? -1 : state.runs.findIndex((r) => r.label === saved.run);
  return chosen >= 0 ? chosen : defaultRun(state.runs);
}

function selectedRun(): PanelRun | undefined {
  return state?.runs[selectedIndex()];
}

function persist(): void {
  api.setState(saved);
}

function revealLayer(layer: PanelLayer): void {
  post({ type: 'revealLayer', layer: layer.index });
}

const dom: PanelDom = buildLayout(document.getElementById('root')!, saved.tab, {
  onRun(index) {
    saved.run = state?.runs[index]?.label ?? null;
    persist();
    markAll();
  },
  onTab(id) {
    saved.tab = id;
    persist();
    schedule();
  },
  onTrain: () => post({ type: 'train' }),
  onExport: (format) => post({ type: 'export', format, run: selectedIndex() }),
  onFlowTable() {
    saved.flowAsTable = !saved.flowAsTable;
    persist();
    flowTableKey = '';
    dirty.add('overview');
    schedule();
  },
  onPng(chart) {
    const dataUrl = charts[chart].png();
    if (dataUrl) post({ type: 'savePng', chart, dataUrl });
  },
});

const loss = new LossChart(dom.canvases.loss);
const flow = new FlowChart(dom.canvases.flow, revealLayer);
const delta = new FlowChart(dom.canvases.delta, revealLayer);
const activations = new FlowChart(dom.canvases.activations, revealLayer);
const saturation = new FlowChart(dom.canvases.saturation, revealLayer);
const heatmap = new Heatmap(dom.canvases.heatmap, revealLayer);
const charts: Record<ChartId, { png(): string | undefined }> = { loss, flow, delta, activations, saturation, heatmap };

let timer: ReturnType<typeof setTimeout> | undefined;
let lastFrame = 0;

function schedule(): void {
  if (timer !== undefined) return;
  const wait = Math.max(0, lastFrame + MIN_FRAME_MS - performance.now());
  timer = setTimeout(() => requestAnimationFrame(frame), wait);
}

function markAll(): void {
  for (const id of TAB_IDS) dirty.add(id);
  schedule();
}

function frame(): void {
  timer = undefined;
  lastFrame = performance.now();
  renderHeader();
  const run = selectedRun();
  if (!state || !run) return;
  const tab = saved.tab;
  if (!dirty.has(tab)) return;
  dirty.delete(tab);
  renderTab(tab, state, run);
}

function renderHeader(): void {
  dom.title.textContent = state?.spec?.name ?? 'Gradient Lens';
  dom.title.title = state?.spec?.file ?? '';
  const status = statusText(state);
  dom.status.textContent = status.text;
  dom.status.className = `status status-${status.kind}`;
  const p = state?.progress;
  dom.progress.textContent =
    p && state?.status === 'training'
      ? `run ${p.run + 1}/${p.runs}${p.label ? ` (${p.label})` : ''} · iteration ${p.iteration}/${p.iterations} · J = ${sci(p.loss, 3)}`
      : '';
  const message = fromSave ? 'Shown from before the window was reloaded. Run Train Network to refresh.' : state?.message ?? '';
  dom.message.textContent = message;
  dom.message.hidden = message === '';
  const runs = state?.runs ?? [];
  const choices = runs.map((r, i) => ({ value: String(i), label: r.label || `run ${i + 1}` }));
  dom.runs.set(choices, String(selectedIndex()));
  const several = runs.length > 1;
  dom.runs.element.hidden = !several;
  dom.runsLabel.hidden = !several;
  dom.content.hidden = runs.length === 0;
}

/** The Overview's gradient flow: the chart, or (toggled) the per-layer table in its place. */
function renderFlow(run: PanelRun, drawChart: () => void): void {
  const asTable = saved.flowAsTable === true;
  dom.flowTableButton.setAttribute('aria-pressed', String(asTable));
  dom.flowTableButton.textContent = asTable ? 'Chart' : 'Table';
  dom.flowTable.hidden = !asTable;
  dom.canvases.flow.closest<HTMLElement>('.chart-box')!.hidden = asTable;
  if (!asTable) {
    drawChart();
    return;
  }
  const key = `${selectedIndex()}|${run.label}|${run.iterations}|${state?.status}`;
  if (key === flowTableKey) return;
  flowTableKey = key;
  resetTables('flow');
  dom.flowTable.replaceChildren(layerTable(run, revealLayer, 'flow'));
}

function renderTab(tab: TabId, current: PanelState, run: PanelRun): void {
  const showLast = run.iterations > 1;
  const flowInput = { layers: run.layers, scaleLayers: current.runs.map((r) => r.layers), showLast, lastIteration: run.iterations, thresholds: current.thresholds, palette, compact: false };
  switch (tab) {
    case 'overview': {
      // An initial-weights analysis has one loss value per run: no curve to draw (the message says so).
      const curves = current.runs.some((r) => r.loss.iteration.length > 1);
      dom.canvases.loss.closest('section')!.hidden = !curves;
      if (curves) loss.update({ runs: current.runs, previous: current.previous, selected: selectedIndex(), palette });
      renderFlow(run, () => flow.update({ ...flowInput, metric: 'gradNorm' }));
      dom.findings.replaceChildren(
        findingsList(run.findings, (finding) => post({ type: 'revealFinding', run: selectedIndex(), finding })),
      );
      break;
    }
    case 'delta':
      delta.update({ ...flowInput, metric: 'deltaNorm' });
      break;
    case 'activations':
      activations.update({ ...flowInput, metric: 'meanAbsActivation' });
      saturation.update({ ...flowInput, metric: 'saturation' });
      break;
    case 'time':
      heatmap.update({ heatmap: run.heatmap, layers: run.layers, thresholds: current.thresholds, palette });
      break;
    case 'tables': {
      // Tables are the heaviest DOM: rebuild only when the run or its values changed.
      const key = `${selectedIndex()}|${run.label}|${run.iterations}|${current.status}`;
      if (key === tablesKey) break;
      tablesKey = key;
      resetTables();
      dom.seedTable.replaceChildren(seedTable(run));
      dom.layerTable.replaceChildren(layerTable(run, revealLayer));
      break;
    }
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The exportRun command's PNG: shows the chart's tab (a chart on a hidden tab is not drawn), draws, answers. */
async function answerPng(chart: string, token: number): Promise<void> {
  const id = (chart in charts ? chart : '') as ChartId | '';
  if (id && saved.tab !== CHART_TABS[id]) {
    dom.tabs.select(CHART_TABS[id]);
    saved.tab = CHART_TABS[id];
    persist();
    await nextFrame(); // the view is laid out before its canvas is sized and drawn
  }
  const run = selectedRun();
  if (id && state && run && dirty.has(saved.tab)) {
    dirty.delete(saved.tab);
    renderTab(saved.tab, state, run);
  }
  await nextFrame();
  post({ type: 'savePng', chart, dataUrl: (id && charts[id].png()) || '', token });
}

function onMessage(message: HostToWebview): void {
  if (message.type === 'state') {
    const incoming = message.state;
    if (fromSave && state !== null && keepsSavedState(state, incoming)) {
      schedule();
      return;
    }
    fromSave = false;
    state = incoming;
    saved.state = incoming;
    persist();
    tablesKey = '';
    flowTableKey = '';
    markAll();
    return;
  }
  if (message.type === 'requestPng') {
    void answerPng(message.chart, message.token);
    return;
  }
  if (message.type === 'progress' && state) {
    state.progress = message.progress;
    if (message.run && state.runs.length >= message.progress.run) {
      const runs = state.runs.slice(0, message.progress.run);
      runs[message.progress.run] = message.run;
      state.runs = runs;
    }
    for (const id of TAB_IDS) if (id !== 'tables') dirty.add(id);
    schedule();
  }
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => onMessage(event.data));
window.addEventListener('resize', () => {
  if (saved.tab === 'time') heatmap.draw();
});
onThemeChange(() => {
  palette = readPalette();
  markAll();
});

markAll();
post({ type: 'ready' });
