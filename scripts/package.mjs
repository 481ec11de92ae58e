// `npm run package`: the .vsix with @vscode/vsce (offline; `vscode:prepublish` builds the production bundles).
// Output: dist-vsix/gradient-lens-<version>.vsix (gitignored). Prints the path and size; `--quiet` prints only
// the path. What goes in is decided by .vscodeignore.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the .vsix; returns its absolute path. */
export function packageVsix({ quiet = false, out: wanted } = {}) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const out = wanted ?? join(root, 'dist-vsix', `${name}-${version}.vsix`);
  mkdirSync(dirname(out), { recursive: true });
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const res = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (res.status !== 0) {
    throw new Error(`vsce package failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  if (!quiet) process.stdout.write(res.stdout.split('\n').filter((l) => /WARNING|DONE/.test(l)).join('\n') + '\n');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const quiet = process.argv.includes('--quiet');
    const out = packageVsix({ quiet });
    const kib = statSync(out).size / 1024;
    console.log(quiet ? out : `package: ${relative(root, out)} (${kib.toFixed(1)} KiB)`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
