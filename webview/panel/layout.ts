// The panel's page: a header (spec, status, run selector, Train and Export), a message line, and tabs whose
// views hold the charts and tables. Only structure lives here; main.ts fills it.
import type { ExportFormat } from '../../src/protocol';
import { button, dropdown, tabs, type Dropdown, type Tabs } from '../common/toolkit';

export type TabId = 'overview' | 'delta' | 'activations' | 'time' | 'tables';

export const TAB_IDS: TabId[] = ['overview', 'delta', 'activations', 'time', 'tables'];

const TAB_LABELS: Record<TabId, string> = {
  overview: 'Overview',
  delta: 'δ norms',
  activations: 'Activations',
  time: 'Over time',
  tables: 'Tables',
};

export type ChartId = 'loss' | 'flow' | 'delta' | 'activations' | 'saturation' | 'heatmap';

/** The tab each chart is on. */
export const CHART_TABS: Record<ChartId, TabId> = {
  loss: 'overview',
  flow: 'overview',
  delta: 'delta',
  activations: 'activations',
  saturation: 'activations',
  heatmap: 'time',
};

export interface PanelDom {
  title: HTMLElement;
  status: HTMLElement;
  progress: HTMLElement;
  runs: Dropdown;
  runsLabel: HTMLElement;
  message: HTMLElement;
  content: HTMLElement; // the tabs, hidden while there is nothing to show
  tabs: Tabs;
  canvases: Record<ChartId, HTMLCanvasElement>;
  findings: HTMLElement;
  /** The flow chart's table view and its toggle (aria-pressed). */
  flowTable: HTMLElement;
  flowTableButton: HTMLElement;
  seedTable: HTMLElement;
  layerTable: HTMLElement;
}

export interface LayoutHandlers {
  onRun(index: number): void;
  onTab(id: TabId): void;
  onTrain(): void;
  onExport(format: ExportFormat): void;
  onPng(chart: ChartId): void;
  onFlowTable(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** A titled box around one canvas, with a button that saves the chart as PNG. */
function card(id: ChartId, title: string, note: string, handlers: LayoutHandlers, size: 'tall' | 'short' = 'tall') {
  const section = el('section', 'card');
  const head = el('div', 'card-head');
  const h2 = el('h2', '', title);
  h2.id = `title-${id}`;
  head.append(h2, button('Save PNG', () => handlers.onPng(id), { title: `Save the ${title} chart as a PNG file` }));
  const box = el('div', `chart-box ${size}`);
  const canvas = el('canvas');
  canvas.id = id;
  canvas.setAttribute('aria-describedby', `title-${id}`);
  box.append(canvas);
  section.append(head);
  if (note) section.append(el('p', 'muted note', note));
  section.append(box);
  return { section, canvas };
}

export function buildLayout(root: HTMLElement, initialTab: TabId, handlers: LayoutHandlers): PanelDom {
  const header = el('header', 'toolbar');
  const titleBox = el('div', 'title-box');
  const title = el('h1', '', 'Gradient Lens');
  const status = el('span', 'status');
  status.setAttribute('role', 'status');
  const progress = el('span', 'progress muted');
  titleBox.append(title, status, progress);
  const controls = el('div', 'controls');
  const runsLabel = el('label', 'runs-label', 'Run');
  const runs = dropdown('Sweep run', (value) => handlers.onRun(Number(value)));
  runs.element.id = 'run-select';
  controls.append(
    runsLabel,
    runs.element,
    button('Train', () => handlers.onTrain(), { appearance: 'primary', title: 'Gradient Lens: Train Network' }),
    button('CSV', () => handlers.onExport('csv'), { title: "Export the selected run's per-layer values as CSV" }),
    button('Loss CSV', () => handlers.onExport('loss-csv'), { title: "Export the selected run's loss curve as CSV" }),
    button('JSON', () => handlers.onExport('json'), { title: 'Export the selected run as JSON (the shape of train --json)' }),
  );
  header.append(titleBox, controls);
  const message = el('p', 'message');
  message.setAttribute('role', 'status');

  const t = tabs(
    TAB_IDS.map((id) => ({ id, label: TAB_LABELS[id] })),
    initialTab,
    (id) => handlers.onTab(id as TabId),
  );
  const views = t.views;
  const loss = card('loss', 'Loss', '', handlers, 'short');
  const flow = card(
    'flow',
    'Gradient flow ‖∂J/∂W_k‖',
    'Bars: first and last iteration, log axis. Shaded: beyond the vanishing and exploding thresholds. Click a layer to show its line.',
    handlers,
  );
  // The keyboard's (and a screen reader's) way to the bars: the same values as a table, in place of the chart.
  const flowTableButton = button('Table', () => handlers.onFlowTable(), {
    id: 'flow-table-toggle',
    title: 'Show the gradient flow as a table (press again for the chart)',
  });
  flowTableButton.setAttribute('aria-pressed', 'false');
  flow.section.querySelector('.card-head')!.append(flowTableButton);
  const flowTable = el('div', 'table-box flow-table');
  flowTable.id = 'flow-table';
  flowTable.hidden = true;
  flow.section.append(flowTable);
  const findingsSection = el('section', 'card');
  findingsSection.append(el('h2', '', 'Findings'));
  const findings = el('div', 'findings-box');
  findingsSection.append(findings);
  views.get('overview')!.append(loss.section, flow.section, findingsSection);

  const delta = card('delta', 'δ norms ‖∂J/∂u_k‖', 'g_k = δ_k = ∂J/∂u_k over the batch, first and last iteration.', handlers);
  views.get('delta')!.append(delta.section);

  const activations = card('activations', 'Mean |h_k|', 'How large each layer’s output is; shaded: vanishing.', handlers);
  const saturation = card(
    'saturation',
    'Saturation',
    'Share of entries where |φ′(u)| is below 1% of its maximum; shaded: above the threshold.',
    handlers,
    'short',
  );
  views.get('activations')!.append(activations.section, saturation.section);

  const heatmap = card('heatmap', 'log₁₀ ‖∂J/∂W_k‖ over time', 'Rows: layers (1 at the top); columns: recorded iterations.', handlers);
  heatmap.section.querySelector('.chart-box')!.className = 'chart-box free';
  views.get('time')!.append(heatmap.section);

  const seedSection = el('section', 'card');
  seedSection.append(el('h2', '', 'h_{k,i} and g_{k,i} after one iteration'));
  const seedTable = el('div', 'table-box');
  seedSection.append(seedTable);
  const layerSection = el('section', 'card');
  layerSection.append(el('h2', '', 'Per-layer values'));
  const layerTable = el('div', 'table-box');
  layerSection.append(layerTable);
  views.get('tables')!.append(seedSection, layerSection);

  root.replaceChildren(header, message, t.element);
  root.removeAttribute('aria-busy');
  return {
    title,
    status,
    progress,
    runs,
    runsLabel,
    message,
    content: t.element,
    tabs: t,
    canvases: {
      loss: loss.canvas,
      flow: flow.canvas,
      delta: delta.canvas,
      activations: activations.canvas,
      saturation: saturation.canvas,
      heatmap: heatmap.canvas,
    },
    findings,
    flowTable,
    flowTableButton,
    seedTable,
    layerTable,
  };
}
