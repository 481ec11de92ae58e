// The gradient panel: one WebviewPanel beside the editor that follows the active spec (see index.ts for why
// one and not one per spec). It survives a window reload through the serializer: VS Code hands back the
// panel and the webview's saved state, and the panel reattaches to the store.
import * as vscode from 'vscode';
import type { HostToWebview } from '../../protocol';
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
  private nextToken = 1;
  private readonly pngWaiters = new Map<number, (dataUrl: string) => void>();
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
    const route: MessageHandler = (message, uri, shown) => {
      if (message.type === 'savePng' && message.token !== undefined) this.pngAnswered(message.token, message.dataUrl);
      else handle(message, uri, shown);
    };
    this.channel = new WebviewChannel(surface, store, { limits: PANEL_LIMITS, live: true, minIntervalMs: PANEL_MIN_INTERVAL_MS }, route);
    this.disposables.push(
      this.channel,
      this.disposedEmitter,
      this.channel.onDidChangeUri((uri) => this.retitle(store, uri)),
      // The title follows the active spec (and its name once parsed) even while the webview is hidden or still
      // loading, when the channel sends nothing.
      store.onDidChangeActive((uri) => {
        if (uri !== undefined) this.retitle(store, uri);
      }),
      store.onDidChange((uri) => {
        if (uri === this.channel.uri) this.retitle(store, uri);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    this.retitle(store, this.channel.uri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'panel');
  }

  private retitle(store: ResultsStore, uri: string | undefined): void {
    const name = uri ? (store.get(uri)?.spec?.name ?? decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1))) : undefined;
    const title = name ? `Gradients: ${name}` : 'Gradient Lens';
    if (this.panel.title !== title) this.panel.title = title;
  }

  /** The spec the panel shows. */
  get uri(): string | undefined {
    return this.channel.uri;
  }

  /**
   * A chart's PNG as a data URL, drawn by the webview (which shows the chart's tab first); '' when the chart
   * has nothing drawn. Rejects when the webview does not answer within `timeoutMs`.
   */
  requestPng(chart: string, timeoutMs = 10_000): Promise<string> {
    const token = this.nextToken++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pngWaiters.delete(token);
        reject(new Error(`the panel did not draw the ${chart} chart within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pngWaiters.set(token, (dataUrl) => {
        clearTimeout(timer);
        resolve(dataUrl);
      });
      void this.panel.webview.postMessage({ type: 'requestPng', chart, token } satisfies HostToWebview);
    });
  }

  private pngAnswered(token: number, dataUrl: string): void {
    const waiter = this.pngWaiters.get(token);
    this.pngWaiters.delete(token);
    waiter?.(dataUrl);
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
