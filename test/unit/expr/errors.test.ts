import { strict as assert } from 'node:assert';
import { parseExpression } from '../../../src/engine/expr';
import type { ExprError } from '../../../src/engine/types';

function errors(source: string): ExprError[] {
  const r = parseExpression(source);
  assert.equal(r.ok, false, `'${source}' parsed`);
  return r.ok ? [] : r.errors;
}

/** The one error of `source`: its message (matched) and the exact text its offset/length cover. */
function expectError(source: string, message: RegExp, covered: string, offset?: number): void {
  const [e, ...rest] = errors(source);
  assert.deepEqual(rest, [], `more than one error for '${source}'`);
  assert.match(e.message, message);
  assert.equal(source.slice(e.offset, e.offset + e.length), covered, `range of '${e.message}' in '${source}'`);
  if (offset !== undefined) assert.equal(e.offset, offset);
}

describe('expression grammar: errors with exact offsets', () => {
  it('empty expression', () => {
    assert.deepEqual(errors(''), [{ message: 'empty expression', offset: 0, length: 0 }]);
    assert.deepEqual(errors('   '), [{ message: 'empty expression', offset: 0, length: 3 }]);
  });

  it('unknown function, with a suggestion when one is close', () => {
    expectError('z * tahn(z)', /^unknown function 'tahn' \(did you mean 'tanh'\?\)$/, 'tahn', 4);
    expectError('Exp(z)', /did you mean 'exp'/, 'Exp');
    expectError('2 * foo(z)', /^unknown function 'foo'$/, 'foo', 4);
  });

  it('unknown variable (only z is allowed); a function used without arguments', () => {
    expectError('z + x', /^unknown variable 'x' \(only z is allowed\)$/, 'x', 4);
    expectError('2 * Z', /case-sensitive/, 'Z');
    expectError('tanh + 1', /'tanh' is a function: write tanh\(z\)/, 'tanh', 0);
    expectError('z(2)', /'z' is not a function/, 'z', 0);
  });

  it("missing ')' points at the unclosed '('; an extra ')' is unmatched", () => {
    expectError('tanh(z * (1 + z)', /^missing '\)' to close this '\('$/, '(', 4);
    expectError('(z + 1', /missing '\)'/, '(', 0);
    expectError('z + 1)', /^unmatched '\)'$/, ')', 5);
  });

  it('wrong arity covers the whole call', () => {
    expectError('1 + max(z)', /^max expects 2 arguments, got 1$/, 'max(z)', 4);
    expectError('exp(z, 1)', /^exp expects 1 argument, got 2$/, 'exp(z, 1)', 0);
    expectError('tanh()', /got 0/, 'tanh()', 0);
  });

  it('trailing garbage and missing operators', () => {
    expectError('z z', /^missing operator before 'z'$/, 'z', 2);
    expectError('2z', /missing operator before 'z'/, 'z', 1);
    expectError('tanh(z) 3', /missing operator before '3'/, '3', 8);
    expectError('z, 1', /','/, ',', 1);
  });

  it('missing operands', () => {
    expectError('z +', /^missing operand after '\+'$/, '+', 2);
    expectError('* z', /^missing operand before '\*'$/, '*', 0);
    expectError('max(z, )', /missing operand before '\)'/, ')', 7);
    expectError('()', /missing operand before '\)'/, ')', 1);
  });

  it('bad characters, with hints for look-alikes; ** for powers; numbers beyond float64', () => {
    expectError('z # 2', /^unexpected character '#'$/, '#', 2);
    expectError('z − 1', /use '-'/, '−', 2);
    expectError('z ** 2', /write z\^2/, '**', 2);
    expectError('1e400 * z', /too large/, '1e400', 0);
  });

  it('every name error is reported, in source order', () => {
    const all = errors('foo(z) + tahn(y) + max(z)');
    assert.deepEqual(
      all.map((e) => [e.offset, e.length]),
      [
        [0, 3],
        [9, 4],
        [14, 1],
        [19, 6],
      ],
    );
  });
});
