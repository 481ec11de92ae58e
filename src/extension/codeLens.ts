// CodeLens above each spec: "▶ Train Network", "Check Gradients" and, after a run, the verdict (opens the panel).
import * as vscode from 'vscode';
import type { Config } from './config';
import { verdictText } from './lensText';
import type { SpecResults } from './results';
import type { SpecStore } from './store';

export class SpecCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly store: SpecStore,
    private readonly config: Config,
    private readonly verdict: (r: SpecResults) => string,
    private readonly isTraining: (uri: string) => boolean,
  ) {
    this.subscriptions = [store.onDidChange(() => this.changed.fire()), config.onDidChange(() => this.changed.fire())];
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.config.value.codeLensEnabled) return [];
    const uri = doc.uri.toString();
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [
      this.isTraining(uri)
        ? new vscode.CodeLens(top, { title: '■ Stop Training', command: 'gradientLens.stop', arguments: [doc.uri] })
        : new vscode.CodeLens(top, { title: '▶ Train Network', command: 'gradientLens.train', arguments: [doc.uri] }),
      new vscode.CodeLens(top, { title: 'Check Gradients', command: 'gradientLens.checkGradients', arguments: [doc.uri] }),
    ];
    const v = verdictText(this.store.get(uri), this.verdict);
    if (v) lenses.push(new vscode.CodeLens(top, { title: v.text, tooltip: v.tooltip, command: 'gradientLens.showPanel', arguments: [] }));
    return lenses;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
