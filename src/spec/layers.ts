// `layers:` → LayerEntry[], with the layer-count, units and parameter limits checked per entry
// (arithmetic only: nothing is expanded or allocated here).
import type { ActivationSpec } from '../engine/types';
import { readActivation } from './activation';
import { defaultInit, readInit } from './init';
import { LIMITS } from './limits';
import type { Field, Reader } from './reader';
import type { LayerEntry, Range } from './types';

const LAYER_KEYS = ['units', 'activation', 'bias', 'init', 'repeat'] as const;

export interface LayersRead {
  entries: LayerEntry[];
  ok: boolean;
  layerCount: number;
  params: number;
}

/** Weights + biases of `repeat` copies of a layer of `units` over `fanIn` units (the first copy) and over itself. */
export function entryParams(fanIn: number, units: number, bias: boolean, repeat: number): number {
  const b = bias ? units : 0;
  return units * fanIn + b + (repeat - 1) * (units * units + b);
}

function firstLineRange(reader: Reader, start: number, end: number): Range {
  return reader.src.range(start, Math.min(reader.src.lineEnd(start), end));
}

export function readLayers(reader: Reader, field: Field, inputs: number | undefined): LayersRead {
  const out: LayersRead = { entries: [], ok: true, layerCount: 0, params: 0 };
  const items = reader.items(field);
  if (!items) return { ...out, ok: false };
  if (items.length === 0) {
    reader.fieldError(field, 'layers is empty; a network needs at least one layer (the output layer)');
    return { ...out, ok: false };
  }
  let fanIn = inputs;
  let fanInName = 'inputs';
  let layerLimitReported = false;
  let paramLimitReported = false;
  items.forEach((item, index) => {
    const node = reader.resolve(item.node);
    const r = node?.range ?? field.value?.range ?? [0, 0, 0];
    const range = reader.src.range(r[0], r[1]);
    const keyRange = firstLineRange(reader, r[0], r[1]);
    if (!reader.overriding) reader.ranges[item.path] = range;
    const fields = reader.fields(node, item.path, LAYER_KEYS, `layer entry ${item.path}`, keyRange);
    if (!fields) {
      out.ok = false;
      fanIn = undefined;
      return;
    }
    const keys: LayerEntry['keys'] = {};
    for (const [name, f] of fields) keys[name as (typeof LAYER_KEYS)[number]] = f.range;

    let ok = true;
    const unitsField = fields.get('units');
    let units: number | undefined;
    if (!unitsField) {
      reader.missing(keyRange, item.path, 'units');
      ok = false;
    } else {
      units = reader.number(unitsField, { integer: true, min: 1, limit: { max: LIMITS.unitsPerLayer, what: 'units per layer' } });
      if (units === undefined) ok = false;
    }

    const activationField = fields.get('activation');
    let activation: ActivationSpec | undefined;
    if (!activationField) {
      reader.missing(keyRange, item.path, 'activation', ' (sigmoid, tanh, relu, leaky-relu, elu, selu, softplus, linear, softmax or {expr: ...})');
      ok = false;
    } else {
      activation = readActivation(reader, activationField);
      if (!activation) ok = false;
    }

    const biasField = fields.get('bias');
    const bias = biasField ? reader.boolean(biasField) : true;
    if (bias === undefined) ok = false;

    const repeatField = fields.get('repeat');
    const repeat = repeatField ? reader.number(repeatField, { integer: true, min: 1, limit: { max: LIMITS.layers, what: 'layers' } }) : 1;
    if (repeat === undefined) ok = false;

    const initField = fields.get('init');
    const init = initField
      ? readInit(reader, initField, { units, fanIn, fanInName, bias: bias ?? true, repeat: repeat ?? 1 })
      : defaultInit(activation);
    if (!init) ok = false;

    const firstLayer = out.layerCount + 1;
    if (repeat !== undefined) out.layerCount += repeat;
    if (out.layerCount > LIMITS.layers && !layerLimitReported && repeat !== undefined) {
      layerLimitReported = true;
      const at = repeatField ? reader.valueRange(repeatField) : keyRange;
      reader.error(at, `the network has ${out.layerCount} layers after repeat up to ${item.path}, over the limit of ${LIMITS.layers} layers`, repeatField?.path ?? item.path);
      ok = false;
    }
    if (units !== undefined && fanIn !== undefined && repeat !== undefined) {
      out.params += entryParams(fanIn, units, bias ?? true, repeat);
      if (out.params > LIMITS.parameters && !paramLimitReported) {
        paramLimitReported = true;
        const culprit = repeat > 1 && repeatField ? repeatField : unitsField!;
        reader.error(reader.valueRange(culprit), `the network has ${out.params} parameters up to ${item.path}, over the limit of ${LIMITS.parameters} parameters`, culprit.path);
        ok = false;
      }
    }
    fanIn = units;
    fanInName = `${item.path}.units`;
    if (!ok || units === undefined || activation === undefined || init === undefined || repeat === undefined || bias === undefined) {
      out.ok = false;
      return;
    }
    out.entries.push({ entry: index, firstLayer, lastLayer: firstLayer + repeat - 1, units, activation, bias, init, repeat, range, keyRange, keys });
  });
  return out;
}
