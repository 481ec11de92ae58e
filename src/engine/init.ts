// Initial weights and biases from an InitSpec. Weights are stored as W_k: one row per unit of layer k, one
// column per unit of layer k−1 (row j = the weights into unit j, PyTorch's Linear.weight layout).
import type { InitSpec } from './types';
import type { Rng } from './rng';

/** Fills w (units × fanIn) and b (units) per `init`; b stays 0 unless explicit biases are given. */
export function initializeLayer(
  init: InitSpec,
  units: number,
  fanIn: number,
  w: Float64Array,
  b: Float64Array,
  rng: Rng,
): void {
  b.fill(0);
  switch (init.kind) {
    case 'constant':
      w.fill(init.value);
      return;
    case 'xavier':
      return fillNormal(w, 0, Math.sqrt(2 / (fanIn + units)), rng);
    case 'he':
      return fillNormal(w, 0, Math.sqrt(2 / fanIn), rng);
    case 'lecun':
      return fillNormal(w, 0, Math.sqrt(1 / fanIn), rng);
    case 'normal':
      return fillNormal(w, init.mean, init.std, rng);
    case 'uniform':
      for (let i = 0; i < w.length; i++) w[i] = init.low + (init.high - init.low) * rng.next();
      return;
    case 'explicit': {
      if (init.weights.length !== units) {
        throw new Error(`explicit weights have ${init.weights.length} rows, the layer has ${units} units`);
      }
      init.weights.forEach((row, j) => {
        if (row.length !== fanIn) {
          throw new Error(`explicit weights row ${j} has ${row.length} entries, the layer below has ${fanIn} units`);
        }
        for (let i = 0; i < fanIn; i++) w[j * fanIn + i] = row[i];
      });
      if (init.bias) {
        if (init.bias.length !== units) {
          throw new Error(`explicit bias has ${init.bias.length} entries, the layer has ${units} units`);
        }
        for (let j = 0; j < units; j++) b[j] = init.bias[j];
      }
      return;
    }
  }
}

function fillNormal(w: Float64Array, mean: number, std: number, rng: Rng): void {
  for (let i = 0; i < w.length; i++) w[i] = mean + std * rng.normal();
}
