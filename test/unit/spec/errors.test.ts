// Every kind of spec error, each pinned to its exact 0-based line and column.
import { strict as assert } from 'assert';
import { BASE, assertAt, describe as show, errorAt, errorWith, parse, yaml } from './helpers';

/** BASE with one line replaced (the line must exist verbatim). */
function change(from: string, to: string): string {
  assert.ok(BASE.includes(from), `BASE has no "${from}"`);
  return BASE.replace(from, to);
}

describe('spec: syntax errors', () => {
  it('gives a YAML syntax error its position and stops there', () => {
    const { errors } = parse('inputs: 1\nlayers: [1, 2\nloss: mse\n');
    assert.ok(errors.length >= 1);
    assert.match(errors[0].message, /^YAML syntax: /);
    assertAt(errors[0], 2, 0);
  });

  it('reports a duplicate key at the second occurrence and keeps checking', () => {
    const { errors } = parse(change('  iterations: 100', '  iterations: 100\n  iterations: 200'));
    assertAt(errorWith(errors, "duplicate key 'iterations'"), 14, 2, 14, 12);
  });

  it('reports JSON-only syntax errors of a .nn.json file', () => {
    const trailing = parse('{\n  "inputs": 1,\n}\n', { file: 'a.nn.json' }).errors;
    assert.equal(trailing.length, 1);
    assert.match(trailing[0].message, /trailing comma before '}'/);
    assertAt(trailing[0], 2, 0);
    const comment = parse('{\n  "inputs": 1 // one\n}', { file: 'a.nn.json' }).errors;
    assert.match(comment[0].message, /comments are not allowed/);
    assertAt(comment[0], 1, 14, 1, 16);
    const single = parse("{'inputs': 1}", { file: 'a.nn.json' }).errors;
    assert.match(single[0].message, /property names in JSON are double-quoted/);
    assertAt(single[0], 0, 1);
    const bare = parse('{"loss": mse}', { file: 'a.nn.json' }).errors;
    assert.match(bare[0].message, /unexpected 'mse'/);
    assertAt(bare[0], 0, 9, 0, 12);
    const number = parse('{"inputs": 01}', { file: 'a.nn.json' }).errors;
    assert.match(number[0].message, /invalid number '01'/);
  });

  it('keeps a YAML warning apart from the errors', () => {
    const r = parse(change('name: small', 'name: !custom small'));
    assert.deepEqual(r.errors, []);
    assert.ok(r.spec);
    assert.equal(r.warnings?.length, 1);
    assertAt(r.warnings![0], 0, 6);
  });
});

describe('spec: keys', () => {
  it('names every missing required key', () => {
    const { errors } = parse('# nothing but a name\nname: empty\n');
    assert.deepEqual(
      errors.map((e) => e.message),
      ['inputs', 'layers', 'loss', 'data', 'train'].map((k) => `missing required key '${k}'`),
    );
    for (const e of errors) assertAt(e, 1, 0, 1, 11);
  });

  it('rejects a document that is not a mapping', () => {
    const { errors } = parse('- 1\n- 2\n');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /a spec must be a mapping/);
    assertAt(errors[0], 0, 0);
  });

  it('flags an unknown key at the key, with a suggestion for a near miss', () => {
    const { errors } = parse(change('  learningRate: 0.5', '  learning_rate: 0.5'));
    assertAt(errorWith(errors, "unknown key 'learning_rate' in train (did you mean 'learningRate'?)"), 12, 2, 12, 15);
    assertAt(errorWith(errors, "missing required key 'learningRate' in train"), 11, 0, 11, 5);
  });

  it('gives no suggestion when nothing is close', () => {
    const { errors } = parse(`${BASE}colour: blue\n`);
    assert.equal(errorWith(errors, "unknown key 'colour'").message, "unknown key 'colour' in a spec");
  });

  it('requires units and activation in a layer entry, at its first line', () => {
    const { errors } = parse(change('  - units: 1\n    activation: sigmoid', '  - bias: false'));
    assertAt(errorWith(errors, "missing required key 'units' in layers[1]"), 5, 4, 5, 15);
    assertAt(errorWith(errors, "missing required key 'activation' in layers[1]"), 5, 4, 5, 15);
  });
});

describe('spec: values', () => {
  it('rejects wrong types at the value', () => {
    const { errors } = parse(change('  - units: 3', "  - units: '3'\n    bias: yes"));
    assertAt(errorWith(errors, "layers[0].units must be a number, got the text '3'"), 3, 11, 3, 14);
    assertAt(errorWith(errors, "layers[0].bias must be true or false, got the text 'yes'"), 4, 10, 4, 13);
  });

  it('rejects .nan and .inf', () => {
    const { errors } = parse(change('  learningRate: 0.5', '  learningRate: .nan').replace('iterations: 100', 'iterations: -.inf'));
    assertAt(errorWith(errors, 'train.learningRate must be a finite number, got .nan'), 12, 16, 12, 20);
    assertAt(errorWith(errors, 'train.iterations must be a finite number, got -.inf'), 13, 14, 13, 19);
  });

  it('checks ranges: units, repeat, iterations, batchSize, noise, seed', () => {
    const text = yaml`
      inputs: 2
      layers:
        - {units: 0, activation: tanh, repeat: 0}
        - {units: 2.5, activation: sigmoid}
      loss: mse
      data: {generate: xor, samples: 8, noise: -0.1}
      train: {learningRate: 0.1, iterations: 0, batchSize: 0}
      seed: 1.5
    `;
    const { errors } = parse(text);
    assertAt(errorWith(errors, 'layers[0].units must be ≥ 1, got 0'), 2, 12);
    assertAt(errorWith(errors, 'layers[0].repeat must be ≥ 1, got 0'), 2, 41);
    assertAt(errorWith(errors, 'layers[1].units must be a whole number, got 2.5'), 3, 12);
    assertAt(errorWith(errors, 'data.noise must be ≥ 0, got -0.1'), 5, 41);
    assertAt(errorWith(errors, 'train.iterations must be ≥ 1, got 0'), 6, 39);
    assertAt(errorWith(errors, 'train.batchSize must be ≥ 1, got 0'), 6, 53);
    assertAt(errorWith(errors, 'seed must be a whole number, got 1.5'), 7, 6);
  });

  it("accepts batchSize 'full' and rejects other words", () => {
    const { errors } = parse(change('  iterations: 100', '  iterations: 100\n  batchSize: half'));
    assertAt(errorWith(errors, "train.batchSize must be 'full' or a whole number ≥ 1, got the text 'half'"), 14, 13, 14, 17);
  });

  it('rejects unknown names with a suggestion: activation, loss, init, optimizer, generator', () => {
    const text = yaml`
      inputs: 2
      layers:
        - {units: 3, activation: tahn, init: xavir}
        - {units: 1, activation: {leaky-rellu: {a: 0.1}}}
      loss: mse2
      data: {generate: spirals, samples: 9}
      train: {learningRate: 0.1, iterations: 5, optimizer: adm}
    `;
    const { errors } = parse(text);
    assertAt(errorWith(errors, "unknown activation 'tahn' (did you mean 'tanh'?)"), 2, 27, 2, 31);
    assertAt(errorWith(errors, "unknown init 'xavir' (did you mean 'xavier'?)"), 2, 39, 2, 44);
    assertAt(errorWith(errors, "unknown activation 'leaky-rellu' (did you mean 'leaky-relu'?)"), 3, 28, 3, 39);
    assertAt(errorWith(errors, "unknown loss 'mse2' (did you mean 'mse'?)"), 4, 6, 4, 10);
    assertAt(errorWith(errors, "unknown generator 'spirals' (did you mean 'spiral'?)"), 5, 17, 5, 24);
    assertAt(errorWith(errors, "unknown optimizer 'adm' (did you mean 'adam'?)"), 6, 53, 6, 56);
  });

  it('rejects parameters the activation or optimizer does not have', () => {
    const text = BASE.replace('activation: tanh', 'activation: {elu: {alph: 1}}').replace('  iterations: 100', '  iterations: 100\n  optimizer: {momentum: {beta: 1}}');
    const { errors } = parse(text);
    assertAt(errorWith(errors, "unknown key 'alph' in layers[0].activation.elu (did you mean 'alpha'?)"), 4, 23, 4, 27);
    assertAt(errorWith(errors, 'train.optimizer.momentum.beta must be < 1, got 1'), 14, 31, 14, 32);
  });

  it('rejects unknown threshold names in diagnose', () => {
    const { errors } = parse(`${BASE}diagnose:\n  vanishng: 1e-9\n  dead: 1.5\n`);
    assertAt(errorWith(errors, "unknown key 'vanishng' in diagnose (threshold overrides) (did you mean 'vanishing'?)"), 15, 2, 15, 10);
    assertAt(errorWith(errors, 'diagnose.dead must be ≤ 1, got 1.5'), 16, 8);
  });

  it('reports every error of a spec, not just the first, in document order', () => {
    const text = yaml`
      inputs: -1
      layers:
        - units: 3
          activation: tanh
          repeat: 1.5
      loss: hinge
      data: {x: [[1]], y: [[1]]}
      train: {learningRate: 0, iterations: 10}
    `;
    const { errors, spec } = parse(text);
    assert.equal(spec, undefined);
    assert.deepEqual(errors.map(show), [
      '0:8 inputs must be ≥ 1, got -1',
      '4:12 layers[0].repeat must be a whole number, got 1.5',
      "5:6 unknown loss 'hinge'; expected one of mse, sse, cross-entropy, binary-cross-entropy",
      '7:22 train.learningRate must be > 0, got 0',
    ]);
  });
});

describe('spec: shapes', () => {
  const explicit = (init: string): string =>
    yaml`
      inputs: 2
      layers:
        - units: 2
          activation: tanh
          init: ${init}
        - units: 1
          activation: linear
      loss: mse
      data: {x: [[1, 2]], y: [[1]]}
      train: {learningRate: 0.1, iterations: 1}
    `;

  it('accepts explicit weights of the right shape', () => {
    const { errors, spec } = parse(explicit('{weights: [[1, 2], [3, 4]], bias: [0.5, -0.5]}'));
    assert.deepEqual(errors, []);
    assert.deepEqual(spec!.entries[0].init, { kind: 'explicit', weights: [[1, 2], [3, 4]], bias: [0.5, -0.5] });
  });

  it('rejects explicit weights with the wrong number of rows, columns or biases', () => {
    errorAt(explicit('{weights: [[1, 2]]}'), 'layers[0].init.weights has 1 rows but the layer has 2 units', 4, 20, 4, 28);
    errorAt(explicit('{weights: [[1, 2, 3], [4, 5, 6]]}'), 'the rows of layers[0].init.weights have 3 values but the layer below has 2 units (inputs)', 4, 21, 4, 30);
    errorAt(explicit('{weights: [[1, 2], [3, 4]], bias: [1]}'), 'layers[0].init.bias has 1 values but the layer has 2 units', 4, 44, 4, 47);
    errorAt(explicit('{weights: [[1, 2], [3, 4]], bias: [1, 2]}').replace('tanh', 'tanh\n    bias: false'), 'layers[0].init.bias is given but the layer has bias: false', 5, 44, 5, 50);
    errorAt(explicit('{weights: [[1, 2], [3]]}'), 'row 2 of layers[0].init.weights has 1 value, row 1 has 2', 4, 29, 4, 32);
  });

  it('checks the columns of a later layer against the units below it', () => {
    const text = explicit('he').replace('activation: linear', 'activation: linear\n    init: {weights: [[1, 2, 3]]}');
    assertAt(errorWith(parse(text).errors, 'the layer below has 2 units (layers[0].units)'), 7, 21);
  });

  it('rejects data whose widths or row counts do not fit the network', () => {
    const text = (data: string) => change('  x: [[0, 0], [0, 1], [1, 0], [1, 1]]\n  y: [[0], [1], [1], [0]]', data);
    errorAt(text('  x: [[0], [1]]\n  y: [[0], [1]]'), 'the rows of data.x have 1 value but inputs is 2', 9, 6, 9, 9);
    errorAt(text('  x: [[0, 0], [0, 1]]\n  y: [[0, 1], [1, 0]]'), 'the rows of data.y have 2 values but the output layer has 1 unit', 10, 6, 10, 12);
    errorAt(text('  x: [[0, 0], [0, 1]]\n  y: [[0]]'), 'data.y has 1 rows but data.x has 2', 10, 5, 10, 10);
    errorAt(text('  x: [[0, 0], [0]]\n  y: [[0], [1]]'), 'row 2 of data.x has 1 value, row 1 has 2', 9, 14, 9, 17);
    errorAt(text('  x: [[0, 0], [0, a]]\n  y: [[0], [1]]'), "data.x[1][1] must be a number, got the text 'a'", 9, 18, 9, 19);
  });

  it('turns class indices into one-hot rows for cross-entropy, and rejects a bad index', () => {
    const ce = change('activation: sigmoid', 'activation: softmax').replace('units: 1', 'units: 3').replace('binary-cross-entropy', 'cross-entropy');
    const ok = parse(ce.replace('y: [[0], [1], [1], [0]]', 'y: [0, 2, 1, 0]'));
    assert.deepEqual(ok.errors, []);
    assert.deepEqual(Array.from(ok.spec!.data.y), [1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0]);
    assert.equal(ok.spec!.data.outputs, 3);
    const bad = parse(ce.replace('y: [[0], [1], [1], [0]]', 'y: [0, 3, 1, 0.5]')).errors;
    assertAt(errorWith(bad, 'data.y[1]: class index 3 is not a whole number in 0..2'), 10, 9, 10, 10);
    assertAt(errorWith(bad, 'data.y[3]: class index 0.5'), 10, 15, 10, 18);
  });

  it('rejects binary cross-entropy targets outside [0, 1]', () => {
    const { errors } = parse(change('y: [[0], [1], [1], [0]]', 'y: [[0], [2], [1], [0]]'));
    assertAt(errorWith(errors, 'data.y[1]: target 2 is outside [0, 1]'), 10, 11, 10, 14);
  });
});

describe('spec: loss and output layer', () => {
  it('needs a softmax output for cross-entropy and a sigmoid output for binary cross-entropy', () => {
    errorAt(change('loss: binary-cross-entropy', 'loss: cross-entropy'), 'loss cross-entropy needs a softmax output layer; the last layer (layers[1]) has activation sigmoid', 7, 6, 7, 19);
    errorAt(change('activation: sigmoid', 'activation: tanh'), 'loss binary-cross-entropy needs a sigmoid output layer', 7, 6, 7, 26);
  });

  it('allows softmax only on the last layer, not repeated, with at least 2 units', () => {
    errorAt(change('activation: tanh', 'activation: softmax'), 'softmax is only for the output layer; layers[0] has layers after it', 4, 4, 4, 23);
    errorAt(change('activation: sigmoid', 'activation: softmax').replace('binary-cross-entropy', 'mse'), 'a softmax layer needs at least 2 units', 5, 4, 5, 12);
  });
});

describe('spec: expr activations', () => {
  const withExpr = (written: string) => change('activation: tanh', `activation: {expr: ${written}}`);

  it('maps an expression error to its column inside a double-quoted string', () => {
    const { errors } = parse(withExpr('"z * tanh(q)"'));
    const e = errorWith(errors, "unknown variable 'q'");
    assert.equal(e.path, 'layers[0].activation.expr');
    // `    activation: {expr: "z * tanh(q)"}`: the string opens at column 23, q is its 10th character.
    assertAt(e, 4, 33, 4, 34);
  });

  it('counts a doubled quote in a single-quoted string as one character', () => {
    // The value is z + 'a' + z; the quotes are not in the grammar. Each '' of the source is one character of
    // the value, so the second error starts 3 source columns after the first, not 2.
    const { errors } = parse(withExpr("'z + ''a'' + z'"));
    assert.deepEqual(
      errors.map((e) => [e.range.start.column, e.range.end.column]),
      [
        [28, 30],
        [31, 33],
      ],
    );
  });

  it('maps exactly in a plain scalar and falls back to the whole scalar with escapes', () => {
    errorAt(change('activation: tanh', 'activation:\n        expr: z * tahn(z)'), 'tahn', 5, 18, 5, 22);
    errorAt(withExpr('"z * \\x71"'), "'q'", 4, 23, 4, 33);
  });
});
