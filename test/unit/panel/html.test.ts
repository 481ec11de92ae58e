import * as assert from 'node:assert/strict';
import { buildWebviewHtml, contentSecurityPolicy, escapeHtml, makeNonce } from '../../../src/extension/panel/html';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function page(nonce = makeNonce()) {
  return {
    nonce,
    html: buildWebviewHtml({
      cspSource: CSP_SOURCE,
      nonce,
      scriptUri: `${CSP_SOURCE}/ext/dist/webview/panel.js`,
      styleUris: [`${CSP_SOURCE}/ext/media/common.css`, `${CSP_SOURCE}/ext/media/panel.css`],
      title: 'Gradient <Lens>',
      loadingText: 'Loading…',
    }),
  };
}

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'a CSP meta tag');
  return match[1].replace(/&#39;/g, "'");
}

describe('panel: webview HTML and CSP', () => {
  it('makes a fresh 16-byte base64 nonce each time', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, 'base64').length, 16);
  });

  it('puts the page’s nonce on every script and every stylesheet, and loads nothing else', () => {
    const { nonce, html } = page();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
    const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(links.length, 2);
    for (const tag of links) assert.ok(tag.includes(`nonce="${nonce}"`) && tag.includes(CSP_SOURCE), tag);
    assert.ok(html.includes(`<meta property="csp-nonce" content="${nonce}">`), 'the nonce for the toolkit’s <style> probe');
    assert.ok(!/\sstyle="/.test(html), 'no inline style attributes');
    assert.ok(!/<style\b/.test(html), 'no inline style elements');
  });

  it('has a strict policy: default-src none, scripts by nonce, no unsafe-eval or unsafe-inline', () => {
    const { nonce, html } = page();
    const csp = cspOf(html);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name, v]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
    assert.deepEqual(directives.get('style-src'), [CSP_SOURCE, `'nonce-${nonce}'`]);
    assert.deepEqual(directives.get('img-src'), [CSP_SOURCE, 'data:']);
    assert.deepEqual(directives.get('font-src'), [CSP_SOURCE]);
    assert.ok(!csp.includes('unsafe-eval'));
    assert.ok(!csp.includes('unsafe-inline'));
    assert.equal(csp, contentSecurityPolicy(CSP_SOURCE, nonce));
  });

  it('escapes text it puts into the page', () => {
    assert.ok(page().html.includes('<title>Gradient &lt;Lens&gt;</title>'));
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
