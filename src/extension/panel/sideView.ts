// The side view (gradientLens.sideView in the Gradient Lens activity-bar container): the active spec's verdict,
// a compact first-iteration gradient-flow chart and the findings. Light by construction: a state without
// heatmap or trace, at most one message a second, and no live runs while training (the progress line only).
import * as vscode from 'vscode';
import type { ResultsStore } from '../results';
import { SIDE_VIEW_LIMITS } from './panelState';
import { WebviewChannel, type MessageHandler } from './webviewChannel';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const SIDE_VIEW_ID = 'gradientLens.sideView';

const SIDE_VIEW_MIN_INTERVAL_MS = 1000;

export class SideViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private channel: WebviewChannel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: ResultsStore,
    private readonly handle: MessageHandler,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.channel?.dispose();
    view.webview.options = webviewOptions(this.extensionUri);
    const channel = new WebviewChannel(
      { webview: view.webview, get visible() { return view.visible; }, onDidChangeVisibility: view.onDidChangeVisibility },
      this.store,
      { limits: SIDE_VIEW_LIMITS, live: false, minIntervalMs: SIDE_VIEW_MIN_INTERVAL_MS },
      this.handle,
    );
    this.channel = channel;
    view.onDidDispose(() => {
      channel.dispose();
      if (this.channel === channel) this.channel = undefined;
    });
    view.webview.html = webviewHtml(view.webview, this.extensionUri, 'sideView');
  }

  dispose(): void {
    this.channel?.dispose();
    this.channel = undefined;
  }
}
