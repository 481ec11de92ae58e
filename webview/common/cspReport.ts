// Reports Content-Security-Policy violations in the webview: a console warning with what was blocked and
// where, and a count on <body data-csp-violations> that the real-editor tests assert to stay 0.
export function watchCspViolations(): void {
  let count = 0;
  document.body.dataset.cspViolations = '0';
  document.addEventListener('securitypolicyviolation', (event) => {
    count++;
    document.body.dataset.cspViolations = String(count);
    const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : '';
    console.warn(`Gradient Lens CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}${where} ${event.sample}`);
  });
}
