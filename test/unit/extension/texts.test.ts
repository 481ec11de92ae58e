import * as assert from 'node:assert/strict';
import { resolveThresholds, verdict } from '../../../src/diagnostics';
import type { GradientCheckReport } from '../../../src/engine/types';
import { checkPassed, checkSummary, checkTable } from '../../../src/extension/checkReport';
import { CONFIG_DEFAULTS, readConfig } from '../../../src/extension/configModel';
import { verdictText } from '../../../src/extension/lensText';
import type { SpecResults } from '../../../src/extension/results';
import { autoRunIterations, maxRecordedFor, wantsTrace } from '../../../src/extension/runOptions';
import { isSpecPath, specFormat } from '../../../src/extension/specFiles';
import { deepTanhRun, deepTanhSpec, line } from './fixtures';

function results(patch: Partial<SpecResults>): SpecResults {
  return {
    uri: 'file:///ws/deep.nn.yaml',
    version: 1,
    spec: deepTanhSpec(5),
    errors: [],
    status: 'done',
    kind: 'training',
    runs: [{ label: '', result: deepTanhRun(1000) }],
    findings: [],
    thresholds: resolveThresholds(),
    ...patch,
  };
}

const byVerdict = (r: SpecResults): string => verdict(r.findings, r.spec?.layerCount ?? 0);

describe('extension: CodeLens and status-bar text', () => {
  it('says healthy after a clean training', () => {
    assert.equal(verdictText(results({}), byVerdict)?.text, '$(pass) healthy');
  });

  it('names the vanishing layers after a run, marked "at init" for an analysis', () => {
    const findings = [
      { rule: 'vanishing-gradient' as const, severity: 'warning' as const, layers: [1, 60] as [number, number], entry: 0, range: line(4), line: 5, message: 'm', evidence: {}, run: '' },
    ];
    assert.equal(verdictText(results({ findings }), byVerdict)?.text, '$(warning) vanishing in layers 1–60');
    assert.equal(verdictText(results({ findings, kind: 'analysis' }), byVerdict)?.text, '$(warning) at init: vanishing in layers 1–60');
  });

  it('shows training progress and spec errors instead of a verdict', () => {
    const training = results({ status: 'training', progress: { run: 1, runs: 3, iteration: 200, iterations: 1000, loss: 0.125 } });
    assert.equal(verdictText(training, byVerdict)?.text, '$(sync~spin) training run 2/3 · 200/1000 · loss 0.125');
    const broken = results({ status: 'error', spec: undefined, errors: [{ message: 'x', range: line(1) }, { message: 'y', range: line(2) }] });
    assert.equal(verdictText(broken, byVerdict)?.text, '$(error) 2 spec errors');
    assert.equal(verdictText(undefined, byVerdict), undefined);
    assert.equal(verdictText(results({ kind: undefined, runs: [], status: 'idle' }), byVerdict), undefined);
  });
});

describe('extension: settings', () => {
  it('falls back to the defaults for unset or invalid values', () => {
    assert.deepEqual(readConfig(() => undefined), { ...CONFIG_DEFAULTS, thresholds: {} });
    const bad: Record<string, unknown> = { autoRun: 'always', debounceMs: -5, autoRunMaxIterations: 'many', 'thresholds.vanishing': -1 };
    assert.deepEqual(readConfig((k) => bad[k]), { ...CONFIG_DEFAULTS, thresholds: {} });
  });

  it('reads the values and the thresholds the user set', () => {
    const set: Record<string, unknown> = { autoRun: 'onType', debounceMs: 150, 'codeLens.enabled': false, autoRunMaxIterations: 50.7, 'thresholds.vanishing': 1e-6, 'thresholds.saturation': 0.9 };
    assert.deepEqual(readConfig((k) => set[k]), {
      autoRun: 'onType',
      debounceMs: 150,
      codeLensEnabled: false,
      autoRunMaxIterations: 50,
      thresholds: { vanishing: 1e-6, saturation: 0.9 },
    });
  });
});

describe('extension: run options and spec files', () => {
  it('caps automatic reruns and keeps recording within budget', () => {
    assert.equal(autoRunIterations(1000, 2000), 1000);
    assert.equal(autoRunIterations(100000, 2000), 2000);
    assert.equal(autoRunIterations(500, undefined), 500);
    assert.equal(maxRecordedFor({ layerCount: 100 }), 2000);
    assert.ok(maxRecordedFor({ layerCount: 2000 }) * 2000 <= 400_000);
  });

  it('keeps the first-iteration trace only for small networks', () => {
    assert.equal(wantsTrace(deepTanhSpec(5)), true);
    const big = deepTanhSpec(5);
    big.data = { ...big.data, samples: 512 };
    big.entries = [{ ...big.entries[0], units: 256, repeat: 2 }];
    assert.equal(wantsTrace(big), false);
  });

  it('recognizes spec files by name', () => {
    assert.equal(isSpecPath('/a/b/deep.nn.yaml'), true);
    assert.equal(isSpecPath('file:///a/x.nn.yml?query'), true);
    assert.equal(isSpecPath('/a/x.nn.json'), true);
    assert.equal(isSpecPath('/a/x.yaml'), false);
    assert.equal(isSpecPath('/a/x.nn.yaml.bak'), false);
    assert.equal(specFormat('/a/x.nn.json'), 'json');
    assert.equal(specFormat('/a/x.nn.yml'), 'yaml');
  });
});

describe('extension: gradient check report', () => {
  // Hand-made reports: the verdicts are the engine's (pass fields), the texts must follow them.
  const report = (err: number, skipped = 0): GradientCheckReport => ({
    epsilon: 1e-4,
    threshold: 1e-6,
    maxRelError: err,
    checked: 9,
    skipped,
    narrowed: 0,
    pass: err < 1e-6,
    layers: [
      { index: 1, weightRelError: 1e-10, biasRelError: null, maxAbsGrad: 0.5, checked: 4, skipped, narrowed: 0, pass: true },
      { index: 2, weightRelError: err, biasRelError: 1e-11, maxAbsGrad: 0.25, checked: 5, skipped: 0, narrowed: 0, pass: err < 1e-6 },
    ],
  });

  it('follows the report verdict and names failing layers', () => {
    assert.equal(checkPassed(report(1e-9)), true);
    assert.match(checkSummary(report(1e-9), 'x.nn.yaml'), /^Gradient check passed for x\.nn\.yaml: max relative error 1e-9 over 2 layers, 9 entries \(/);
    assert.match(checkSummary(report(1e-9), 'x'), /ε = 1e-4, PASS below 1e-6\)$/);
    assert.equal(checkPassed(report(1e-3)), false);
    assert.match(checkSummary(report(1e-3), 'x'), /FAILED .*\(layers 2\) over 2 layers/);
  });

  it('counts entries skipped at a kink', () => {
    assert.match(checkSummary(report(1e-9, 3), 'x'), /over 2 layers, 9 entries, 3 skipped at a kink \(/);
    assert.doesNotMatch(checkSummary(report(1e-9), 'x'), /skipped/);
  });

  it('tabulates one row per layer with checked, skipped and PASS/FAIL', () => {
    const rows = checkTable(report(1e-3, 2));
    assert.equal(rows.length, 3);
    assert.match(rows[0], /checked\s+skipped$/);
    assert.match(rows[1], /^\s*1 .*—.*\s4\s+2\s+PASS$/);
    assert.match(rows[2], /^\s*2 .*\s5\s+0\s+FAIL$/);
  });
});
