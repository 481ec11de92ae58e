// Bundles every target with esbuild: the extension host entry, the training worker, the CLI and the webviews.
// `--production` minifies and drops source maps; `--watch` rebuilds on change. Type checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { findDynamicCode, noDynamicCode } from '../webview/build/esbuildPlugins.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = { platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };
// The webviews run under a CSP without 'unsafe-eval': the plugin removes the toolkit's dead `new Function` fallback.
const browser = { platform: 'browser', format: 'iife', target: 'es2022', plugins: [noDynamicCode] };

const targets = [
  { entry: 'src/extension/main.ts', out: 'dist/extension.js', ...node },
  { entry: 'src/worker/trainingWorker.ts', out: 'dist/worker.js', ...node },
  { entry: 'src/cli/main.ts', out: 'dist/cli.js', ...node },
  { entry: 'webview/panel/main.ts', out: 'dist/webview/panel.js', ...browser },
  { entry: 'webview/sideView/main.ts', out: 'dist/webview/sideView.js', ...browser },
];

const missing = targets.filter((t) => !existsSync(t.entry));
for (const t of missing) console.warn(`build: skipping ${t.out}: ${t.entry} does not exist yet`);

const contexts = await Promise.all(
  targets
    .filter((t) => existsSync(t.entry))
    .map(({ entry, out, ...options }) =>
      esbuild.context({
        entryPoints: [entry],
        outfile: out,
        bundle: true,
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        logLevel: 'warning',
        legalComments: 'none',
        ...options,
      }),
    ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('build: watching');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // Nothing we ship may evaluate code from strings (no eval, no new Function), bundled libraries included.
  for (const t of targets.filter((t) => existsSync(t.out))) {
    const hits = findDynamicCode(readFileSync(t.out, 'utf8'));
    if (hits.length > 0) {
      console.error(`build: ${t.out} contains dynamic code:\n  ${hits.join('\n  ')}`);
      process.exit(1);
    }
  }
  console.log(`build: ${contexts.length} bundles in dist/${production ? ' (production)' : ''}`);
}
