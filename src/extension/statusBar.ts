// The status-bar item: the active spec's verdict (or training progress); a click opens the gradient panel.
import * as vscode from 'vscode';
import { verdictText } from './lensText';
import type { SpecResults } from './results';
import type { SpecStore } from './store';
import { isSpecPath } from './specFiles';

export class VerdictStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gradientLens.verdict', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: SpecStore,
    private readonly verdict: (r: SpecResults) => string,
  ) {
    this.item.name = 'Gradient Lens';
    this.item.command = 'gradientLens.showPanel';
    this.subscriptions = [
      store.onDidChange((uri) => {
        if (uri === this.store.activeUri) this.update();
      }),
      store.onDidChangeActive(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const uri = this.store.activeUri;
    if (!uri || !editor || !isSpecPath(editor.document.uri.path) || editor.document.uri.toString() !== uri) {
      this.item.hide();
      return;
    }
    const v = verdictText(this.store.get(uri), this.verdict);
    this.item.text = v ? v.text : '$(pulse) Gradient Lens';
    this.item.tooltip = v ? v.tooltip : 'Gradient Lens: click to open the gradient panel';
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
