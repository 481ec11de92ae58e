// Diagnostics: pure functions from a spec and its runs to findings. No vscode, no I/O.
export { DEFAULT_THRESHOLDS, THRESHOLD_DOCS, THRESHOLD_NAMES, resolveThresholds, completeThresholds } from './thresholds';
export { diagnoseRun, diagnoseSpec, SEVERITY_ORDER, type DiagnosedRun } from './diagnose';
export { entryOfLayer } from './rule';
export { verdict } from './verdict';
export { formatNumber, formatPercent, layerRangeText } from './format';
export { CHECK_COLUMNS, checkRow } from './checkRows';
export { RULES } from './rules';
export type { Finding, ResolvedThresholds, RuleId, Severity, Thresholds } from './types';
