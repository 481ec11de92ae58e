// Starts code-server (a real VS Code) on 127.0.0.1 with all of its state in a temp folder, logging to a file.
// Webviews need a service worker, hence a secure context: bind to 127.0.0.1, never a LAN address.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnGroup, stopGroup, withTimeout } from './procs.mjs';

const SETTINGS = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // 1.139: keeps the chat bar out of the layout
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

/** A home for one code-server: config, user data (with settings), extensions, HOME/XDG folders. */
export function makeEditorHome(extraSettings = {}) {
  const root = mkdtempSync(join(tmpdir(), 'gl-e2e-editor-'));
  const dirs = {
    root,
    config: join(root, 'config.yaml'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    home: join(root, 'home'),
  };
  for (const d of [dirs.userData, join(dirs.userData, 'User'), dirs.extensions, dirs.home]) mkdirSync(d, { recursive: true });
  writeFileSync(dirs.config, 'auth: none\n');
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...extraSettings }, null, 2));
  return dirs;
}

function editorEnv(home, extraEnv) {
  return {
    ...process.env,
    HOME: home.home,
    XDG_CONFIG_HOME: join(home.home, '.config'),
    XDG_DATA_HOME: join(home.home, '.local', 'share'),
    XDG_CACHE_HOME: join(home.home, '.cache'),
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
    VSCODE_PROXY_URI: '',
    ...extraEnv,
  };
}

function commonArgs(home) {
  return ['--config', home.config, '--user-data-dir', home.userData, '--extensions-dir', home.extensions];
}

/** `code-server --install-extension file.vsix` into the home's extensions dir. */
export async function installVsix(editor, home, vsix) {
  const out = await new Promise((resolve, reject) => {
    const child = spawn(editor.nodeBin, [editor.entry, ...commonArgs(home), '--install-extension', vsix], {
      env: editorEnv(home, {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`--install-extension exited ${code}:\n${text}`))));
  });
  if (!/successfully installed/i.test(out)) throw new Error(`--install-extension did not confirm:\n${out}`);
  return out;
}

/**
 * Start code-server on 127.0.0.1:`port` (0: any free port); resolves once it listens. `extraArgs` e.g. ['--vscode-option', 'enable-smoke-test-driver'].
 * @returns {Promise<{port: number, url: (folder: string, query?: string) => string, stop: () => Promise<void>, logFile: string}>}
 */
export async function startCodeServer(editor, home, { logFile, env = {}, extraArgs = [], folder, port = 0 }) {
  const log = createWriteStream(logFile, { flags: 'a' });
  const args = [
    editor.entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    ...commonArgs(home), ...extraArgs, ...(folder ? [folder] : []),
  ];
  const child = spawnGroup(`code-server ${editor.codeServer}`, editor.nodeBin, args, {
    env: editorEnv(home, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const stop = async () => {
    await stopGroup(child);
    log.end();
  };
  try {
    const port = await withTimeout(
      new Promise((resolve, reject) => {
        let text = '';
        const scan = (d) => {
          text += d;
          const m = /HTTP server listening on https?:\/\/[^:\s]+:(\d+)/.exec(text);
          if (m) resolve(Number(m[1]));
        };
        child.stdout.on('data', scan);
        child.stderr.on('data', scan);
        child.once('exit', (code) => reject(new Error(`code-server exited ${code} before listening (log: ${logFile})`)));
      }),
      60_000,
      `starting code-server ${editor.codeServer}`,
    );
    const url = (dir, query = '') => `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dir)}${query}`;
    return { port, url, stop, logFile };
  } catch (err) {
    await stop();
    throw err;
  }
}

export function removeEditorHome(home) {
  rmSync(home.root, { recursive: true, force: true });
}
