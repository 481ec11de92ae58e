// `diagnose:` overrides of the detection thresholds (their defaults live in src/diagnostics).
import type { NumberRule, Field, Reader } from './reader';
import type { ThresholdOverrides } from './types';

/** Each threshold and what a valid value is. */
export const THRESHOLD_RULES: Readonly<Record<string, NumberRule>> = Object.freeze({
  vanishing: { min: 0, above: true }, // ‖∂J/∂W_k‖ below this is vanishing
  vanishingSensitivity: { min: 0, above: true }, // ‖∂J/∂W_k‖·‖W_k‖/J below this is vanishing
  vanishingRatio: { min: 0, above: true }, // ‖∂J/∂W_k‖ below this fraction of the largest layer's
  exploding: { min: 0, above: true }, // ‖∂J/∂W_k‖ above this is exploding
  explodingRatio: { min: 0, above: true }, // ‖∂J/∂u_k‖ above this multiple of the output layer's
  vanishingActivation: { min: 0, above: true }, // mean |h_k| below this
  saturation: { min: 0, max: 1 }, // share of saturated entries
  dead: { min: 0, max: 1 }, // share of dead units
  stalled: { min: 0, max: 1 }, // relative loss decrease over the run
});

export function readDiagnose(reader: Reader, field: Field): ThresholdOverrides | undefined {
  const fields = reader.fieldsOf(field, Object.keys(THRESHOLD_RULES), 'diagnose (threshold overrides)');
  if (!fields) return undefined;
  const out: ThresholdOverrides = {};
  let ok = true;
  for (const [name, f] of fields) {
    const v = reader.number(f, THRESHOLD_RULES[name]);
    if (v === undefined) ok = false;
    else out[name] = v;
  }
  return ok ? out : undefined;
}
