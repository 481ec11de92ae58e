// The spec reader's public API: *.nn.yaml / *.nn.json text → a validated NetworkSpec (or every error with
// its range), the runs it asks for, and position lookups for editor features.
export * from './types';
export { parseSpec } from './parse';
export { planRuns, expandLayers, type PlanOverrides } from './plan';
export { layerAt, keyAt, rangeContains } from './locate';
export { LIMITS } from './limits';
