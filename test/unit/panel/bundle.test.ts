// Builds the two webview bundles as scripts/build.mjs does for production (minified IIFE for the browser),
// in memory, and reads what went in.
import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { findDynamicCode, noDynamicCode } from '../../../webview/build/esbuildPlugins.mjs';

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [noDynamicCode],
  });
  return result.outputFiles[0].text;
}

describe('panel: webview bundles', function () {
  this.timeout(60_000);
  const texts = new Map<string, string>();
  before(async () => {
    texts.set('panel', await bundle('webview/panel/main.ts'));
    texts.set('sideView', await bundle('webview/sideView/main.ts'));
  });

  it('findDynamicCode finds eval and new Function, and not words that merely contain eval', () => {
    assert.equal(findDynamicCode('a=eval("1")').length, 1);
    assert.equal(findDynamicCode('x=new Function("return this")()').length, 1);
    assert.equal(findDynamicCode('retrieval(1); obj.eval(2); doEval(3)').length, 0);
  });

  for (const name of ['panel', 'sideView']) {
    it(`${name}: no eval and no new Function anywhere in the bundle`, () => {
      assert.deepEqual(findDynamicCode(texts.get(name)!), []);
    });

    it(`${name}: Chart.js is tree-shaken to the bar and line charts with category, linear and log axes`, () => {
      const text = texts.get(name)!;
      for (const id of ['bar', 'line', 'category', 'linear', 'logarithmic']) assert.ok(text.includes(`"${id}"`), id);
      for (const id of ['doughnut', 'radar', 'polarArea', 'bubble', 'scatter']) {
        assert.ok(!text.includes(`id="${id}"`) && !text.includes(`"${id}"`), `${id} should not be bundled`);
      }
    });
  }

  it('the side view leaves out the toolkit components only the panel uses', () => {
    assert.ok(texts.get('panel')!.includes('"vscode-dropdown"'));
    assert.ok(!texts.get('sideView')!.includes('"vscode-dropdown"'));
  });
});
