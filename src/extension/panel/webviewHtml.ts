// Webview options and HTML for the panel and the side view: scripts on, resources only from the bundle
// folder (dist/webview) and media/, a fresh nonce per load.
import * as vscode from 'vscode';
import { buildWebviewHtml, makeNonce } from './html';

export type WebviewEntry = 'panel' | 'sideView';

export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: localResourceRoots(extensionUri) };
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, entry: WebviewEntry): string {
  const asUri = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  return buildWebviewHtml({
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: asUri('dist', 'webview', `${entry}.js`),
    styleUris: [asUri('media', 'common.css'), asUri('media', `${entry}.css`)],
    title: entry === 'panel' ? 'Gradient Lens' : 'Gradients',
    loadingText: 'Loading the gradient view…',
  });
}
