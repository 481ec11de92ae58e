// `train:` → TrainSettings. optimizer: sgd | momentum | adam, or {momentum: {beta}} / {adam: {beta1, beta2, epsilon}}.
import { isScalar } from 'yaml';
import type { OptimizerConfig } from '../engine/types';
import { LIMITS } from './limits';
import type { Field, NumberRule, Reader } from './reader';
import type { TrainSettings } from './types';

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'adam'] as const;
const TRAIN_KEYS = ['optimizer', 'learningRate', 'iterations', 'batchSize'] as const;

export const OPTIMIZER_DEFAULTS = Object.freeze({ beta: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });

const BETA: NumberRule = { min: 0, max: 1, below: true };

function readOptimizer(reader: Reader, field: Field): OptimizerConfig | undefined {
  const v = reader.variant(field, OPTIMIZER_NAMES, ['momentum', 'adam'], 'optimizer');
  if (!v) return undefined;
  if (v.name === 'sgd') return { kind: 'sgd' };
  const defaults: Record<string, number> =
    v.name === 'momentum' ? { beta: OPTIMIZER_DEFAULTS.beta } : { beta1: OPTIMIZER_DEFAULTS.beta1, beta2: OPTIMIZER_DEFAULTS.beta2, epsilon: OPTIMIZER_DEFAULTS.epsilon };
  const values = { ...defaults };
  if (v.params && !reader.isEmpty(v.params.value)) {
    const fields = reader.fieldsOf(v.params, Object.keys(defaults));
    if (!fields) return undefined;
    let ok = true;
    for (const [name, f] of fields) {
      const x = reader.number(f, name === 'epsilon' ? { min: 0, above: true } : BETA);
      if (x === undefined) ok = false;
      else values[name] = x;
    }
    if (!ok) return undefined;
  }
  return v.name === 'momentum'
    ? { kind: 'momentum', beta: values.beta }
    : { kind: 'adam', beta1: values.beta1, beta2: values.beta2, epsilon: values.epsilon };
}

function readBatchSize(reader: Reader, field: Field): 'full' | number | undefined {
  const n = reader.resolve(field.value);
  if (isScalar(n) && n.value === 'full') return 'full';
  if (isScalar(n) && typeof n.value === 'number') return reader.number(field, { integer: true, min: 1 });
  reader.fieldError(field, `train.batchSize must be 'full' or a whole number ≥ 1, got ${reader.describe(n)}`);
  return undefined;
}

export function readTrain(reader: Reader, field: Field): TrainSettings | undefined {
  const fields = reader.fieldsOf(field, TRAIN_KEYS);
  if (!fields) return undefined;
  let ok = true;
  const at = field.key ? reader.nodeRange(field.key) : field.range;

  const optimizerField = fields.get('optimizer');
  const optimizer = optimizerField ? readOptimizer(reader, optimizerField) : { kind: 'sgd' as const };
  if (!optimizer) ok = false;

  const lrField = fields.get('learningRate');
  const learningRate = lrField ? reader.number(lrField, { min: 0, above: true }) : undefined;
  if (!lrField) reader.missing(at, 'train', 'learningRate');
  if (learningRate === undefined) ok = false;

  const itField = fields.get('iterations');
  const iterations = itField ? reader.number(itField, { integer: true, min: 1, limit: { max: LIMITS.iterations, what: 'iterations' } }) : undefined;
  if (!itField) reader.missing(at, 'train', 'iterations');
  if (iterations === undefined) ok = false;

  const bsField = fields.get('batchSize');
  const batchSize = bsField ? readBatchSize(reader, bsField) : 'full';
  if (batchSize === undefined) ok = false;

  if (!ok) return undefined;
  return { optimizer: optimizer!, learningRate: learningRate!, iterations: iterations!, batchSize: batchSize! };
}
