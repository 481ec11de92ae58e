// One webview (the panel or the side view) kept in step with the results store's active spec.
// - The webview asks with 'ready' when its script has loaded; the answer is the full state.
// - Store changes are coalesced: at most one message per `minIntervalMs` (the panel: 100 ms, ≤ 10 redraws/s).
// - A hidden webview drops messages, so nothing is sent while hidden; the view is marked stale and gets the
//   full state when it shows again (or asks with 'ready' after being re-created).
import * as vscode from 'vscode';
import type { HostToWebview, PanelState, WebviewToHost } from '../../protocol';
import type { ResultsStore } from '../results';
import { planUpdate, type PlanOptions, type ShownSummary } from './updatePlan';

/** The parts of a WebviewPanel or WebviewView the channel uses. */
export interface WebviewSurface {
  readonly webview: vscode.Webview;
  readonly visible: boolean;
  readonly onDidChangeVisibility: vscode.Event<unknown>;
}

export interface ChannelOptions extends PlanOptions {
  minIntervalMs: number;
}

/** Handles every message but 'ready', with the spec the view shows and the last state it was sent. */
export type MessageHandler = (message: WebviewToHost, uri: string | undefined, shown: PanelState | undefined) => void;

export class WebviewChannel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private shown: ShownSummary | undefined;
  private lastState: PanelState | undefined;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSent = 0;
  private readonly onDidChangeUriEmitter = new vscode.EventEmitter<string | undefined>();
  /** Fires when the view switches to another spec (the panel retitles itself). */
  readonly onDidChangeUri = this.onDidChangeUriEmitter.event;

  constructor(
    private readonly surface: WebviewSurface,
    private readonly store: ResultsStore,
    private readonly options: ChannelOptions,
    private readonly handle: MessageHandler,
  ) {
    this.disposables.push(
      this.onDidChangeUriEmitter,
      surface.webview.onDidReceiveMessage((message: WebviewToHost) => this.receive(message)),
      surface.onDidChangeVisibility(() => {
        if (surface.visible) this.schedule();
      }),
      store.onDidChange((uri) => {
        if (uri === this.uri) this.schedule();
      }),
      store.onDidChangeActive((uri) => {
        // Keep showing the last spec when the focus moves to a non-spec editor (or to this very panel).
        if (uri !== undefined && uri !== this.shown?.uri) this.schedule();
      }),
    );
  }

  /** The spec shown: the store's active spec, or the one shown before when none is active. */
  get uri(): string | undefined {
    return this.store.activeUri ?? this.shown?.uri;
  }

  /** Forget what the view has (it was re-created) and send everything. */
  resend(): void {
    this.shown = undefined;
    this.schedule(true);
  }

  private receive(message: WebviewToHost): void {
    if (message.type === 'ready') {
      this.ready = true;
      this.resend();
      return;
    }
    this.handle(message, this.shown?.uri, this.lastState);
  }

  private schedule(now = false): void {
    if (this.timer !== undefined) {
      if (!now) return;
      clearTimeout(this.timer);
    }
    const wait = now ? 0 : Math.max(0, this.lastSent + this.options.minIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, wait);
  }

  private async flush(): Promise<void> {
    // Hidden or not loaded yet: send nothing now; visibility or 'ready' brings a full update.
    if (!this.ready || !this.surface.visible) {
      this.shown = undefined;
      return;
    }
    const uri = this.uri;
    const plan = planUpdate(this.shown, uri, uri ? this.store.get(uri) : undefined, this.options);
    if (!plan) return;
    const previousUri = this.shown?.uri;
    this.lastSent = Date.now();
    this.shown = plan.summary;
    if (plan.message.type === 'state') this.lastState = plan.message.state;
    if (previousUri !== uri) this.onDidChangeUriEmitter.fire(uri);
    const delivered = await this.post(plan.message);
    if (!delivered) this.shown = undefined; // the view went away meanwhile: send everything next time
  }

  private async post(message: HostToWebview): Promise<boolean> {
    try {
      return await this.surface.webview.postMessage(message);
    } catch {
      return false; // disposed
    }
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
