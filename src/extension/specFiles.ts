// Which files are network specs (no 'vscode' import).
export const SPEC_GLOB = '**/*.nn.{yaml,yml,json}';
export const SPEC_PATTERNS = ['**/*.nn.yaml', '**/*.nn.yml', '**/*.nn.json'] as const;

const SPEC_NAME = /\.nn\.(ya?ml|json)$/i;

/** True for a path or uri string naming a spec file (`x.nn.yaml`, `x.nn.yml`, `x.nn.json`). */
export function isSpecPath(pathOrUri: string): boolean {
  return SPEC_NAME.test(pathOrUri.replace(/[?#].*$/, ''));
}

/** The spec's format from its name (.nn.json → json, else yaml), as the spec reader expects it. */
export function specFormat(pathOrUri: string): 'yaml' | 'json' {
  return /\.json$/i.test(pathOrUri.replace(/[?#].*$/, '')) ? 'json' : 'yaml';
}
