// `npm run demo`: Gradient Lens in a real VS Code without installing VS Code. Builds, packages the .vsix,
// installs code-server 4.100.3 (cached in .vscode-test/, like the e2e tests), installs the .vsix into a
// throw-away profile, opens examples/ and prints the URL to open in a browser. Runs until Ctrl-C, which stops
// code-server and removes the profile. `--port N` (or PORT=N) picks the port; default 8642, or any free one.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureEditor, editors, repoRoot } from '../test/e2e/lib/install.mjs';
import { installVsix, makeEditorHome, removeEditorHome, startCodeServer } from '../test/e2e/lib/codeServer.mjs';
import { installCleanupHandlers } from '../test/e2e/lib/procs.mjs';
import { ensureSystemPackages } from '../test/e2e/lib/systemDeps.mjs';
import { packageVsix } from './package.mjs';

installCleanupHandlers();
const portArg = process.argv.indexOf('--port');
const wantedPort = Number(portArg > 0 ? process.argv[portArg + 1] : process.env.PORT || 8642);

console.log('demo: building and packaging…');
execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
const vsix = packageVsix({ quiet: true });
ensureSystemPackages(['libkrb5-dev']);
console.log('demo: installing code-server 4.100.3 if needed (first time about a minute)…');
const editor = await ensureEditor(editors[0]);
const home = makeEditorHome({ 'workbench.startupEditor': 'readme' });
process.on('exit', () => removeEditorHome(home));
await installVsix(editor, home, vsix);
const folder = join(repoRoot, 'examples');
const logFile = join(home.root, 'code-server.log');
let server;
try {
  server = await startCodeServer(editor, home, { logFile, folder, port: wantedPort });
} catch {
  server = await startCodeServer(editor, home, { logFile, folder, port: 0 }); // the port was taken
}
console.log(`\nGradient Lens is running in VS Code ${editor.version} (code-server). Open:\n\n  ${server.url(folder)}\n`);
console.log('Open a *.nn.yaml file, then F1 → "Gradient Lens: Train Network". Ctrl-C stops the demo.');
await new Promise(() => undefined); // until a signal; installCleanupHandlers stops code-server
