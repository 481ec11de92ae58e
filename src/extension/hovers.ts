// Hovers on spec files: a layer entry's figures, the loss, the init's weight scale, the learning rate's bound.
import * as vscode from 'vscode';
import { describeActivation, parameterCount } from '../engine';
import type { LayerConfig } from '../engine/types';
import { keyAt, layerAt } from '../spec';
import type { LayerEntry, NetworkSpec } from '../spec/types';
import { fanInOf, initHover, layerHover, learningRateHover, lossHover } from './hoverContent';
import { toVsRange } from './problems';
import type { SpecStore } from './store';

/** Weights + biases of every copy of a (possibly repeated) entry. */
export function entryParams(spec: NetworkSpec, entry: LayerEntry): number {
  const layer: LayerConfig = { units: entry.units, activation: entry.activation, bias: entry.bias, init: entry.init };
  const first = parameterCount(fanInOf(entry, spec), [layer]);
  return entry.repeat > 1 ? first + (entry.repeat - 1) * parameterCount(entry.units, [layer]) : first;
}

export class SpecHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: SpecStore,
    /** Resolves once the latest edit of the spec is analyzed, so ranges match the text on screen. */
    private readonly settled: (uri: string) => Promise<void>,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    await this.settled(doc.uri.toString());
    const results = this.store.get(doc.uri.toString());
    const spec = results?.spec;
    if (!results || !spec) return undefined;
    const pos = { line: position.line, column: position.character };
    const key = keyAt(spec, pos);
    const entry = layerAt(spec, pos);
    const markdown = (text: string, rangeKey: string | undefined): vscode.Hover => {
      const md = new vscode.MarkdownString(text);
      md.supportHtml = false;
      const range = rangeKey ? spec.ranges[rangeKey] : undefined;
      return new vscode.Hover(md, range ? toVsRange(range) : undefined);
    };
    if (key === 'loss') return markdown(lossHover(spec, results.runs, results.kind), key);
    if (key === 'train.learningRate') return markdown(learningRateHover(spec, results.findings, results.runs, results.kind), key);
    if (!entry) return undefined;
    const activation = describeActivation(entry.activation);
    const entryKey = `layers[${entry.entry}]`;
    if (key === `${entryKey}.init` || key?.startsWith(`${entryKey}.init.`)) {
      return markdown(initHover(spec, entry, activation), `${entryKey}.init`);
    }
    const text = layerHover({ spec, entry, activation, params: entryParams(spec, entry), runs: results.runs, kind: results.kind });
    return new vscode.Hover(new vscode.MarkdownString(text), toVsRange(entry.keyRange));
  }
}
