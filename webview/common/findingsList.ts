// The findings as a list of buttons (keyboard reachable): severity, message, where it sits. Choosing one asks
// the host to reveal its line in the spec editor.
import type { Finding } from '../../src/protocol';
import { plural } from './format';

const SEVERITY_MARK: Record<Finding['severity'], string> = { error: '✖', warning: '⚠', info: 'ℹ' };

function where(finding: Finding): string {
  const parts: string[] = [];
  if (finding.layers) {
    const [a, b] = finding.layers;
    parts.push(a === b ? `layer ${a}` : `layers ${a}–${b}`);
  }
  parts.push(`line ${finding.line}`);
  if (finding.run) parts.push(finding.run);
  return parts.join(' · ');
}

export function findingsList(findings: Finding[], onSelect: (index: number) => void, limit = Infinity): HTMLElement {
  if (findings.length === 0) {
    const none = document.createElement('p');
    none.className = 'muted findings-empty';
    none.textContent = 'No findings: the gradients stay within the thresholds.';
    return none;
  }
  const list = document.createElement('ul');
  list.className = 'findings';
  findings.slice(0, limit).forEach((finding, index) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `finding severity-${finding.severity}`;
    button.title = finding.fix ? `Fix: ${finding.fix}` : 'Show in the spec';
    const mark = document.createElement('span');
    mark.className = 'severity';
    mark.textContent = SEVERITY_MARK[finding.severity];
    mark.setAttribute('aria-label', finding.severity);
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = finding.message;
    const place = document.createElement('span');
    place.className = 'where';
    place.textContent = where(finding);
    button.append(mark, message, place);
    button.addEventListener('click', () => onSelect(index));
    item.append(button);
    list.append(item);
  });
  if (findings.length > limit) {
    const more = document.createElement('li');
    more.className = 'muted';
    more.textContent = `… and ${findings.length - limit} more in the gradient panel`;
    list.append(more);
  }
  return list;
}

/** One line that sums a run up: the worst findings first, or that nothing was found. */
export function verdict(findings: Finding[]): { severity: Finding['severity'] | 'ok'; text: string } {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  if (findings.length === 0) return { severity: 'ok', text: 'Healthy: no vanishing or exploding gradients found.' };
  const rules = [...new Set(findings.map((f) => f.rule.replace(/-/g, ' ')))].join(', ');
  const severity = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'info';
  const counts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean).join(', ');
  return { severity, text: `${counts || plural(findings.length, 'note')}: ${rules}` };
}
