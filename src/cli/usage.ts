// The text of `--help`, and the version (from package.json, inlined by the bundler).
import { version } from '../../package.json';
import { DEFAULT_THRESHOLDS, THRESHOLD_DOCS, THRESHOLD_NAMES, formatNumber } from '../diagnostics';

export const VERSION: string = version;

export const USAGE = `usage: gradient-lens train <spec> [--json] [--trace] [--iterations N] [--fail-on warning|error]
       gradient-lens grad  <spec> [--json]
       gradient-lens check <spec> [--json]
       gradient-lens --help | --version`;

export function helpText(): string {
  const thresholds = THRESHOLD_NAMES.map(
    (name) => `  ${name.padEnd(22)}${formatNumber(DEFAULT_THRESHOLDS[name]).padEnd(8)}${THRESHOLD_DOCS[name]}`,
  ).join('\n');
  return `gradient-lens ${VERSION}: train a small network spec (*.nn.yaml, *.nn.json) in float64 and show where its
gradients vanish or explode.

${USAGE}

commands:
  train   train every run of the spec (one per sweep point); a table per layer, the findings, the loss
  grad    the loss and every gradient at the initial weights, no update
  check   backprop against central finite differences, per layer (PASS below a relative error of 1e-6)

options:
  --json              one JSON object on stdout (the contract in SPEC-FORMAT.md)
  --trace             train: include iteration 1's h_k and g_k (h_0 is the input; g_0 is null)
  --iterations N      train: override train.iterations
  --fail-on LEVEL     train: exit 1 when a finding of LEVEL (warning or error) or worse exists

exit status: 0 done; 1 --fail-on matched, a check failed, or the network overflowed at its initial weights;
             2 bad command line or spec errors (printed as path:line:col: error: message); 3 internal error

detection thresholds (override them in the spec's \`diagnose:\` block):
${thresholds}

Colour is used when stdout is a terminal and NO_COLOR is not set.`;
}
