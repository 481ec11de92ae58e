// The extension activates in a workspace that holds *.nn.yaml files and registers every command it declares.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, workspaceDir } from './helpers';

interface ManifestCommand {
  command: string;
}

describe('activation', () => {
  it('opens a workspace that holds spec files', async () => {
    const specs = await vscode.workspace.findFiles('**/*.nn.yaml');
    assert.ok(specs.length > 0, `no *.nn.yaml found in ${workspaceDir()}`);
  });

  it('activates because the workspace contains *.nn.yaml (no explicit activate call)', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in the editor`);
    const deadline = Date.now() + 30_000;
    while (!ext.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(ext.isActive, true, 'the extension did not activate on workspaceContains:**/*.nn.yaml');
    await ext.activate(); // rejects with the error if activate() threw (isActive is true even then)
  });

  it('registers every command the manifest declares', async () => {
    const ext = await activateExtension();
    const declared = ((ext.packageJSON.contributes?.commands ?? []) as ManifestCommand[]).map((c) => c.command);
    assert.ok(declared.includes('gradientLens.train'), 'the manifest lost gradientLens.train');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });
});
