// A small JSON Schema (draft-07) validator for the keywords schemas/nn-spec.schema.json uses, so the tests
// can check examples and fixtures against the schema without a schema library. Unknown keywords are
// annotations (description, markdownDescription, default, examples, enumDescriptions) and are ignored;
// a keyword this subset does not implement makes the check throw, so the schema cannot outgrow it silently.
type Schema = Record<string, unknown> | boolean;

const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'markdownDescription', 'default', 'examples', 'enumDescriptions', 'definitions']);
const IMPLEMENTED = new Set([
  'type', 'enum', 'required', 'properties', 'additionalProperties', 'propertyNames', 'items', 'minItems',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'pattern', 'oneOf', 'allOf', '$ref',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function hasType(v: unknown, t: string): boolean {
  if (t === 'integer') return typeof v === 'number' && Number.isInteger(v);
  if (t === 'number') return typeof v === 'number' && Number.isFinite(v);
  return typeOf(v) === t;
}

export class SchemaValidator {
  constructor(private readonly root: Record<string, unknown>) {}

  /** Every violation as 'path: message'; empty when the value is valid. */
  validate(value: unknown): string[] {
    return this.check(this.root, value, '$');
  }

  private resolve(ref: string): Schema {
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    let node: unknown = this.root;
    for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
    if (node === undefined) throw new Error(`dangling $ref ${ref}`);
    return node as Schema;
  }

  private check(schema: Schema, v: unknown, at: string): string[] {
    if (schema === true) return [];
    if (schema === false) return [`${at}: not allowed`];
    for (const k of Object.keys(schema)) if (!ANNOTATIONS.has(k) && !IMPLEMENTED.has(k)) throw new Error(`keyword ${k} is not implemented`);
    const s = schema as Record<string, any>;
    const out: string[] = [];
    if (s.$ref) out.push(...this.check(this.resolve(s.$ref), v, at));
    if (s.type !== undefined) {
      const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
      if (!types.some((t) => hasType(v, t))) return [...out, `${at}: expected ${types.join(' or ')}, got ${typeOf(v)}`];
    }
    if (s.enum && !s.enum.some((e: unknown) => e === v)) out.push(`${at}: ${JSON.stringify(v)} is not one of ${s.enum.join(', ')}`);
    if (typeof v === 'number') {
      if (s.minimum !== undefined && v < s.minimum) out.push(`${at}: ${v} < ${s.minimum}`);
      if (s.maximum !== undefined && v > s.maximum) out.push(`${at}: ${v} > ${s.maximum}`);
      if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) out.push(`${at}: ${v} ≤ ${s.exclusiveMinimum}`);
      if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) out.push(`${at}: ${v} ≥ ${s.exclusiveMaximum}`);
    }
    if (typeof v === 'string') {
      if (s.minLength !== undefined && v.length < s.minLength) out.push(`${at}: shorter than ${s.minLength}`);
      if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v)) out.push(`${at}: does not match ${s.pattern}`);
    }
    if (Array.isArray(v)) {
      if (s.minItems !== undefined && v.length < s.minItems) out.push(`${at}: fewer than ${s.minItems} items`);
      if (s.items) v.forEach((item, i) => out.push(...this.check(s.items, item, `${at}[${i}]`)));
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      for (const r of s.required ?? []) if (!(r in obj)) out.push(`${at}: missing ${r}`);
      for (const [k, x] of Object.entries(obj)) {
        if (s.propertyNames) out.push(...this.check(s.propertyNames, k, `${at}.${k} (name)`));
        if (s.properties && k in s.properties) out.push(...this.check(s.properties[k], x, `${at}.${k}`));
        else if (s.additionalProperties !== undefined) out.push(...this.check(s.additionalProperties, x, `${at}.${k}`));
      }
    }
    if (s.allOf) for (const sub of s.allOf) out.push(...this.check(sub, v, at));
    if (s.oneOf) {
      const results = (s.oneOf as Schema[]).map((sub) => this.check(sub, v, at));
      const passing = results.filter((r) => r.length === 0).length;
      if (passing !== 1) out.push(`${at}: matches ${passing} of the oneOf alternatives, not exactly one (${results.map((r) => r[0] ?? 'ok').join(' | ')})`);
    }
    return out;
  }
}
