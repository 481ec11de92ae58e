// Train Network, Check Gradients and Stop Training (Show Gradient Panel belongs to the panel: ./panel).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkPassed, checkSummary, checkTable } from './checkReport';
import { formatNumber } from './format';
import { SPEC_GLOB, isSpecPath } from './specFiles';
import type { CheckOutcome, SpecService } from './specService';

interface CommandDeps {
  service: SpecService;
  log: vscode.LogOutputChannel;
}

/** The spec a command acts on: its argument (editor title, CodeLens), the active editor's, or one picked. */
export async function resolveSpec(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri && isSpecPath(arg.path)) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isSpecPath(active.path)) return active;
  const files = await vscode.workspace.findFiles(SPEC_GLOB, '**/node_modules/**', 500);
  if (files.length === 0) {
    void vscode.window.showInformationMessage('Gradient Lens: no network spec (*.nn.yaml, *.nn.yml, *.nn.json) in this workspace.');
    return undefined;
  }
  if (files.length === 1) return files[0];
  files.sort((a, b) => a.path.localeCompare(b.path));
  const picked = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: path.posix.basename(uri.path), description: vscode.workspace.asRelativePath(uri, true), uri })),
    { title: 'Gradient Lens', placeHolder: 'Pick a network spec', matchOnDescription: true },
  );
  return picked?.uri;
}

/** Not awaited by the commands: a notification stays until dismissed, the command is done before that. */
function showSpecErrors(uri: vscode.Uri, count: number): void {
  void vscode.window
    .showErrorMessage(`${path.posix.basename(uri.path)} has ${count} error${count === 1 ? '' : 's'}; nothing was run.`, 'Show Problems')
    .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
}

async function openPanel(log: vscode.LogOutputChannel): Promise<void> {
  try {
    await vscode.commands.executeCommand('gradientLens.showPanel');
  } catch (error) {
    log.warn(`could not open the gradient panel: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function registerCommands({ service, log }: CommandDeps): vscode.Disposable[] {
  const train = async (arg?: unknown): Promise<void> => {
    const uri = await resolveSpec(arg);
    if (!uri) return;
    // Show the spec being trained, so its findings and the panel (which follows the active spec) match.
    if (vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString()) {
      await vscode.window.showTextDocument(uri, { preview: false });
    }
    const name = path.posix.basename(uri.path);
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Training ${name}`, cancellable: true },
      (progress, token) => {
        let reported = 0;
        const work = service.train(uri, {
          token,
          onProgress: (p) => {
            const done = p.iterations > 0 ? ((p.run + p.iteration / p.iterations) / p.runs) * 100 : 0;
            const run = p.runs > 1 ? `run ${p.run + 1}/${p.runs}, ` : '';
            progress.report({
              message: `${run}iteration ${p.iteration}/${p.iterations}, loss ${formatNumber(p.loss)}`,
              increment: Math.max(0, done - reported),
            });
            reported = Math.max(reported, done);
          },
        });
        void openPanel(log);
        return work;
      },
    );
    if (outcome.kind === 'invalid') showSpecErrors(uri, outcome.errors.length);
    else if (outcome.kind === 'failed') void vscode.window.showErrorMessage(`Gradient Lens: ${outcome.message}`, 'Show Log').then((c) => c && log.show(true));
    else if (outcome.kind === 'done') await openPanel(log);
  };

  /** Returns the outcome (for scripts and tests); the person sees a notification and the table in the log. */
  const check = async (arg?: unknown): Promise<CheckOutcome | undefined> => {
    const uri = await resolveSpec(arg);
    if (!uri) return undefined;
    const name = path.posix.basename(uri.path);
    let outcome: CheckOutcome;
    try {
      outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Checking gradients of ${name}`, cancellable: true },
        (_progress, token) => service.check(uri, token),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(`Gradient Lens: gradient check failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    if (outcome.kind === 'invalid') {
      showSpecErrors(uri, outcome.errors.length);
      return outcome;
    }
    if (outcome.kind === 'cancelled') return outcome;
    for (const { label, report } of outcome.runs) {
      log.info(checkSummary(report, label ? `${name} [${label}]` : name));
      for (const line of checkTable(report)) log.info(`  ${line}`);
    }
    // The notification names the worst run (the first failing one, else the largest error) and how many there were.
    const failing = outcome.runs.filter((r) => !checkPassed(r.report));
    const worst = failing[0] ?? outcome.runs.reduce((a, b) => (b.report.maxRelError > a.report.maxRelError ? b : a));
    const runs = outcome.runs.length > 1 ? ` (${failing.length || 'none'} of ${outcome.runs.length} runs failing; worst shown)` : '';
    const summary = checkSummary(worst.report, worst.label ? `${name} [${worst.label}]` : name) + runs;
    const show = failing.length === 0
      ? vscode.window.showInformationMessage(summary, 'Show Table')
      : vscode.window.showWarningMessage(summary, 'Show Table');
    void show.then((choice) => choice && log.show(true));
    return outcome;
  };

  const stop = (arg?: unknown): void => {
    service.stop(arg instanceof vscode.Uri ? arg.toString() : undefined);
  };

  return [
    vscode.commands.registerCommand('gradientLens.train', train),
    vscode.commands.registerCommand('gradientLens.checkGradients', check),
    vscode.commands.registerCommand('gradientLens.stop', stop),
  ];
}
