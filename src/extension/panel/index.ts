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
import { createMessageHandler, type Reveal } from './hostActions';
import { SIDE_VIEW_ID, SideViewProvider } from './sideView';

export { PANEL_VIEW_TYPE } from './gradientPanel';
export { SIDE_VIEW_ID } from './sideView';

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
