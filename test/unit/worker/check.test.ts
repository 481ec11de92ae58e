// Check Gradients in the editor goes through the worker's `check` request: its report is the engine's, the
// same figures (per layer errors, counts, verdicts) the CLI's `check --json` prints for the same spec.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GradientCheckReport } from '../../../src/engine/types';
import type { WorkerToHost } from '../../../src/protocol';
import { parseSpec, planRuns } from '../../../src/spec';
import { createWorkerHandler } from '../../../src/worker/handler';
import { json, ROOT, runCli } from '../cli/harness';

function checkInWorker(file: string): Promise<GradientCheckReport> {
  const path = join(ROOT, file);
  const parsed = parseSpec(readFileSync(path, 'utf8'), { file: path, readFile: (p) => readFileSync(p, 'utf8') });
  assert.ok(parsed.spec, file);
  const [plan] = planRuns(parsed.spec);
  return new Promise((resolve, reject) => {
    const handler = createWorkerHandler((m: WorkerToHost) => {
      if (m.type === 'checkDone') resolve(m.report);
      else if (m.type === 'failed') reject(new Error(JSON.stringify(m)));
    });
    handler.onMessage({ type: 'check', id: 1, run: { label: plan.label, config: plan.config } });
  });
}

describe('worker: check request gives the CLI figures', () => {
  for (const file of ['test/fixtures/cli/kink.nn.yaml', 'test/fixtures/cli/steep.nn.yaml', 'examples/leaky-relu-sigmoid.nn.yaml']) {
    it(file, async () => {
      const report = await checkInWorker(file);
      const cli = json(runCli(['check', file, '--json']));
      const run = cli.runs[0];
      assert.deepEqual(report.layers, run.layers);
      assert.deepEqual(
        [report.maxRelError, report.checked, report.skipped, report.narrowed, report.pass, report.threshold, report.epsilon],
        [run.maxRelError, run.checked, run.skipped, run.narrowed, run.pass, cli.threshold, cli.epsilon],
      );
    });
  }

  it('the kink fixture: one entry skipped, pass; the steep fixture: layer 1 fails', async () => {
    const kink = await checkInWorker('test/fixtures/cli/kink.nn.yaml');
    assert.deepEqual([kink.skipped, kink.pass], [1, true]);
    const steep = await checkInWorker('test/fixtures/cli/steep.nn.yaml');
    assert.deepEqual(steep.layers.map((l) => l.pass), [false, true]);
  });
});
