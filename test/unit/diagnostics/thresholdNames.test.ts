import * as assert from 'node:assert/strict';
import { THRESHOLD_NAMES } from '../../../src/diagnostics';
import { THRESHOLD_RULES } from '../../../src/spec/diagnose';

describe('thresholds: one set of names everywhere', () => {
  it('the spec reader accepts in `diagnose:` exactly the thresholds the rules use', () => {
    assert.deepEqual([...Object.keys(THRESHOLD_RULES)].sort(), [...THRESHOLD_NAMES].sort());
  });

});
