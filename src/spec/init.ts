// `init:` of a layer entry: a number, xavier | he | lecun, {normal: {mean, std}}, {uniform: {low, high}}
// or explicit {weights: [[...]], bias: [...]} (row j = the weights into unit j, as PyTorch's Linear.weight).
import { isMap, isScalar } from 'yaml';
import type { ActivationSpec, InitSpec } from '../engine/types';
import { readMatrix, readVector } from './matrix';
import type { Field, Reader } from './reader';

export const INIT_NAMES = ['xavier', 'he', 'lecun'] as const;
const INIT_PARAMETRIC = ['normal', 'uniform'] as const;
const EXPLICIT_KEYS = ['weights', 'bias'] as const;

/** What the layer's shape is, for checking explicit weights; undefined parts are not checked. */
export interface InitShape {
  units: number | undefined;
  fanIn: number | undefined; // units of the layer below (or the inputs)
  fanInName: string; // 'inputs' or 'layers[0].units'
  bias: boolean;
  repeat: number;
}

/** The rule used when a layer has no `init:`: he for the ReLU family, lecun for selu, else xavier. */
export function defaultInit(activation: ActivationSpec | undefined): InitSpec {
  switch (activation?.kind) {
    case 'relu':
    case 'leaky-relu':
    case 'elu':
      return { kind: 'he' };
    case 'selu':
      return { kind: 'lecun' };
    default:
      return { kind: 'xavier' };
  }
}

function readExplicit(reader: Reader, field: Field, shape: InitShape): InitSpec | undefined {
  const fields = reader.fieldsOf(field, EXPLICIT_KEYS, `${field.path} (explicit weights)`);
  if (!fields) return undefined;
  const weightsField = fields.get('weights');
  if (!weightsField) {
    reader.missing(reader.valueRange(field), field.path, 'weights');
    return undefined;
  }
  let ok = true;
  const weights = readMatrix(reader, weightsField);
  if (!weights || !weights.ok) ok = false;
  else {
    if (shape.units !== undefined && weights.rows.length !== shape.units) {
      reader.fieldError(weightsField, `${weightsField.path} has ${weights.rows.length} rows but the layer has ${shape.units} units (one row per unit)`);
      ok = false;
    }
    if (shape.fanIn !== undefined && weights.width !== shape.fanIn) {
      reader.error(reader.resolve(weights.rowNodes[0]) ?? reader.valueRange(weightsField), `the rows of ${weightsField.path} have ${weights.width} values but the layer below has ${shape.fanIn} units (${shape.fanInName}); one column per unit below`, weightsField.path);
      ok = false;
    } else if (shape.repeat > 1 && shape.units !== undefined && weights.width !== shape.units) {
      reader.error(reader.resolve(weights.rowNodes[0]) ?? reader.valueRange(weightsField), `explicit weights are used for every copy of a repeated layer, so their rows need ${shape.units} values (this layer's units) as well as ${weights.width}`, weightsField.path);
      ok = false;
    }
  }
  let bias: number[] | undefined;
  const biasField = fields.get('bias');
  if (biasField) {
    if (!shape.bias) {
      reader.fieldError(biasField, `${biasField.path} is given but the layer has bias: false`);
      ok = false;
    } else {
      bias = readVector(reader, biasField);
      if (!bias) ok = false;
      else if (shape.units !== undefined && bias.length !== shape.units) {
        reader.fieldError(biasField, `${biasField.path} has ${bias.length} values but the layer has ${shape.units} units`);
        ok = false;
      }
    }
  }
  if (!ok || !weights) return undefined;
  return bias ? { kind: 'explicit', weights: weights.rows, bias } : { kind: 'explicit', weights: weights.rows };
}

function readParametric(reader: Reader, params: Field, kind: 'normal' | 'uniform'): InitSpec | undefined {
  const names = kind === 'normal' ? ['mean', 'std'] : ['low', 'high'];
  const fields = reader.fieldsOf(params, names);
  if (!fields) return undefined;
  const values: Record<string, number | undefined> = {};
  let ok = true;
  for (const name of names) {
    const f = fields.get(name);
    if (!f) {
      if (name === 'mean') values.mean = 0;
      else {
        reader.missing(reader.valueRange(params), params.path, name);
        ok = false;
      }
      continue;
    }
    values[name] = reader.number(f, name === 'std' ? { min: 0 } : {});
    if (values[name] === undefined) ok = false;
  }
  if (!ok) return undefined;
  if (kind === 'normal') return { kind: 'normal', mean: values.mean!, std: values.std! };
  if (values.low! > values.high!) {
    reader.fieldError(fields.get('high')!, `${params.path}.high (${values.high}) must be ≥ low (${values.low})`);
    return undefined;
  }
  return { kind: 'uniform', low: values.low!, high: values.high! };
}

export function readInit(reader: Reader, field: Field, shape: InitShape): InitSpec | undefined {
  const node = reader.resolve(field.value);
  if (isScalar(node) && typeof node.value === 'number') {
    const value = reader.number(field);
    return value === undefined ? undefined : { kind: 'constant', value };
  }
  if (isMap(node) && node.items.some((p) => isScalar(p.key) && (EXPLICIT_KEYS as readonly unknown[]).includes(p.key.value))) {
    return readExplicit(reader, field, shape);
  }
  const v = reader.variant(field, INIT_NAMES, INIT_PARAMETRIC, 'init');
  if (!v) return undefined;
  if (v.name === 'normal' || v.name === 'uniform') return readParametric(reader, v.params!, v.name);
  return { kind: v.name as 'xavier' | 'he' | 'lecun' };
}
