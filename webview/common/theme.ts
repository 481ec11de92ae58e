// Colours come from VS Code's theme variables (set on <html> by the webview host), read at run time and
// re-read when the theme changes (VS Code swaps the body class: vscode-light, vscode-dark,
// vscode-high-contrast, vscode-high-contrast-light). Charts never hard-code a colour of their own.

export interface Palette {
  foreground: string;
  muted: string;
  background: string;
  grid: string;
  focus: string;
  fontFamily: string;
  fontSize: number;
  blue: string;
  red: string;
  yellow: string;
  orange: string;
  green: string;
  purple: string;
  highContrast: boolean;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value || fallback;
}

export function readPalette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const foreground = cssVar(style, '--vscode-editor-foreground', cssVar(style, '--vscode-foreground', '#cccccc'));
  const size = parseFloat(cssVar(style, '--vscode-font-size', '13'));
  return {
    foreground,
    muted: cssVar(style, '--vscode-descriptionForeground', foreground),
    background: cssVar(style, '--vscode-editor-background', '#1e1e1e'),
    grid: cssVar(style, '--vscode-charts-lines', cssVar(style, '--vscode-editorWidget-border', '#80808059')),
    focus: cssVar(style, '--vscode-focusBorder', '#007fd4'),
    fontFamily: cssVar(style, '--vscode-font-family', 'sans-serif'),
    fontSize: Number.isFinite(size) ? size : 13,
    blue: cssVar(style, '--vscode-charts-blue', '#3794ff'),
    red: cssVar(style, '--vscode-charts-red', '#f14c4c'),
    yellow: cssVar(style, '--vscode-charts-yellow', '#cca700'),
    orange: cssVar(style, '--vscode-charts-orange', '#d18616'),
    green: cssVar(style, '--vscode-charts-green', '#89d185'),
    purple: cssVar(style, '--vscode-charts-purple', '#b180d7'),
    highContrast: document.body.classList.contains('vscode-high-contrast'),
  };
}

/** Calls `listener` after VS Code changes the theme (it rewrites the body's class and the variables). */
export function onThemeChange(listener: () => void): void {
  let last = document.body.className;
  new MutationObserver(() => {
    if (document.body.className === last) return;
    last = document.body.className;
    listener();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

let probe: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour as [r, g, b, a] (0–255, alpha 0–1), through a canvas so every syntax a theme uses works. */
export function parseColor(color: string): [number, number, number, number] {
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return [128, 128, 128, 1];
  probe.fillStyle = '#000000';
  probe.fillStyle = color;
  const normal = String(probe.fillStyle); // '#rrggbb' or 'rgba(r, g, b, a)'
  if (normal.startsWith('#')) {
    const n = parseInt(normal.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const parts = normal.replace(/[^\d.,]/g, '').split(',').map(Number);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
}

export function withAlpha(color: string, alpha: number): string {
  const [r, g, b, a] = parseColor(color);
  return `rgba(${r}, ${g}, ${b}, ${Math.round(a * alpha * 1000) / 1000})`;
}

/** Colours for a sweep's runs, in order. */
export function runColors(palette: Palette): string[] {
  return [palette.blue, palette.orange, palette.green, palette.purple, palette.yellow, palette.red];
}
