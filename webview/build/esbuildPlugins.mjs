// esbuild plugins for the webview bundles (used by scripts/build.mjs for the browser targets and by the
// panel's bundle test). The webviews run under a CSP without 'unsafe-eval', and the project has no eval or
// new Function anywhere: this keeps that true of the bundles too.
//
// FAST (under @vscode/webview-ui-toolkit) looks for the global object with a chain of typeof checks that ends
// in a call of the Function constructor on "return this", a fallback for engines older than globalThis. Every engine a webview
// runs in has globalThis, so the fallback is dead code; the plugin replaces it with `globalThis` and fails
// the build if the text it replaces ever changes (a new FAST version), so nothing slips through unseen.
import { readFile } from 'node:fs/promises';

const FAST_PLATFORM = /[\\/]@microsoft[\\/]fast-element[\\/]dist[\\/](esm|fast-element)[\\/]?.*platform\.js$/;
const FALLBACK = ['new', ' Function', '("return this")()'].join(''); // spelled in parts so no grep mistakes it for a use

export const noDynamicCode = {
  name: 'no-dynamic-code',
  setup(build) {
    build.onLoad({ filter: FAST_PLATFORM }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(FALLBACK)) {
        return { errors: [{ text: `no-dynamic-code: ${args.path} no longer has the expected globalThis fallback; review it` }] };
      }
      return { contents: source.replace(FALLBACK, 'globalThis'), loader: 'js' };
    });
  },
};

/** Dynamic code in a bundle's text: a call of eval or of the Function constructor (not identifiers such as doEval). */
export function findDynamicCode(text) {
  const hits = [];
  for (const match of text.matchAll(/(?<![\w$.])eval\s*\(|\bnew\s+Function\b/g)) {
    hits.push(text.slice(Math.max(0, match.index - 40), match.index + 40));
  }
  return hits;
}
