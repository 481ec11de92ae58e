// The gradient check as table rows, one per layer: the same columns in the CLI's `check` and in the editor's
// Check Gradients output, so both print the engine's figures identically.
import type { GradientCheckLayer } from '../engine/types';
import { formatNumber } from './format';

export const CHECK_COLUMNS = ['layer', 'rel. error W', 'rel. error b', 'max |grad|', 'checked', 'skipped', 'result'] as const;

/** Cells of one layer's row; the last cell is the verdict, 'PASS' or 'FAIL' (callers may colour it). */
export function checkRow(layer: GradientCheckLayer): string[] {
  return [
    String(layer.index),
    formatNumber(layer.weightRelError),
    layer.biasRelError === null ? '—' : formatNumber(layer.biasRelError),
    formatNumber(layer.maxAbsGrad),
    String(layer.checked),
    String(layer.skipped),
    layer.pass ? 'PASS' : 'FAIL',
  ];
}
