// Settings under `gradientLens.*`, typed, re-read when they change (onDidChange fires after the re-read).
import * as vscode from 'vscode';
import { type GradientLensConfig, readConfig } from './configModel';

const SECTION = 'gradientLens';

export class Config implements vscode.Disposable {
  private current: GradientLensConfig;
  private readonly changed = new vscode.EventEmitter<GradientLensConfig>();
  private readonly listener: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor() {
    this.current = Config.read();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      this.current = Config.read();
      this.changed.fire(this.current);
    });
  }

  get value(): GradientLensConfig {
    return this.current;
  }

  private static read(): GradientLensConfig {
    const c = vscode.workspace.getConfiguration(SECTION);
    // Only values the user set count as overrides (inspect), so a threshold left alone follows the
    // diagnostics' DEFAULT_THRESHOLDS even if those change; other settings fall back to their defaults.
    return readConfig((key) => {
      const i = c.inspect(key);
      return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    });
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
