// Figures measured by the editor tests: printed to the host console (the runner keeps it under the
// artefacts folder) and appended to editor-figures.txt next to the results file when GL_E2E_RESULTS is set.
import { appendFileSync } from 'node:fs';
import * as path from 'node:path';

export function printFigure(title: string, rows: string[]): void {
  const text = [`[figures] ${title}`, ...rows.map((r) => `  ${r}`)].join('\n');
  console.log(text);
  const results = process.env.GL_E2E_RESULTS;
  if (results) appendFileSync(path.join(path.dirname(results), 'editor-figures.txt'), `${text}\n`);
}
