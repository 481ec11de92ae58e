// The gradient views in the real extension host: one panel that follows the active spec, opened by its
// command, and the side view's registration.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openSpec, waitFor, waitForWebviewTab } from './helpers';

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('gradientLens.panel'));
}

describe('panel: gradient views', () => {
  before(() => activateExtension());
  afterEach(() => closeAllEditors());

  it('Show Gradient Panel opens one panel beside the spec, titled after it, and a second call reuses it', async () => {
    const editor = await openSpec('deep-tanh-w5.nn.yaml');
    await vscode.commands.executeCommand('gradientLens.showPanel');
    await waitForWebviewTab('gradientLens.panel');
    const title = await waitFor(() => panelTabs()[0]?.label.includes('deep tanh') && panelTabs()[0].label, 'the panel titled after the spec');
    assert.match(String(title), /^Gradients: deep tanh/);
    assert.notEqual(panelTabs()[0].group.viewColumn, editor.viewColumn, 'beside the editor, not over it');
    await vscode.commands.executeCommand('gradientLens.showPanel');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(panelTabs().length, 1);
  });

  it('the panel follows the active spec', async () => {
    await openSpec('deep-tanh-w5.nn.yaml');
    await vscode.commands.executeCommand('gradientLens.showPanel');
    await waitFor(() => panelTabs()[0]?.label.includes('weights 5.0'), 'titled after deep-tanh-w5');
    await openSpec('deep-tanh-w1.nn.yaml');
    await waitFor(() => panelTabs()[0]?.label.includes('weights 1.0'), `retitled after deep-tanh-w1 (now: ${panelTabs()[0]?.label})`);
    assert.equal(panelTabs().length, 1);
  });
});
