import { strict as assert } from 'node:assert';
import { parseExpression, type Expr } from '../../../src/engine/expr';

/** The tree of a source that must parse. */
export function parsed(source: string): Expr {
  const r = parseExpression(source);
  if (!r.ok) assert.fail(`'${source}' did not parse: ${JSON.stringify(r.errors)}`);
  return r.expr;
}
