// Text helpers of the editor features (no 'vscode' import). Numbers are written by the diagnostics'
// formatNumber / formatPercent, so Problems, hovers, CodeLens and the CLI print them the same way.
export { formatNumber, formatPercent as formatShare } from '../diagnostics';

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Escapes text for Markdown (hovers), so `*`, `_`, `|` and friends in names stay literal. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
