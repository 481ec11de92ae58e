// Numbers as people read them in this project: scientific notation with a real exponent (4.39 × 10⁻³⁰³), as
// the seed tables print them. Values that cannot be shown (NaN, ±Infinity, missing) get a word, not a blank.

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
}

export function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function special(x: number | null | undefined): string | undefined {
  if (x === null || x === undefined) return '—';
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  return undefined;
}

/** Mantissa and exponent of x in base 10 with `digits` digits after the point (4.39, −303). */
export function sciParts(x: number, digits = 2): { mantissa: string; exponent: number } {
  const [m, e] = x.toExponential(digits).split('e');
  return { mantissa: m.replace('-', '−'), exponent: Number(e) };
}

/** 4.39 × 10⁻³⁰³ (plain text, for tooltips and labels). Exponents 0 print without the power. */
export function sci(x: number | null | undefined, digits = 2): string {
  const word = special(x);
  if (word !== undefined) return word;
  const { mantissa, exponent } = sciParts(x as number, digits);
  return exponent === 0 ? mantissa : `${mantissa} × 10${superscript(exponent)}`;
}

/** Short form for axes and compact labels: 0.125, 12.5, 1.2e-30. */
export function short(x: number | null | undefined): string {
  const word = special(x);
  if (word !== undefined) return word;
  const v = x as number;
  const a = Math.abs(v);
  if (v === 0) return '0';
  if (a >= 1e-3 && a < 1e4) return String(Number(v.toPrecision(3)));
  return v.toExponential(1);
}

/** A power of ten as an axis label: 10⁻³⁰³. */
export function powerOfTen(exponent: number): string {
  return exponent === 0 ? '1' : `10${superscript(exponent)}`;
}

/** The element form of sci(): a mantissa, '× 10' and a <sup> exponent, for tables. */
export function sciElement(x: number | null | undefined, digits = 2): HTMLElement {
  const span = document.createElement('span');
  span.className = 'sci';
  const word = special(x);
  if (word !== undefined) {
    span.textContent = word;
    return span;
  }
  const { mantissa, exponent } = sciParts(x as number, digits);
  if (exponent === 0) {
    span.textContent = mantissa;
    return span;
  }
  const sup = document.createElement('sup');
  sup.textContent = String(exponent).replace('-', '−');
  span.append(`${mantissa} × 10`, sup);
  return span;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A share 0…1 as a percentage: 12.5 %. */
export function percent(x: number | null | undefined): string {
  const word = special(x);
  if (word !== undefined) return word;
  return `${Number(((x as number) * 100).toFixed(1))} %`;
}
