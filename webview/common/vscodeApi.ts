// The one handle a webview has on VS Code: typed messages to the host and a JSON-serialisable state that
// survives the webview being hidden, moved or the window reloading.
import type { WebviewToHost } from '../../src/protocol';

interface VsCodeApi<S> {
  postMessage(message: WebviewToHost): void;
  getState(): S | undefined;
  setState(state: S): S;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

let api: VsCodeApi<unknown> | undefined;

/** acquireVsCodeApi may be called once per page; every module goes through this. */
export function vscodeApi<S>(): VsCodeApi<S> {
  api ??= acquireVsCodeApi<unknown>();
  return api as VsCodeApi<S>;
}

export function post(message: WebviewToHost): void {
  vscodeApi().postMessage(message);
}
