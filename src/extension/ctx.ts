// One object owns every lifetime of the extension (disposed on deactivate): output channel, settings,
// store, worker client, Problems, hovers, CodeLens, status bar, commands, document listeners, the views.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { verdict as verdictOf } from '../diagnostics';
import { SpecCodeLensProvider } from './codeLens';
import { registerCommands } from './commands';
import { Config } from './config';
import { KeyedDebouncer } from './debounce';
import { SpecHoverProvider } from './hovers';
import { Problems, toVsRange } from './problems';
import type { SpecResults } from './results';
import { SPEC_GLOB, SPEC_PATTERNS, isSpecPath } from './specFiles';
import { SpecService } from './specService';
import { VerdictStatusBar } from './statusBar';
import { SpecStore } from './store';
import { TrainingClient, type WorkerLike } from './trainingClient';

/** What activate() returns, for extension-host tests. */
export interface GradientLensApi {
  readonly store: SpecStore;
  /** Resolves when the spec (every spec without an argument) has no pending edit, analysis or training. */
  whenIdle(uri?: vscode.Uri | string): Promise<void>;
  /** ms from edit to findings of the latest analyses, newest first. */
  readonly analysisLatencies: readonly number[];
  /** Whether the training worker thread is running (it starts lazily). */
  workerStarted(): boolean;
  /** Host time spent on worker answers since activation (count, total and longest, ms). */
  workerMessageStats(): { messages: number; totalMs: number; maxMs: number };
}

const DOCUMENT_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

export function isSpecDocument(doc: vscode.TextDocument): boolean {
  return DOCUMENT_SCHEMES.has(doc.uri.scheme) && isSpecPath(doc.uri.path);
}

export type RegisterViews = (
  context: vscode.ExtensionContext,
  store: SpecStore,
  reveal: (uri: string, layer: number | null, line: number) => void,
) => vscode.Disposable;

export class Ctx implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly log: vscode.LogOutputChannel;
  readonly config: Config;
  readonly store: SpecStore;
  readonly client: TrainingClient;
  readonly problems: Problems;
  readonly service: SpecService;
  private readonly debouncer = new KeyedDebouncer();

  constructor(
    private readonly context: vscode.ExtensionContext,
    log: vscode.LogOutputChannel,
  ) {
    this.log = log;
    this.config = this.own(new Config());
    this.store = this.own(new SpecStore());
    const workerPath = path.join(context.extensionPath, 'dist', 'worker.js');
    this.client = new TrainingClient((lane) => new Worker(workerPath, { name: `gradient-lens-${lane}` }) as unknown as WorkerLike);
    this.own({ dispose: () => this.client.dispose() });
    this.own({ dispose: () => this.debouncer.dispose() });
    this.problems = this.own(new Problems());
    this.service = this.own(new SpecService(this.store, this.client, this.config, this.problems, this.log));
  }

  /** Wires everything up; `registerViews` is the panel's registerGradientViews. */
  start(registerViews: RegisterViews | undefined): GradientLensApi {
    const verdict = (r: SpecResults): string => verdictOf(r.findings, r.spec?.layerCount ?? 0);
    const selector: vscode.DocumentSelector = SPEC_PATTERNS.map((pattern) => ({ pattern }));
    this.own(vscode.languages.registerHoverProvider(selector, new SpecHoverProvider(this.store, (uri) => this.service.settled(uri))));
    const lenses = this.own(new SpecCodeLensProvider(this.store, this.config, verdict, (uri) => this.service.isTraining(uri)));
    this.own(vscode.languages.registerCodeLensProvider(selector, lenses));
    this.own(new VerdictStatusBar(this.store, verdict));
    for (const d of registerCommands({ service: this.service, log: this.log })) this.own(d);
    if (registerViews) this.own(registerViews(this.context, this.store, (uri, layer, line) => void this.reveal(uri, layer, line)));

    this.watchDocuments();
    this.watchWorkspace();
    this.own(this.service.onDidChangeTraining(() => this.setContext('gradientLens.training', this.service.trainingCount > 0)));
    this.own(
      this.config.onDidChange(() => {
        for (const doc of vscode.workspace.textDocuments) if (isSpecDocument(doc)) this.service.analyzeDocument(doc);
      }),
    );
    for (const doc of vscode.workspace.textDocuments) if (isSpecDocument(doc)) this.service.analyzeDocument(doc);
    this.followActiveEditor(vscode.window.activeTextEditor);

    const service = this.service;
    const debouncer = this.debouncer;
    const client = this.client;
    return {
      store: this.store,
      analysisLatencies: service.analysisLatencies,
      whenIdle: (uri) => service.whenIdle(uri?.toString(), (key) => debouncer.isPending(key)),
      workerStarted: () => client.isStarted('train'),
      workerMessageStats: () => ({ ...client.stats }),
    };
  }

  private watchDocuments(): void {
    this.own(
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (isSpecDocument(doc)) this.service.analyzeDocument(doc);
      }),
    );
    this.own(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!isSpecDocument(e.document) || e.contentChanges.length === 0) return;
        const key = e.document.uri.toString();
        this.service.cancelTraining(key);
        this.service.analyzeDocument(e.document);
        const { autoRun, debounceMs, autoRunMaxIterations } = this.config.value;
        if (autoRun === 'onType') {
          const uri = e.document.uri;
          this.debouncer.schedule(key, debounceMs, () => void this.service.train(uri, { maxIterations: autoRunMaxIterations }));
        } else {
          this.debouncer.cancel(key);
        }
      }),
    );
    this.own(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (!isSpecDocument(doc) || this.config.value.autoRun !== 'onSave') return;
        void this.service.train(doc.uri, { maxIterations: this.config.value.autoRunMaxIterations });
      }),
    );
    this.own(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (!isSpecDocument(doc)) return;
        this.debouncer.cancel(doc.uri.toString());
        this.service.forget(doc.uri);
      }),
    );
    this.own(vscode.window.onDidChangeActiveTextEditor((editor) => this.followActiveEditor(editor)));
  }

  private watchWorkspace(): void {
    const forget = (uri: vscode.Uri): void => {
      if (!isSpecPath(uri.path)) return;
      this.debouncer.cancel(uri.toString());
      this.service.forget(uri);
    };
    this.own(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(forget)));
    this.own(vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => forget(f.oldUri))));
    const watcher = this.own(vscode.workspace.createFileSystemWatcher(SPEC_GLOB));
    this.own(watcher.onDidDelete((uri) => (forget(uri), void this.updateHasSpecs())));
    this.own(watcher.onDidCreate(() => this.setContext('gradientLens.hasSpecs', true)));
    this.own(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const doc of vscode.workspace.textDocuments) if (isSpecDocument(doc)) this.service.analyzeDocument(doc);
      }),
    );
    void this.updateHasSpecs();
  }

  private async updateHasSpecs(): Promise<void> {
    const open = vscode.workspace.textDocuments.some(isSpecDocument);
    const found = open || (await vscode.workspace.findFiles(SPEC_GLOB, '**/node_modules/**', 1)).length > 0;
    await this.setContext('gradientLens.hasSpecs', found);
  }

  private followActiveEditor(editor: vscode.TextEditor | undefined): void {
    // The store's active spec is the active editor's, or the last active one when focus moves elsewhere.
    if (editor && isSpecDocument(editor.document)) {
      this.store.setActive(editor.document.uri.toString());
      void this.setContext('gradientLens.hasSpecs', true);
    }
  }

  /** Shows a layer's line in the spec editor (the panel's bars and findings call this). */
  private async reveal(uri: string, layer: number | null, line: number): Promise<void> {
    const target = vscode.Uri.parse(uri);
    const spec = this.store.get(uri)?.spec;
    const entry = layer === null ? undefined : spec?.entries.find((e) => layer >= e.firstLayer && layer <= e.lastLayer);
    const range = entry ? toVsRange(entry.keyRange) : new vscode.Range(line, 0, line, 0);
    const editor = await vscode.window.showTextDocument(target, { selection: range, preserveFocus: false, preview: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private setContext(key: string, value: boolean): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', key, value);
  }

  private own<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  dispose(): void {
    // Reverse order: listeners and providers first, the worker client and store last.
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch (error) {
        this.log.error(`dispose failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
