// The panel's second pass in the real extension host: the store keeps a sweep's finished runs (with their
// labels) while the next one trains, and gradientLens.exportRun writes PNG, CSV and JSON files a script can read.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openSpec, waitFor, waitForWebviewTab, workspaceUri } from './helpers';

const SPEC = 'deep-tanh-sweep.nn.yaml';
const LABELS = ['layers[0].init=1', 'layers[0].init=5', 'layers[0].init=0.9'];

interface Store {
  get(uri: string): { status: string; kind?: string; runs: { label: string }[]; progress?: { run: number; label?: string } } | undefined;
  onDidChange: vscode.Event<string>;
}

describe('panel: runs while training, and export', () => {
  let store: Store;
  let dir: string;
  const uri = () => workspaceUri(SPEC).toString();

  before(async () => {
    const ext = await activateExtension();
    store = (ext.exports as { store: Store }).store;
    dir = mkdtempSync(path.join(tmpdir(), 'gl-export-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await closeAllEditors();
  });

  it('while the sweep trains, the store holds the finished runs and the progress names the run being trained', async () => {
    await openSpec(SPEC);
    const seen: { runs: string[]; progress: string | undefined; run: number | undefined }[] = [];
    const listener = store.onDidChange((changed) => {
      const r = store.get(changed);
      if (changed === uri() && r?.status === 'training') {
        seen.push({ runs: r.runs.map((x) => x.label), progress: r.progress?.label, run: r.progress?.run });
      }
    });
    try {
      await vscode.commands.executeCommand('gradientLens.train', workspaceUri(SPEC));
      await waitFor(() => store.get(uri())?.status === 'done' && store.get(uri())?.kind === 'training', 'the sweep trained', 60_000);
    } finally {
      listener.dispose();
    }
    assert.deepEqual(store.get(uri())?.runs.map((r) => r.label), LABELS);
    // Mid-training states: the finished runs are there, in order, with their labels.
    const withTwo = seen.find((s) => s.runs.length === 2);
    assert.ok(withTwo, `a state with two finished runs while training: ${JSON.stringify(seen.map((s) => s.runs.length))}`);
    assert.deepEqual(withTwo.runs, LABELS.slice(0, 2));
    for (const s of seen) {
      if (s.run !== undefined && s.progress !== undefined) assert.equal(s.progress, LABELS[s.run], `progress label of run ${s.run}`);
      assert.deepEqual(s.runs, LABELS.slice(0, s.runs.length));
    }
    // Which runs get a progress event is timing (a run of this sweep takes ~30 ms, events are throttled to 10/s),
    // so only ask that some progress carried a label; the loop above checks every label that was carried.
    assert.ok(seen.some((s) => s.progress !== undefined), `some progress carried its run's label: ${JSON.stringify(seen)}`);
  });

  it('exportRun writes the run as JSON in the shape of train --json', async () => {
    const target = vscode.Uri.file(path.join(dir, 'w5.json'));
    const written = await vscode.commands.executeCommand<string>('gradientLens.exportRun', { format: 'json', uri: uri(), run: 'layers[0].init=5', target });
    assert.equal(written, target.toString());
    const json = JSON.parse(readFileSync(target.fsPath, 'utf8'));
    assert.equal(json.runs.length, 1);
    const run = json.runs[0];
    assert.equal(run.label, 'layers[0].init=5');
    assert.equal(run.loss.length, 1000);
    assert.ok(Math.abs(run.finalLoss - 0.125) < 0.01, `w=5 stays near 0.125: ${run.finalLoss}`);
    assert.equal(run.layers.length, 100);
    assert.deepEqual(Object.keys(run.layers[0]).slice(0, 4), ['index', 'line', 'units', 'activation']);
    assert.equal(run.layers[0].line, 8, '1-based line of the layers entry, as the CLI prints it');
    assert.ok(run.layers[99].gradNorm.first > 0 && run.layers[0].gradNorm.first < 1e-30, 'vanishing towards the input');
    assert.ok(run.findings.some((f: { rule: string }) => f.rule === 'vanishing-gradient'), JSON.stringify(run.findings.map((f: { rule: string }) => f.rule)));
  });

  it('exportRun writes CSV: a header, then one row per layer (layers) or per iteration (loss)', async () => {
    const layers = vscode.Uri.file(path.join(dir, 'w1-layers.csv'));
    await vscode.commands.executeCommand('gradientLens.exportRun', { format: 'csv', uri: uri(), run: 0, target: layers.toString() });
    const rows = readFileSync(layers.fsPath, 'utf8').trimEnd().split('\r\n');
    assert.equal(rows[0], 'run,layer,line,units,activation,gradNorm_first,gradNorm_last,deltaNorm_first,deltaNorm_last,meanAbsActivation_first,meanAbsActivation_last,saturation_first,saturation_last,deadShare_first,deadShare_last,flags');
    assert.equal(rows.length, 1 + 100);
    assert.deepEqual(rows[1].split(',').slice(0, 5), ['layers[0].init=1', '1', '8', '1', 'tanh']);
    const loss = vscode.Uri.file(path.join(dir, 'w1-loss.csv'));
    await vscode.commands.executeCommand('gradientLens.exportRun', { format: 'loss-csv', uri: uri(), run: 0, target: loss });
    const lossRows = readFileSync(loss.fsPath, 'utf8').trimEnd().split('\r\n');
    assert.equal(lossRows[0], 'run,iteration,loss');
    assert.equal(lossRows.length, 1 + 1000);
    assert.ok(Number(lossRows[1000].split(',')[2]) < 1e-25, `w=1 trains to ~1e-30: ${lossRows[1000]}`);
  });

  it('exportRun writes a chart of the open panel as a PNG file', async () => {
    await openSpec(SPEC);
    await vscode.commands.executeCommand('gradientLens.showPanel');
    await waitForWebviewTab('gradientLens.panel');
    const target = vscode.Uri.file(path.join(dir, 'flow.png'));
    // The webview may still be loading right after the panel opens: ask again until it answers.
    await waitFor(
      async () => vscode.commands.executeCommand<string>('gradientLens.exportRun', { format: 'png', chart: 'flow', uri: uri(), target }),
      'the panel drew the flow chart as PNG',
      40_000,
    );
    const bytes = readFileSync(target.fsPath);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    assert.ok(width > 100 && height > 100, `${width}×${height}`);
    const heatmap = vscode.Uri.file(path.join(dir, 'heatmap.png'));
    await vscode.commands.executeCommand('gradientLens.exportRun', { format: 'png', chart: 'heatmap', uri: uri(), target: heatmap });
    assert.ok(readFileSync(heatmap.fsPath).length > 1000, 'the heatmap (another tab) drawn and saved');
  });
});
