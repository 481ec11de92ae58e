// The gradient views: the panel (gradientLens.showPanel, its serializer) and the side view.
//
// One panel that follows the active spec, not one per spec: the panel is a companion of the editor the user
// is working in, like Markdown's preview to the side. Switching specs switches the panel, so there is never a
// stack of stale panels to hunt through, and comparing before/after an edit is built in (the previous run of
// the same spec is drawn faded). When the focus moves to a non-spec editor (or into the panel itself) the
// panel keeps showing the last spec.
import * as vscode from 'vscode';
import type { ResultsStore } from '../results';
import { GradientPanel, PANEL_VIEW_TYPE } from './gradientPanel';
import type { ExportFormat } from '../../protocol';
import { createMessageHandler, exportRun, savePng, type Reveal } from './hostActions';
import { SIDE_VIEW_ID, SideViewProvider } from './sideView';

export { PANEL_VIEW_TYPE } from './gradientPanel';
export { SIDE_VIEW_ID } from './sideView';

/** Arguments of gradientLens.exportRun. Without `target` a save dialog asks where to write. */
export interface ExportRunArgs {
  format?: ExportFormat | 'png'; // default 'json'
  uri?: string | vscode.Uri; // the spec; default: the one the panel shows, else the active one
  run?: number | string; // 0-based index or label; default the first run
  chart?: string; // for 'png': loss, flow, delta, activations, saturation or heatmap (default flow)
  target?: string | vscode.Uri;
}

function specUri(uri: string | vscode.Uri | undefined): string | undefined {
  return uri === undefined ? undefined : typeof uri === 'string' ? uri : uri.toString();
}

export function registerGradientViews(context: vscode.ExtensionContext, store: ResultsStore, reveal: Reveal): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  const log = (message: string) => console.warn(message);
  const handle = createMessageHandler(store, reveal, log);
  let current: GradientPanel | undefined;

  const adopt = (panel: GradientPanel): GradientPanel => {
    current?.dispose();
    current = panel;
    panel.onDidDispose(() => {
      if (current === panel) current = undefined;
    });
    return panel;
  };

  disposables.push(
    vscode.commands.registerCommand('gradientLens.showPanel', () => {
      if (current) current.reveal();
      else adopt(GradientPanel.create(context.extensionUri, store, handle));
    }),
    // For scripts and tests; not in the palette (the panel's buttons are the way in for people).
    vscode.commands.registerCommand('gradientLens.exportRun', async (args: ExportRunArgs = {}) => {
      const uri = specUri(args.uri) ?? current?.uri ?? store.activeUri;
      if (!uri) throw new Error('gradientLens.exportRun: no spec (pass `uri` or open one)');
      const target = typeof args.target === 'string' ? vscode.Uri.parse(args.target) : args.target;
      const format = args.format ?? 'json';
      if (format !== 'png') return (await exportRun(store, uri, format, args.run ?? 0, target))?.toString();
      if (!current) throw new Error('gradientLens.exportRun: a PNG needs the gradient panel open');
      current.reveal();
      const chart = args.chart ?? 'flow';
      return (await savePng(uri, chart, await current.requestPng(chart), target))?.toString();
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        // The webview's saved state (its last PanelState) is restored by the webview itself; the host only
        // reattaches the panel to the store, which answers the webview's 'ready' with what it has now.
        adopt(new GradientPanel(panel, context.extensionUri, store, handle));
      },
    }),
  );
  const sideView = new SideViewProvider(context.extensionUri, store, handle);
  disposables.push(sideView, vscode.window.registerWebviewViewProvider(SIDE_VIEW_ID, sideView));
  disposables.push({ dispose: () => current?.dispose() });
  return vscode.Disposable.from(...disposables);
}
