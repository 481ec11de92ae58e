// Helpers for extension-host tests (they run inside the real VS Code, see docs/TESTING.md). Every wait polls
// with a deadline and names what it waited for when it gives up; nothing here measures speed.
import { appendFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'gradient-lens.gradient-lens';
const DEFAULT_TIMEOUT_MS = 20_000;

/** The extension under test, activated. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}

/** The test workspace folder: a fresh temp copy of examples/ plus test/fixtures/e2e/workspace/. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri.fsPath;
}

/** A file of the test workspace, by path relative to its root ('deep-tanh-sweep.nn.yaml'). */
export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openSpec(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Replaces the whole text of the document (an unsaved edit, as if typed). */
export async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const ok = await editor.edit((b) => b.replace(whole, text));
  if (!ok) throw new Error(`edit of ${doc.uri.toString()} was refused`);
}

/** Polls `probe` every 100 ms until it returns something other than undefined/false. */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves with the document's diagnostics (polled every 100 ms) once `predicate` holds for them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diags = vscode.languages.getDiagnostics(uri);
      return predicate(diags) ? diags : undefined;
    },
    `diagnostics on ${uri.path} matching ${predicate.toString().slice(0, 120)}`,
    timeoutMs,
  );
}

function hoverPartText(part: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof part === 'string') return part;
  return part.value;
}

/** Every hover's text at `position` (markdown source), joined by newlines; '' when there is none. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap((h) => h.contents.map(hoverPartText)).join('\n');
}

/** The webview tab whose viewType ends with `viewType`, once it exists (tabs appear after executeCommand resolves). */
export async function waitForWebviewTab(viewType = 'gradientLens.panel', timeoutMs = DEFAULT_TIMEOUT_MS): Promise<vscode.Tab> {
  return waitFor(
    () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType)),
    `a webview tab of type ${viewType}`,
    timeoutMs,
  );
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Prints measured figures (never assert on them): to the host console, and to `<name>-figures.txt` next to the
 * results file, which the e2e runner prints under the suite and keeps in the artefacts folder. (console.log
 * output alone only reaches the browser console log: VS Code's extension host forbids replacing console.log.)
 */
export function printFigures(name: string, title: string, rows: string[]): void {
  const text = [`[figures] ${title}`, ...rows.map((r) => `  ${r}`)].join('\n');
  console.log(text);
  const results = process.env.GL_E2E_RESULTS;
  if (results) appendFileSync(path.join(path.dirname(results), `${name}-figures.txt`), `${text}\n`);
}
