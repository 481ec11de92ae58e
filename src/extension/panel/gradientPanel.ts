// The gradient panel: one WebviewPanel beside the editor that follows the active spec (see index.ts for why
// one and not one per spec). It survives a window reload through the serializer: VS Code hands back the
// panel and the webview's saved state, and the panel reattaches to the store.
import * as vscode from 'vscode';
import type { ResultsStore } from '../results';
import { PANEL_LIMITS } from './panelState';
import { WebviewChannel, type MessageHandler } from './webviewChannel';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const PANEL_VIEW_TYPE = 'gradientLens.panel';

const PANEL_MIN_INTERVAL_MS = 100; // ≤ 10 messages (and so redraws) per second

export class GradientPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly channel: WebviewChannel;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  private disposed = false;
  readonly onDidDispose = this.disposedEmitter.event;

  /** A new panel in the column beside the active editor, without taking the focus from it. */
  static create(extensionUri: vscode.Uri, store: ResultsStore, handle: MessageHandler): GradientPanel {
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      'Gradient Lens',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new GradientPanel(panel, extensionUri, store, handle);
  }

  /** Adopts a panel (a new one, or one VS Code restored after a reload). */
  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    store: ResultsStore,
    handle: MessageHandler,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'gradient-lens.svg');
    const surface = {
      webview: panel.webview,
      get visible() {
        return panel.visible;
      },
      onDidChangeVisibility: panel.onDidChangeViewState,
    };
    this.channel = new WebviewChannel(surface, store, { limits: PANEL_LIMITS, live: true, minIntervalMs: PANEL_MIN_INTERVAL_MS }, handle);
    this.disposables.push(
      this.channel,
      this.disposedEmitter,
      this.channel.onDidChangeUri((uri) => this.retitle(store, uri)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.retitle(store, this.channel.uri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'panel');
  }

  private retitle(store: ResultsStore, uri: string | undefined): void {
    const name = uri ? (store.get(uri)?.spec?.name ?? decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1))) : undefined;
    this.panel.title = name ? `Gradients: ${name}` : 'Gradient Lens';
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposedEmitter.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
