// The reading context shared by every part of the spec reader: it walks the YAML tree, keeps the
// errors (all of them) and the ranges of every key it visited, and substitutes sweep values.
//
// Conventions: a field's `path` is dotted ('train.learningRate', 'layers[0].init'); a field's `range`
// covers its key and its value together; errors about a value point at the value, errors about an
// unknown key point at the key.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { SourceText } from './source';
import { didYouMean } from './suggest';
import type { Range, SpecError } from './types';

export type YNode = Node;

export interface Field {
  name: string;
  path: string;
  /** null when the key is absent from the document and a sweep value stands in for it. */
  key: YNode | null;
  /** null when the key is written without a value (`bias:`). */
  value: YNode | null;
  range: Range;
}

export interface NumberRule {
  integer?: boolean;
  min?: number;
  /** min is excluded (learningRate > 0). */
  above?: boolean;
  max?: number;
  /** max is excluded (beta < 1). */
  below?: boolean;
  /** A documented limit: over it is "over the limit" with the number and the limit in the message. */
  limit?: { max: number; what: string };
}

export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export class Reader {
  readonly errors: SpecError[] = [];
  readonly ranges: Record<string, Range> = {};
  /** Sweep paths whose value was substituted in this reading. */
  readonly usedOverrides = new Set<string>();

  constructor(
    readonly src: SourceText,
    private readonly doc: Document,
    private readonly overrides: ReadonlyMap<string, YNode> = new Map(),
  ) {}

  get overriding(): boolean {
    return this.overrides.size > 0;
  }

  /** Does a sweep value stand in for `prefix` or something under it? */
  overridesUnder(prefix: string): boolean {
    for (const path of this.overrides.keys()) if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) return true;
    return false;
  }

  /** Aliases (`*name`) stand for the node they name. */
  resolve(node: YNode | null | undefined): YNode | null {
    if (node && isAlias(node)) return (node.resolve(this.doc) as YNode | undefined) ?? null;
    return node ?? null;
  }

  nodeRange(node: YNode): Range {
    const r = node.range ?? [0, 0, 0];
    return this.src.range(r[0], r[1]);
  }

  error(at: YNode | Range, message: string, path?: string): void {
    const range = 'start' in at ? at : this.nodeRange(at);
    this.errors.push(path !== undefined ? { message, range, path } : { message, range });
  }

  /** Where an error about a field's value goes: the value, or the key when the value is missing. */
  valueRange(field: Field): Range {
    const value = this.resolve(field.value);
    if (value && value.range && value.range[1] > value.range[0]) return this.nodeRange(value);
    return field.key ? this.nodeRange(field.key) : field.range;
  }

  fieldError(field: Field, message: string): void {
    this.error(this.valueRange(field), message, field.path);
  }

  /** Is the value absent or an explicit null (`key:`, `key: null`, `key: ~`)? */
  isEmpty(node: YNode | null): boolean {
    const n = this.resolve(node);
    return n === null || (isScalar(n) && n.value === null);
  }

  /** A short description of what a node is, for "got ..." in messages. */
  describe(node: YNode | null): string {
    const n = this.resolve(node);
    if (n === null || (isScalar(n) && n.value === null)) return 'nothing';
    if (isMap(n)) return 'a mapping';
    if (isSeq(n)) return 'a list';
    if (isScalar(n)) {
      const v = n.value;
      if (typeof v === 'string') return `the text '${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
      if (typeof v === 'number' && !Number.isFinite(v)) return this.sourceOf(n);
      return String(v);
    }
    return 'an unknown value';
  }

  sourceOf(node: YNode): string {
    const r = node.range;
    return r ? this.src.text.slice(r[0], r[1]) : '';
  }

  /** The keys of a field's mapping value (see `fields`). */
  fieldsOf(field: Field, known: readonly string[], what = field.path): Map<string, Field> | undefined {
    return this.fields(field.value, field.path, known, what, this.valueRange(field));
  }

  /** Keys of a mapping by name, in source order; unknown keys are errors (with "did you mean"). */
  fields(node: YNode | null, path: string, known: readonly string[], what: string, fallback: Range): Map<string, Field> | undefined {
    const n = this.resolve(node);
    const out = new Map<string, Field>();
    if (!isMap(n)) {
      const at = n?.range && n.range[1] > n.range[0] ? this.nodeRange(n) : fallback;
      this.error(at, `${what} must be a mapping of keys (${known.join(', ')}), got ${this.describe(n)}`, path || undefined);
      return undefined;
    }
    for (const pair of n.items as Pair<YNode | null, YNode | null>[]) {
      const key = this.resolve(pair.key);
      if (!key || !isScalar(key) || typeof key.value !== 'string') {
        this.error(key ?? this.nodeRange(n), `keys of ${what} are names, got ${this.describe(key)}`, path || undefined);
        continue;
      }
      const name = key.value;
      const fieldPath = joinPath(path, name);
      if (!known.includes(name)) {
        this.error(key, `unknown key '${name}' in ${what}${didYouMean(name, known)}`, fieldPath);
        continue;
      }
      const value = pair.value ?? null;
      const end = value?.range ? Math.max(value.range[1], key.range![1]) : key.range![1];
      const range = this.src.range(key.range![0], end);
      out.set(name, { name, path: fieldPath, key, value, range });
      if (!this.overriding) this.ranges[fieldPath] = range;
    }
    for (const name of known) {
      const fieldPath = joinPath(path, name);
      const sub = this.overrides.get(fieldPath);
      if (!sub) continue;
      this.usedOverrides.add(fieldPath);
      const old = out.get(name);
      out.set(name, { name, path: fieldPath, key: old?.key ?? null, value: sub, range: this.nodeRange(sub) });
    }
    return out;
  }

  /** The items of a list (sweep values substituted per item path, `layers[2]`). */
  items(field: Field): { node: YNode | null; path: string }[] | undefined {
    const n = this.resolve(field.value);
    if (!isSeq(n)) {
      this.fieldError(field, `${field.path} must be a list, got ${this.describe(n)}`);
      return undefined;
    }
    return (n.items as (YNode | null)[]).map((item, i) => {
      const path = `${field.path}[${i}]`;
      const sub = this.overrides.get(path);
      if (sub) this.usedOverrides.add(path);
      return { node: sub ?? this.resolve(item), path };
    });
  }

  /** Report a required key that is missing; `at` is the mapping's own key or the list item's first line. */
  missing(at: Range, path: string, name: string, hint = ''): void {
    this.error(at, `missing required key '${name}'${path ? ` in ${path}` : ''}${hint}`, joinPath(path, name));
  }

  number(field: Field, rule: NumberRule = {}): number | undefined {
    const n = this.resolve(field.value);
    const v = isScalar(n) ? n.value : undefined;
    if (typeof v !== 'number') {
      this.fieldError(field, `${field.path} must be a number, got ${this.describe(n)}`);
      return undefined;
    }
    if (!Number.isFinite(v)) {
      this.fieldError(field, `${field.path} must be a finite number, got ${this.describe(n)}`);
      return undefined;
    }
    return this.checkNumber(field, v, rule) ? v : undefined;
  }

  /** Range and limit checks of a finite number; false (after reporting) when it fails one. */
  checkNumber(field: Field, v: number, rule: NumberRule): boolean {
    const p = field.path;
    if (rule.integer && !Number.isInteger(v)) return this.fail(field, `${p} must be a whole number, got ${v}`);
    if (rule.min !== undefined && (rule.above ? v <= rule.min : v < rule.min)) {
      return this.fail(field, `${p} must be ${rule.above ? '>' : '≥'} ${rule.min}, got ${v}`);
    }
    if (rule.max !== undefined && (rule.below ? v >= rule.max : v > rule.max)) {
      return this.fail(field, `${p} must be ${rule.below ? '<' : '≤'} ${rule.max}, got ${v}`);
    }
    if (rule.limit && v > rule.limit.max) {
      return this.fail(field, `${p} is ${v}, over the limit of ${rule.limit.max} ${rule.limit.what}`);
    }
    return true;
  }

  private fail(field: Field, message: string): false {
    this.fieldError(field, message);
    return false;
  }

  boolean(field: Field): boolean | undefined {
    const n = this.resolve(field.value);
    if (isScalar(n) && typeof n.value === 'boolean') return n.value;
    this.fieldError(field, `${field.path} must be true or false, got ${this.describe(n)}`);
    return undefined;
  }

  string(field: Field): string | undefined {
    const n = this.resolve(field.value);
    if (isScalar(n) && typeof n.value === 'string') return n.value;
    this.fieldError(field, `${field.path} must be text, got ${this.describe(n)}`);
    return undefined;
  }

  /** One of `names`; anything else is an error listing them (with "did you mean"). */
  oneOf<T extends string>(field: Field, names: readonly T[], what: string): T | undefined {
    const n = this.resolve(field.value);
    const v = isScalar(n) ? n.value : undefined;
    if (typeof v === 'string' && (names as readonly string[]).includes(v)) return v as T;
    if (typeof v === 'string') this.fieldError(field, `unknown ${what} '${v}'${didYouMean(v, names)}; expected one of ${names.join(', ')}`);
    else this.fieldError(field, `${field.path} must be one of ${names.join(', ')}, got ${this.describe(n)}`);
    return undefined;
  }

  /**
   * A name or a one-key mapping naming a variant with its parameters: `tanh`, `{leaky-relu: {a: 0.1}}`.
   * `plain` names may be written alone; `parametric` names take a mapping (or nothing, for the defaults).
   * Returns the name and, for the mapping form, the field of its parameters ('layers[0].activation.leaky-relu').
   */
  variant(field: Field, plain: readonly string[], parametric: readonly string[], what: string): { name: string; params?: Field } | undefined {
    const n = this.resolve(field.value);
    const all = [...plain, ...parametric.filter((p) => !plain.includes(p))];
    if (isScalar(n) && typeof n.value === 'string') {
      if (plain.includes(n.value)) return { name: n.value };
      if (parametric.includes(n.value)) {
        this.fieldError(field, `${what} '${n.value}' takes parameters: write {${n.value}: {...}}`);
        return undefined;
      }
      this.fieldError(field, `unknown ${what} '${n.value}'${didYouMean(n.value, all)}; expected one of ${all.join(', ')}`);
      return undefined;
    }
    if (isMap(n) && n.items.length === 1) {
      const pair = n.items[0] as Pair<YNode | null, YNode | null>;
      const key = this.resolve(pair.key);
      const name = isScalar(key) && typeof key.value === 'string' ? key.value : undefined;
      if (name === undefined || !all.includes(name)) {
        const hint = name !== undefined ? didYouMean(name, all) : '';
        this.error(key ?? n, `unknown ${what} ${name !== undefined ? `'${name}'` : this.describe(key)}${hint}; expected one of ${all.join(', ')}`, field.path);
        return undefined;
      }
      if (!parametric.includes(name)) {
        this.error(key!, `${what} '${name}' takes no parameters: write ${name}`, field.path);
        return undefined;
      }
      const path = joinPath(field.path, name);
      const value = pair.value ?? null;
      const end = value?.range ? Math.max(value.range[1], key!.range![1]) : key!.range![1];
      const range = this.src.range(key!.range![0], end);
      if (!this.overriding) this.ranges[path] = range;
      return { name, params: { name, path, key, value, range } };
    }
    this.fieldError(field, `${field.path} must be a ${what} name or a mapping of one ${what} name to its parameters, got ${this.describe(n)}`);
    return undefined;
  }
}
