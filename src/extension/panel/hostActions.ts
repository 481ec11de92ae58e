// What the host does for a webview's requests: reveal a layer or a finding in the spec editor, train, open
// the panel, and save exports (PNG from the webview's canvas; CSV and JSON built here from the full run in
// the store, not from the decimated copy the webview has).
import * as vscode from 'vscode';
import type { ExportFormat, PanelState, WebviewToHost } from '../../protocol';
import type { ResultsStore } from '../results';
import { exportCsv, exportJson, exportLossCsv, type ExportInput } from './exportData';
import { layerSource } from './panelState';

export type Reveal = (uri: string, layer: number | null, line: number) => void;

const EXPORTERS: Record<ExportFormat, { build: (input: ExportInput) => string; suffix: string; filter: string }> = {
  csv: { build: exportCsv, suffix: 'layers.csv', filter: 'CSV' },
  'loss-csv': { build: exportLossCsv, suffix: 'loss.csv', filter: 'CSV' },
  json: { build: exportJson, suffix: 'run.json', filter: 'JSON' },
};

/** A file name from a spec's URI and a run label: deep-tanh-sweep, layers[0].init=5 → deep-tanh-sweep-layers-0-init-5. */
export function exportBaseName(uri: string, label: string): string {
  const file = uri.split(/[?#]/)[0];
  const base = decodeURIComponent(file.slice(file.lastIndexOf('/') + 1)).replace(/\.nn\.(ya?ml|json)$/i, '');
  const tail = label.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  return tail ? `${base}-${tail}` : base;
}

/** PNG bytes of a data URL from canvas.toDataURL('image/png'); undefined for anything else. */
export function pngBytes(dataUrl: string): Uint8Array | undefined {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  return match ? Buffer.from(match[1], 'base64') : undefined;
}

/**
 * Writes `bytes` to `target`, or (without one) to where the user picks in a save dialog next to the spec.
 * Resolves with the file written, undefined when the dialog was cancelled.
 */
export async function saveFile(
  uri: string,
  name: string,
  filter: string,
  extension: string,
  bytes: Uint8Array,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  if (!target) {
    const spec = vscode.Uri.parse(uri);
    const folder = spec.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(spec, '..');
    target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { [filter]: [extension] },
      title: 'Gradient Lens: Export',
    });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Gradient Lens: saved ${vscode.workspace.asRelativePath(target)}`);
    return target;
  }
  await vscode.workspace.fs.writeFile(target, bytes);
  return target;
}

/** Thrown when there is no finished run to export (the message tells the user what to do). */
export class NothingToExportError extends Error {}

/**
 * Exports run `run` (0-based index, or a label) of the spec `uri` from the store's full data as `format`, to
 * `target` or (without one) through a save dialog. Resolves with the file written, undefined when cancelled.
 */
export async function exportRun(
  store: ResultsStore,
  uri: string,
  format: ExportFormat,
  run: number | string,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const results = store.get(uri);
  const index = typeof run === 'number' ? run : (results?.runs.findIndex((r) => r.label === run) ?? -1);
  const chosen = results?.runs[index];
  if (!results || !chosen) throw new NothingToExportError('nothing to export yet; run Train Network first.');
  const exporter = EXPORTERS[format];
  if (!exporter) throw new Error(`unknown export format ${String(format)}`);
  const text = exporter.build({ file: vscode.Uri.parse(uri).fsPath || uri, spec: results.spec, run: chosen, findings: results.findings });
  const name = `${exportBaseName(uri, chosen.label)}-${exporter.suffix}`;
  const extension = exporter.suffix.slice(exporter.suffix.lastIndexOf('.') + 1);
  return saveFile(uri, name, exporter.filter, extension, Buffer.from(text, 'utf8'), target);
}

/** Saves a chart's PNG (a canvas data URL from the webview) to `target` or through a save dialog. */
export async function savePng(uri: string, chart: string, dataUrl: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const bytes = pngBytes(dataUrl);
  if (!bytes) throw new Error(`the ${chart} chart has nothing drawn to save`);
  return saveFile(uri, `${exportBaseName(uri, chart)}.png`, 'PNG image', 'png', bytes, target);
}

export function createMessageHandler(store: ResultsStore, reveal: Reveal, log: (message: string) => void) {
  return (message: WebviewToHost, uri: string | undefined, shown: PanelState | undefined): void => {
    const fail = (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      log(`gradient panel: ${message.type} failed: ${text}`);
      void vscode.window.showErrorMessage(`Gradient Lens: ${text}`);
    };
    switch (message.type) {
      case 'ready':
        return; // answered by the channel
      case 'openPanel':
        void vscode.commands.executeCommand('gradientLens.showPanel').then(undefined, fail);
        return;
      case 'train':
        void vscode.commands.executeCommand('gradientLens.train', uri ? vscode.Uri.parse(uri) : undefined).then(undefined, fail);
        return;
      case 'revealLayer': {
        if (!uri) return;
        const { line } = layerSource(store.get(uri)?.spec, message.layer);
        if (line >= 0) reveal(uri, message.layer, line);
        return;
      }
      case 'revealFinding': {
        const finding = shown?.runs[message.run]?.findings[message.finding];
        if (!uri || !finding) return;
        reveal(uri, finding.layers ? finding.layers[0] : null, finding.range.start.line);
        return;
      }
      case 'export': {
        if (!uri) return;
        exportRun(store, uri, message.format, message.run).catch((error: unknown) => {
          if (error instanceof NothingToExportError) void vscode.window.showInformationMessage(`Gradient Lens: ${error.message}`);
          else fail(error);
        });
        return;
      }
      case 'savePng': {
        if (!uri || message.token !== undefined) return; // a token: the answer to exportRun's request (the panel takes it)
        savePng(uri, message.chart, message.dataUrl).catch(fail);
        return;
      }
    }
  };
}
