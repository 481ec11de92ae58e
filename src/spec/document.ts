// Reads one spec document (the base spec, or the base with sweep values substituted) into its resolved
// parts, reporting every error through the reader.
import type { Dataset, LossKind } from '../engine/types';
import { fitData, loadData } from './data';
import type { Anchor, LoadedData } from './dataTypes';
import { readDiagnose } from './diagnose';
import { readLayers } from './layers';
import { LIMITS } from './limits';
import type { Field, Reader, YNode } from './reader';
import { readSweep, type AxisRead } from './sweep';
import { readTrain } from './train';
import type { DataSource, LayerEntry, ThresholdOverrides, TrainSettings } from './types';

const TOP_KEYS = ['name', 'inputs', 'layers', 'loss', 'data', 'train', 'seed', 'sweep', 'diagnose'] as const;
const REQUIRED = ['inputs', 'layers', 'loss', 'data', 'train'] as const;
export const LOSS_NAMES: readonly LossKind[] = ['mse', 'sse', 'cross-entropy', 'binary-cross-entropy'];
export const DEFAULT_SEED = 1;
/** Seeds are 32-bit unsigned integers. */
export const SEED_MAX = 0xffffffff;

export interface ReadContext {
  file: string;
  readFile: (file: string) => string;
  /** For a sweep point: the data as the base spec read it (reused unless the point changes data keys). */
  baseData?: LoadedData;
}

export interface Resolved {
  name?: string;
  inputs: number;
  entries: LayerEntry[];
  layerCount: number;
  params: number;
  loss: LossKind;
  train: TrainSettings;
  seed: number;
  loaded: LoadedData;
  data: Dataset;
  dataSource: DataSource;
  diagnose: ThresholdOverrides;
}

/** softmax only on the output layer (and not repeated); cross-entropy needs softmax, binary cross-entropy sigmoid. */
function checkOutput(reader: Reader, entries: LayerEntry[], layersPath: string, loss: LossKind | undefined, lossField: Field | undefined): boolean {
  let ok = true;
  const last = entries[entries.length - 1];
  for (const e of entries) {
    if (e.activation.kind !== 'softmax') continue;
    const path = `${layersPath}[${e.entry}]`;
    const activationRange = e.keys.activation ?? e.keyRange;
    if (e !== last) {
      reader.error(activationRange, `softmax is only for the output layer; ${path} has layers after it`, `${path}.activation`);
      ok = false;
    } else if (e.repeat > 1) {
      reader.error(e.keys.repeat ?? e.keyRange, `softmax is only for the output layer; repeat: ${e.repeat} would put it on hidden layers too`, `${path}.repeat`);
      ok = false;
    } else if (e.units < 2) {
      reader.error(e.keys.units ?? e.keyRange, `a softmax layer needs at least 2 units (one per class), got ${e.units}`, `${path}.units`);
      ok = false;
    }
  }
  const needs = loss === 'cross-entropy' ? 'softmax' : loss === 'binary-cross-entropy' ? 'sigmoid' : undefined;
  if (needs && lossField && last.activation.kind !== needs) {
    reader.fieldError(lossField, `loss ${loss} needs a ${needs} output layer; the last layer (${layersPath}[${last.entry}]) has activation ${last.activation.kind}`);
    ok = false;
  }
  return ok;
}

/** Σ_k batch · units_k over the layers must stay under the activation-cells limit. */
function checkCells(reader: Reader, entries: LayerEntry[], train: TrainSettings, samples: number, samplesAt: Anchor): boolean {
  const batch = train.batchSize === 'full' ? samples : Math.min(train.batchSize, samples);
  const width = entries.reduce((sum, e) => sum + e.units * e.repeat, 0);
  const cells = batch * width;
  if (cells <= LIMITS.activationCells) return true;
  const explicitBatch = train.batchSize !== 'full' && reader.ranges['train.batchSize'] !== undefined;
  const range = explicitBatch ? reader.ranges['train.batchSize'] : samplesAt.range;
  const path = explicitBatch ? 'train.batchSize' : samplesAt.path;
  reader.error(
    range,
    `one iteration needs ${batch} samples × ${width} units over all layers = ${cells} activation cells, over the limit of ${LIMITS.activationCells}; use fewer samples or a smaller train.batchSize`,
    path,
  );
  return false;
}

/** What one reading gives: the resolved spec when it has no error, and the parts read even when it has. */
export interface DocumentRead {
  resolved?: Resolved;
  axes: AxisRead[];
  loaded?: LoadedData;
  data?: Dataset;
}

export function readDocument(reader: Reader, root: YNode | null, ctx: ReadContext): DocumentRead {
  const top = reader.src.firstContentRange();
  const fields = reader.fields(root, '', TOP_KEYS, 'a spec', top);
  if (!fields) return { axes: [] };
  for (const key of REQUIRED) if (!fields.has(key)) reader.missing(top, '', key);
  let ok = REQUIRED.every((key) => fields.has(key));

  const nameField = fields.get('name');
  const name = nameField ? reader.string(nameField) : undefined;
  if (nameField && name === undefined) ok = false;

  const inputsField = fields.get('inputs');
  const inputs = inputsField && reader.number(inputsField, { integer: true, min: 1, limit: { max: LIMITS.unitsPerLayer, what: 'inputs' } });
  if (inputs === undefined) ok = false;

  const seedField = fields.get('seed');
  const seed = seedField ? reader.number(seedField, { integer: true, min: 0, max: SEED_MAX }) : DEFAULT_SEED;
  if (seed === undefined) ok = false;

  const layersField = fields.get('layers');
  const layers = layersField ? readLayers(reader, layersField, inputs) : undefined;
  if (!layers?.ok) ok = false;

  const lossField = fields.get('loss');
  const loss = lossField && reader.oneOf(lossField, LOSS_NAMES, 'loss');
  if (loss === undefined) ok = false;
  if (layers?.ok && !checkOutput(reader, layers.entries, layersField!.path, loss, lossField)) ok = false;

  const trainField = fields.get('train');
  const train = trainField && readTrain(reader, trainField);
  if (!train) ok = false;

  const dataField = fields.get('data');
  let loaded: LoadedData | undefined;
  // The activation-cells limit is checked before the data's arrays are allocated (when the network reads well).
  let cellsOk = true;
  const admit = (samples: number, at: Anchor): boolean => {
    if (layers?.ok && train) cellsOk = checkCells(reader, layers.entries, train, samples, at);
    return cellsOk;
  };
  if (dataField) {
    const base = !reader.overridesUnder('data') ? ctx.baseData : undefined;
    if (base) admit(base.samples, base.samplesAt);
    loaded = base ?? loadData(reader, dataField, { file: ctx.file, readFile: ctx.readFile, seed, widthsOnly: reader.overriding, admit });
  }
  let data: Dataset | undefined;
  if (loaded && inputs !== undefined && layers?.ok && loss !== undefined) {
    const outputs = layers.entries[layers.entries.length - 1].units;
    data = fitData(loaded, { inputs, outputs, loss }, (range, message, path) => reader.error(range, message, path));
  }
  if (!data || !cellsOk) ok = false;

  const diagnoseField = fields.get('diagnose');
  const diagnose = diagnoseField ? readDiagnose(reader, diagnoseField) : {};
  if (!diagnose) ok = false;

  const sweepField = fields.get('sweep');
  const axes = sweepField && !reader.overriding ? readSweep(reader, sweepField) : [];
  if (!axes) ok = false;

  if (!ok) return { axes: axes ?? [], loaded, data };
  const resolved: Resolved = {
    name,
    inputs: inputs!,
    entries: layers!.entries,
    layerCount: layers!.layerCount,
    params: layers!.params,
    loss: loss!,
    train: train!,
    seed: seed!,
    loaded: loaded!,
    data: data!,
    dataSource: loaded!.source,
    diagnose: diagnose!,
  };
  return { resolved, axes: axes!, loaded, data };
}
