// The typed settings of Gradient Lens (no 'vscode' import: ./config.ts reads them from the workspace).
import { THRESHOLD_NAMES } from '../diagnostics';

export type AutoRun = 'off' | 'onSave' | 'onType';

export interface GradientLensConfig {
  autoRun: AutoRun;
  debounceMs: number;
  codeLensEnabled: boolean;
  autoRunMaxIterations: number;
  /** Thresholds the user set explicitly (a spec's `diagnose:` overrides these; defaults fill the rest). */
  thresholds: Record<string, number>;
}

export const CONFIG_DEFAULTS: Omit<GradientLensConfig, 'thresholds'> = {
  autoRun: 'onSave',
  debounceMs: 400,
  codeLensEnabled: true,
  autoRunMaxIterations: 2000,
};

/** Reads and sanitizes settings through `get` (undefined = not set), falling back to the defaults. */
export function readConfig(get: (key: string) => unknown): GradientLensConfig {
  const autoRun = get('autoRun');
  const num = (key: string, fallback: number, min: number): number => {
    const v = get(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback;
  };
  const thresholds: Record<string, number> = {};
  for (const k of THRESHOLD_NAMES) {
    const v = get(`thresholds.${k}`);
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) thresholds[k] = v;
  }
  return {
    autoRun: autoRun === 'off' || autoRun === 'onType' || autoRun === 'onSave' ? autoRun : CONFIG_DEFAULTS.autoRun,
    debounceMs: num('debounceMs', CONFIG_DEFAULTS.debounceMs, 0),
    codeLensEnabled: get('codeLens.enabled') !== false,
    autoRunMaxIterations: Math.floor(num('autoRunMaxIterations', CONFIG_DEFAULTS.autoRunMaxIterations, 1)),
    thresholds,
  };
}
