// "Did you mean ...?" for a misspelt key or name.

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
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
