// The editor features in the real editor: findings on the spec's lines, Train Network, hovers, reruns on
// edit and save, a broken spec. Figures (edit → findings per example) are printed, never asserted.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { maxDriftBetween, stallDuring, type StallFigures } from '../../../scripts/bench-editor/stallProbe';
import type { GradientLensApi } from '../../../src/extension/ctx';
import type { CheckOutcome } from '../../../src/extension/specService';
import {
  activateExtension,
  closeAllEditors,
  hoverText,
  openSpec,
  printFigures,
  setText,
  waitFor,
  waitForDiagnostics,
  waitForWebviewTab,
  workspaceUri,
} from './helpers';

const W5 = 'deep-tanh-w5.nn.yaml';
const LAYER_LINE = 5; // 0-based: "  - units: 1" of deep-tanh-w5.nn.yaml

const ours = (d: readonly vscode.Diagnostic[]): vscode.Diagnostic[] => d.filter((x) => x.source === 'Gradient Lens');
const vanishing = (d: readonly vscode.Diagnostic[]): vscode.Diagnostic | undefined =>
  ours(d).find((x) => x.code === 'vanishing-gradient' || (typeof x.code === 'object' && x.code.value === 'vanishing-gradient'));

async function api(): Promise<GradientLensApi> {
  return (await activateExtension()).exports as GradientLensApi;
}

/** Writes a workspace file for one test; the returned function removes it. */
async function tempSpec(name: string, text: string): Promise<{ uri: vscode.Uri; remove: () => Promise<void> }> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return { uri, remove: () => Promise.resolve(vscode.workspace.fs.delete(uri)) };
}

describe('editor: findings, hovers, Train Network, reruns', () => {
  before(() => api());
  afterEach(() => closeAllEditors());

  it('opening deep-tanh-w5 shows a vanishing-gradient warning on its layer line, with the evidence', async () => {
    const editor = await openSpec(W5);
    const diags = await waitForDiagnostics(editor.document.uri, (d) => vanishing(d) !== undefined);
    const v = vanishing(diags)!;
    assert.equal(v.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(v.range.start.line, LAYER_LINE);
    assert.match(v.message, /layers 1–\d+ of 100/);
    assert.match(v.message, /e-30\d/, 'the message carries the layer-1 gradient norm');
    assert.match(v.message, /tanh'\(u\)/, 'the message gives the reason');
    assert.ok((v.relatedInformation ?? []).some((r) => r.location.range.start.line === 8), 'related information points at init');
  });

  it('hover on the layer shows its activation, parameters and figures; on loss and init their formulas', async () => {
    const editor = await openSpec(W5);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => vanishing(d) !== undefined);
    const layer = await hoverText(uri, new vscode.Position(LAYER_LINE, 6));
    for (const part of ['tanh', 'layers 1–100 of 100', 'Parameters: 100', '‖∂J/∂W‖', '‖δ‖', 'saturation', 'layer 1', 'layer 100', "sup |φ'| = 1"]) {
      assert.ok(layer.includes(part), `layer hover lacks "${part}":\n${layer}`);
    }
    assert.match(layer, /e-30\d/, 'the hover shows the vanishing layer-1 gradient');
    const loss = await hoverText(uri, new vscode.Position(10, 2));
    assert.ok(loss.includes('∂J/∂ŷᵢ = (ŷᵢ − yᵢ)/m'), loss);
    const init = await hoverText(uri, new vscode.Position(8, 6));
    assert.ok(init.includes('every weight = 5'), init);
    const lr = await hoverText(uri, new vscode.Position(16, 6));
    assert.ok(lr.includes('η < 2/λ_max'), lr);
  });

  it('Train Network trains on the worker, stores the runs and opens the gradient panel', async () => {
    const gl = await api();
    const editor = await openSpec(W5);
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('gradientLens.train');
    await gl.whenIdle(uri);
    const results = gl.store.get(uri.toString());
    assert.equal(results?.kind, 'training');
    assert.equal(results?.status, 'done');
    assert.equal(results?.runs[0].result.iterations, 1000);
    assert.ok(Math.abs((results?.runs[0].result.finalLoss ?? 0) - 0.125) < 1e-3, 'J stays stuck at 0.125');
    assert.equal(gl.workerStarted(), true);
    await waitForWebviewTab('gradientLens.panel');
    const diags = await waitForDiagnostics(uri, (d) => vanishing(d) !== undefined);
    assert.ok(ours(diags).some((d) => d.code === 'stalled-loss'), 'training adds the stalled-loss finding');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.includes('▶ Train Network') && titles.includes('Check Gradients'), titles.join(' | '));
    assert.ok(titles.some((t) => /vanishing in layers 1–\d+/.test(t)), titles.join(' | '));
  });

  it('Check Gradients checks every run of a sweep against finite differences, and all pass', async () => {
    await api();
    const uri = workspaceUri('deep-tanh-sweep.nn.yaml');
    const outcome = await vscode.commands.executeCommand<CheckOutcome>('gradientLens.checkGradients', uri);
    assert.equal(outcome?.kind, 'done');
    if (outcome?.kind !== 'done') return;
    assert.deepEqual(outcome.runs.map((r) => r.label), ['layers[0].init=1', 'layers[0].init=5', 'layers[0].init=0.9']);
    for (const { label, report } of outcome.runs) {
      assert.equal(report.pass, true, `${label}: max relative error ${report.maxRelError}`);
      assert.equal(report.layers.length, 100);
      assert.ok(report.maxRelError < report.threshold, label);
    }
  });

  it('gradientLens.codeLens.enabled = false removes the lenses, true brings them back', async () => {
    await api();
    const editor = await openSpec(W5);
    const uri = editor.document.uri;
    const titles = async (): Promise<string[]> =>
      ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? []).map((l) => l.command?.title ?? '');
    const setting = vscode.workspace.getConfiguration('gradientLens');
    try {
      await setting.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
      await waitFor(async () => (await titles()).length === 0, 'no lenses with the setting off');
      await setting.update('codeLens.enabled', true, vscode.ConfigurationTarget.Global);
      await waitFor(async () => (await titles()).includes('▶ Train Network'), 'lenses back with the setting on');
    } finally {
      await setting.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('autoRun onType retrains an unsaved edit after the debounce; autoRun off leaves it at the analysis', async () => {
    const gl = await api();
    const text = (iterations: number): string =>
      'name: onType probe\ninputs: 1\nlayers:\n  - units: 1\n    activation: tanh\n    bias: false\n    init: 1.0\n    repeat: 10\n' +
      `loss: mse\ndata:\n  x: [[-0.5], [0.5]]\n  y: [[-0.5], [0.5]]\ntrain:\n  learningRate: 0.1\n  iterations: ${iterations}\n`;
    const spec = await tempSpec('on-type-probe.nn.yaml', text(30));
    const setting = vscode.workspace.getConfiguration('gradientLens');
    try {
      await setting.update('autoRun', 'onType', vscode.ConfigurationTarget.Global);
      await setting.update('debounceMs', 100, vscode.ConfigurationTarget.Global);
      const editor = await vscode.window.showTextDocument(spec.uri);
      await setText(editor, text(40));
      await waitFor(() => {
        const r = gl.store.get(spec.uri.toString());
        return r?.kind === 'training' && r.status === 'done' && r.runs[0]?.result.iterations === 40;
      }, 'a training of the unsaved text (40 iterations)');
      assert.equal(editor.document.isDirty, true, 'trained without saving');

      await setting.update('autoRun', 'off', vscode.ConfigurationTarget.Global);
      await setText(editor, text(50));
      await waitFor(() => gl.store.get(spec.uri.toString())?.kind === 'analysis', 'the analysis of the new text');
      await gl.whenIdle(spec.uri);
      assert.equal(gl.store.get(spec.uri.toString())?.kind, 'analysis', 'no training with autoRun off');
    } finally {
      await setting.update('autoRun', undefined, vscode.ConfigurationTarget.Global);
      await setting.update('debounceMs', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await spec.remove();
    }
  });

  it('changing init: 5.0 to init: 1.0 and saving clears the warning', async () => {
    const gl = await api();
    const editor = await openSpec(W5);
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (d) => vanishing(d) !== undefined);
    const original = doc.getText();
    const line = doc.lineAt(8);
    assert.match(line.text, /init: 5\.0/);
    try {
      await editor.edit((b) => b.replace(line.range, line.text.replace('5.0', '1.0')));
      await doc.save();
      await waitForDiagnostics(doc.uri, (d) => ours(d).length === 0);
      await gl.whenIdle(doc.uri);
      assert.deepEqual(ours(vscode.languages.getDiagnostics(doc.uri)), []);
      assert.equal(gl.store.get(doc.uri.toString())?.kind, 'training', 'saving retrained the spec (autoRun onSave)');
    } finally {
      await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original));
      await doc.save();
      await gl.whenIdle(doc.uri);
    }
  });

  it('a broken spec shows errors at the right lines, nothing runs and nothing crashes', async () => {
    const gl = await api();
    const text = ['name: broken', 'inputs: 1', 'layers:', '  - units: two', '    activation: tanh', 'loss: mse', 'data:', '  x: [[0]]', '  y: [[0]]', 'train:', '  learningRate: 0.1', '  iterations: 10', ''].join('\n');
    const { uri, remove } = await tempSpec('broken-editor-test.nn.yaml', text);
    try {
      await openSpec('broken-editor-test.nn.yaml');
      const diags = await waitForDiagnostics(uri, (d) => ours(d).some((x) => x.severity === vscode.DiagnosticSeverity.Error));
      const unitsError = ours(diags).find((d) => d.range.start.line === 3);
      assert.ok(unitsError, `no error on line 4 (units: two): ${ours(diags).map((d) => `${d.range.start.line}: ${d.message}`).join('; ')}`);
      assert.equal(unitsError.severity, vscode.DiagnosticSeverity.Error);
      await vscode.commands.executeCommand('gradientLens.train', uri);
      await gl.whenIdle(uri);
      assert.equal(gl.store.get(uri.toString())?.status, 'error');
      assert.equal(gl.store.get(uri.toString())?.runs.length, 0);
      // Still alive: another spec analyzes as before.
      const w5 = await openSpec(W5);
      await waitForDiagnostics(w5.document.uri, (d) => vanishing(d) !== undefined);
    } finally {
      await closeAllEditors();
      await remove();
    }
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'diagnostics of the deleted spec to clear');
  });

  it('an edit refreshes the findings at once (measured per example spec)', async () => {
    const gl = await api();
    const specs = (await vscode.workspace.findFiles('*.nn.{yaml,yml,json}')).sort((a, b) => a.path.localeCompare(b.path));
    assert.ok(specs.length >= 5, 'the examples are in the workspace');
    const rows: string[] = [];
    for (const uri of specs) {
      const editor = await vscode.window.showTextDocument(uri, { preview: false });
      await gl.whenIdle(uri);
      const times: number[] = [];
      const inHost: number[] = [];
      for (let i = 0; i < 6; i++) {
        const changed = new Promise<number>((resolve) => {
          const sub = vscode.languages.onDidChangeDiagnostics((e) => {
            if (!e.uris.some((u) => u.toString() === uri.toString())) return;
            sub.dispose();
            resolve(performance.now());
          });
        });
        const t0 = performance.now();
        // A keystroke at the end of the first (comment or name) line: a space typed, then deleted.
        const end = editor.document.lineAt(0).range.end;
        await editor.edit((b) => (i % 2 === 0 ? b.insert(end, ' ') : b.delete(new vscode.Range(end.translate(0, -1), end))));
        times.push((await changed) - t0);
        await gl.whenIdle(uri);
        inHost.push(gl.analysisLatencies[0]);
      }
      times.sort((a, b) => a - b);
      inHost.sort((a, b) => a - b);
      rows.push(
        `${vscode.workspace.asRelativePath(uri)}: change event → diagnostics set: median ${inHost[3].toFixed(1)} ms, max ${inHost[5].toFixed(1)} ms; ` +
          `edit() call → onDidChangeDiagnostics: median ${times[3].toFixed(1)} ms, max ${times[5].toFixed(1)} ms`,
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    // The second figure includes the edit's round trip through the workbench and VS Code's own 50 ms
    // debounce of onDidChangeDiagnostics in the extension host.
    printFigures('editor', 'edit → fresh findings per example (extension host)', rows);
    assert.equal(rows.length, specs.length);
  });

  it('while a W2-sized network trains, the extension host keeps running (stall measured: idle, dummy CPU load, training)', async function () {
    this.timeout(180_000);
    const gl = await api();
    // 64-256-256-10 tanh, softmax cross-entropy, batch 512: data from a CSV of 512 rows (64 features, a class).
    const rows = ['label,' + Array.from({ length: 64 }, (_, j) => `x${j}`).join(',')];
    for (let i = 0; i < 512; i++) rows.push(`${i % 10},${Array.from({ length: 64 }, (_, j) => Math.sin(i * 0.37 + j * 1.3).toFixed(4)).join(',')}`);
    const csv = await tempSpec('w2-editor-test.csv', rows.join('\n') + '\n');
    const columns = Array.from({ length: 64 }, (_, j) => `x${j}`).join(', ');
    const spec = await tempSpec(
      'w2-editor-test.nn.yaml',
      [
        'name: W2',
        'inputs: 64',
        'layers:',
        '  - {units: 256, activation: tanh, init: xavier}',
        '  - {units: 256, activation: tanh, init: xavier}',
        '  - {units: 10, activation: softmax, init: xavier}',
        'loss: cross-entropy',
        `data: {csv: w2-editor-test.csv, x: [${columns}], y: [label]}`,
        'train: {optimizer: sgd, learningRate: 0.1, iterations: 20, batchSize: full}',
        '',
      ].join('\n'),
    );
    const key = spec.uri.toString();
    // Condition (b)'s dummy: a worker thread burning one core, no messages (the bench uses the same file).
    const spinPath = path.join((await activateExtension()).extensionPath, 'scripts/bench-editor/spinWorker.cjs');
    const spin = (ms: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const w = new Worker(spinPath, { workerData: { ms }, name: 'spin' });
        w.on('error', reject);
        w.on('exit', () => resolve());
      });
    const train = async (): Promise<{ firstProgress: number; done: number; idle: number }> => {
      // Phases, ms after the command: the first progress (plan, data to the worker, panel), the run's end
      // ('done' in the store: results, diagnose, Problems, panel state), idle (everything settled).
      const t0 = performance.now();
      const marks = { firstProgress: NaN, done: NaN, idle: NaN };
      const sub = gl.store.onDidChange((uri) => {
        const r = uri === key ? gl.store.get(key) : undefined;
        if (r?.status === 'training' && (r.progress?.iteration ?? 0) > 0 && Number.isNaN(marks.firstProgress)) marks.firstProgress = performance.now() - t0;
        if (r?.status === 'done' && Number.isNaN(marks.done)) marks.done = performance.now() - t0;
      });
      await vscode.commands.executeCommand('gradientLens.train', spec.uri);
      await gl.whenIdle(spec.uri);
      marks.idle = performance.now() - t0;
      sub.dispose();
      assert.equal(gl.store.get(key)?.runs[0]?.result.iterations, 20, gl.store.get(key)?.message ?? gl.store.get(key)?.status);
      return marks;
    };
    const f1 = (x: number): string => x.toFixed(1);
    const line = (label: string, f: StallFigures): string =>
      `${label}: ${f.ms.toFixed(0)} ms; delay max ${f1(f.delayMaxMs)} p99 ${f1(f.delayP99Ms)} mean ${f1(f.delayMeanMs)}; ` +
      `drift max ${f1(f.driftMaxMs)} p99 ${f1(f.driftP99Ms)} over ${f.ticks} ticks; host active ${f.hostActiveMs.toFixed(0)} ms; GC max ${f1(f.gcMaxMs)} ms`;
    const phases = (f: StallFigures, m: { firstProgress: number; done: number; idle: number }): string =>
      `  by phase, drift max: command → first progress (at ${m.firstProgress.toFixed(0)} ms) ${f1(maxDriftBetween(f, 0, m.firstProgress))}; ` +
      `training → done (at ${m.done.toFixed(0)} ms) ${f1(maxDriftBetween(f, m.firstProgress, m.done))}; ` +
      `done → idle (at ${m.idle.toFixed(0)} ms) ${f1(maxDriftBetween(f, m.done, Infinity))}; ` +
      `stalls > 20 ms (ms at ms): ${f.samples.filter((x) => x.lag > 20).map((x) => `${f1(x.lag)}@${x.at.toFixed(0)}`).join(' ') || 'none'}`;
    try {
      await openSpec('w2-editor-test.nn.yaml');
      await gl.whenIdle(spec.uri);
      // First run: the training worker may start (JIT) and the panel may open; its length sets the span of
      // (a) and (b), which then alternate with (c) on a warm worker and an open panel.
      const workerCold = !gl.workerStarted();
      const panelOpen = vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('gradientLens.panel')),
      );
      let coldMarks = { firstProgress: NaN, done: NaN, idle: NaN };
      const cold = await stallDuring(async () => (coldMarks = await train()));
      const span = cold.ms;
      const out = [line(`first Train Network (worker ${workerCold ? 'starts' : 'running'}, panel ${panelOpen ? 'open' : 'opens'})`, cold), phases(cold, coldMarks)];
      const statsBefore = gl.workerMessageStats();
      for (let round = 1; round <= 2; round++) {
        out.push(line(`round ${round} (a) idle`, await stallDuring(() => new Promise((resolve) => setTimeout(resolve, span)))));
        out.push(line(`round ${round} (b) CPU-bound dummy worker`, await stallDuring(() => spin(span))));
        let marks = { firstProgress: NaN, done: NaN, idle: NaN };
        const c = await stallDuring(async () => (marks = await train()));
        out.push(line(`round ${round} (c) Train Network on W2, 20 iterations`, c));
        out.push(phases(c, marks));
      }
      const stats = gl.workerMessageStats();
      out.push(
        `worker answers handled in (c): ${stats.messages - statsBefore.messages}, total ${(stats.totalMs - statsBefore.totalMs).toFixed(1)} ms, ` +
          `longest ${stats.maxMs.toFixed(1)} ms (since activation)`,
      );
      printFigures('editor', 'extension-host event-loop stall: (a) idle, (b) a CPU-bound dummy worker, (c) W2 training on the worker (ms)', out);
    } finally {
      await closeAllEditors();
      await spec.remove();
      await csv.remove();
    }
  });
});
