// Entry of dist/extension.js. Activation failures are shown to the user and logged, never swallowed.
import * as vscode from 'vscode';
import { Ctx, type GradientLensApi } from './ctx';
import { registerGradientViews } from './panel';

let ctx: Ctx | undefined;

export function activate(context: vscode.ExtensionContext): GradientLensApi {
  const log = vscode.window.createOutputChannel('Gradient Lens', { log: true });
  context.subscriptions.push(log);
  try {
    ctx = new Ctx(context, log);
    context.subscriptions.push(ctx);
    const api = ctx.start(registerGradientViews);
    log.info(`Gradient Lens ${String(context.extension.packageJSON.version)} activated`);
    return api;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log.error(`activation failed: ${message}`);
    void vscode.window
      .showErrorMessage(`Gradient Lens failed to start: ${error instanceof Error ? error.message : String(error)}`, 'Show Log')
      .then((choice) => choice && log.show(true));
    ctx?.dispose();
    ctx = undefined;
    throw error;
  }
}

export function deactivate(): void {
  ctx?.dispose();
  ctx = undefined;
}
