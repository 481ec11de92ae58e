// Condition (b) of the stall measurements (scripts/bench-editor/main.ts and the extension-host figures test):
// a worker thread that only burns CPU (float arithmetic, no allocation, no messages) for `workerData.ms`
// milliseconds, then exits. It stands for the machine's cost of one core taken, without any of our code.
// Plain CommonJS so both the bench and the extension-host suite can start it without a build step.
'use strict';
const { workerData } = require('node:worker_threads');

const until = performance.now() + workerData.ms;
let x = 0.5;
while (performance.now() < until) {
  for (let i = 0; i < 100000; i++) x = x * 1.0000001 + Math.sin(x) * 1e-9;
}
if (!Number.isFinite(x)) throw new Error('unreachable: keeps the loop from being optimized away');
