// The side view (a webview view in the Gradient Lens container): the active spec's verdict, a compact
// gradient-flow chart of the first iteration and the findings. It stays light: no heatmap, no loss curve,
// and the host sends it a new state at most once a second (and only when something it shows changed).
import type { HostToWebview, PanelState } from '../../src/protocol';
import { registerCharts } from '../common/charts';
import { watchCspViolations } from '../common/cspReport';
import { findingsList, verdict } from '../common/findingsList';
import { FlowChart } from '../common/flowChart';
import { plural, sci } from '../common/format';
import { defaultRun, statusText } from '../common/state';
import { onThemeChange, readPalette } from '../common/theme';
import { button, registerButtons } from '../common/toolkit';
import { post, vscodeApi } from '../common/vscodeApi';

const MAX_FINDINGS = 8;

watchCspViolations();
registerButtons();
registerCharts();

const api = vscodeApi<{ state: PanelState | null }>();
let state: PanelState | null = api.getState()?.state ?? null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

const root = document.getElementById('root')!;
const title = el('h1', 'side-title');
const status = el('p', 'status');
status.setAttribute('role', 'status');
const verdictLine = el('p', 'verdict');
const runLine = el('p', 'muted run-line');
const chartBox = el('div', 'chart-box compact');
const canvas = el('canvas', '');
canvas.id = 'side-flow';
chartBox.append(canvas);
const findingsBox = el('div', 'findings-box');
const actions = el('div', 'actions');
actions.append(
  button('Open Gradient Panel', () => post({ type: 'openPanel' }), { appearance: 'primary', id: 'open-panel' }),
  button('Train', () => post({ type: 'train' }), { title: 'Gradient Lens: Train Network' }),
);
root.replaceChildren(title, status, verdictLine, runLine, chartBox, findingsBox, actions);
root.removeAttribute('aria-busy');

const chart = new FlowChart(canvas, (layer) => post({ type: 'revealLayer', layer: layer.index }));

/** The status line alone: what a progress message changes. */
function renderStatus(): void {
  const s = statusText(state);
  const p = state?.progress;
  status.textContent =
    p && state?.status === 'training' ? `${s.text} run ${p.run + 1}/${p.runs}, iteration ${p.iteration}/${p.iterations}, J = ${sci(p.loss, 3)}` : s.text;
  status.className = `status status-${s.kind}`;
}

function render(): void {
  const palette = readPalette();
  title.textContent = state?.spec?.name ?? 'No spec';
  renderStatus();
  const runs = state?.runs ?? [];
  const index = defaultRun(runs);
  const run = runs[index];
  chartBox.hidden = !run;
  if (!state || !run) {
    verdictLine.textContent = state?.message ?? 'Open a network spec to see its gradients.';
    verdictLine.className = 'verdict';
    runLine.textContent = '';
    findingsBox.replaceChildren();
    return;
  }
  const v = verdict(run.findings);
  verdictLine.textContent = v.text;
  verdictLine.className = `verdict verdict-${v.severity}`;
  runLine.textContent =
    runs.length > 1 ? `Showing ${run.label || `run ${index + 1}`} (the worst of ${plural(runs.length, 'run')}).` : state.message ?? '';
  chart.update({
    layers: run.layers,
    scaleLayers: runs.map((r) => r.layers),
    metric: 'gradNorm',
    showLast: false,
    lastIteration: run.iterations,
    thresholds: state.thresholds,
    palette,
    compact: true,
  });
  findingsBox.replaceChildren(
    findingsList(run.findings, (finding) => post({ type: 'revealFinding', run: index, finding }), MAX_FINDINGS),
  );
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  if (message.type === 'state') {
    state = message.state;
    api.setState({ state });
    render();
  } else if (message.type === 'progress' && state) {
    state.progress = message.progress;
    renderStatus();
  }
});
onThemeChange(render);

render();
post({ type: 'ready' });
