// "Did you mean ...?" for a misspelt key or name.

/** Edits (insert, delete, substitute, swap two neighbours) from a to b: 'tahn' → 'tanh' is 1. */
function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Lower case without '-', '_' and spaces: `learning_rate` and `LearningRate` both become `learningrate`. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** The closest known name, when it is close enough to be a likely typo; else undefined. */
export function closest(name: string, known: readonly string[]): string | undefined {
  const folded = fold(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = fold(candidate) === folded ? 0 : editDistance(folded, fold(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.min(folded.length, 12) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** ` (did you mean 'x'?)` or ''. */
export function didYouMean(name: string, known: readonly string[]): string {
  const hit = closest(name, known);
  return hit !== undefined ? ` (did you mean '${hit}'?)` : '';
}

/** `'a', 'b' or 'c'` */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
