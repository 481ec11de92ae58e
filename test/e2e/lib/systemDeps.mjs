// Debian packages the real-editor layers need: Chromium (the window the UI tests drive) and libkrb5-dev
// (code-server's kerberos module compiles against it). On a fresh machine where we are root with apt-get, they are
// installed here, so `npm test` and `npm run demo` work without a setup step; otherwise the message says what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './browser.mjs';

const has = {
  chromium: () => existsSync(chromiumPath),
  'libkrb5-dev': () => spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status === 0 || existsSync('/usr/include/krb5.h'),
};

/** Makes sure the named Debian packages are there; throws with the command to run when it cannot install them. */
export function ensureSystemPackages(names) {
  const missing = names.filter((name) => !has[name]());
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!root || !apt) throw new Error(`missing Debian packages: ${missing.join(', ')}; install them first: sudo ${command}`);
  process.stdout.write(`installing Debian packages: ${missing.join(', ')} (once)…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const still = missing.filter((name) => !has[name]());
  if (still.length > 0) throw new Error(`apt-get did not install ${still.join(', ')}`);
}
