// The HTML shell of a webview (panel or side view): a strict Content-Security-Policy, one stylesheet link per
// file from media/, and one nonce'd script (the esbuild IIFE bundle). Everything else the page shows is built by the script.
// Pure (no vscode), so the policy is unit-tested.
import { randomBytes } from 'node:crypto';

/** A fresh nonce per page load: 16 random bytes, base64 (CSP accepts base64 nonces). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface WebviewHtmlInput {
  cspSource: string; // webview.cspSource
  nonce: string;
  scriptUri: string; // webview.asWebviewUri(dist/webview/<name>.js)
  styleUris: string[]; // webview.asWebviewUri(media/<name>.css)
  title: string;
  /** Rendered before the script runs, for screen readers and a blank first paint. */
  loadingText: string;
}

/**
 * default-src 'none'; scripts only with this page's nonce (no 'unsafe-eval', no 'unsafe-inline'); styles from
 * the extension's own files or with the nonce. Chart.js and the toolkit set styles through the CSSOM
 * (element.style, adopted style sheets), which style-src does not govern, so no 'unsafe-inline' is needed.
 * The one <style> element the toolkit makes (FAST's :focus-visible probe) takes the nonce from
 * <meta property="csp-nonce">, which the page carries for that reason.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function buildWebviewHtml(input: WebviewHtmlInput): string {
  const csp = contentSecurityPolicy(input.cspSource, input.nonce);
  const styles = input.styleUris
    .map((uri) => `    <link rel="stylesheet" href="${escapeHtml(uri)}" nonce="${input.nonce}">`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
    <meta property="csp-nonce" content="${input.nonce}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
    <title>${escapeHtml(input.title)}</title>
  </head>
  <body>
    <main id="root" aria-busy="true"><p class="loading">${escapeHtml(input.loadingText)}</p></main>
    <script nonce="${input.nonce}" src="${escapeHtml(input.scriptUri)}"></script>
  </body>
</html>
`;
}
