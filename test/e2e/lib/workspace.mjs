// The folder the editor opens in tests: a fresh temp copy of examples/ plus test/fixtures/e2e/workspace/.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './install.mjs';

export function makeWorkspace(label) {
  const dir = mkdtempSync(join(tmpdir(), `gl-e2e-ws-${label}-`));
  for (const src of [join(repoRoot, 'examples'), join(repoRoot, 'test/fixtures/e2e/workspace')]) {
    if (existsSync(src)) cpSync(src, dir, { recursive: true });
  }
  return dir;
}

export function removeWorkspace(dir) {
  rmSync(dir, { recursive: true, force: true });
}
