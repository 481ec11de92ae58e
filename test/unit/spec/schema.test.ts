import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { ACTIVATION_NAMES } from '../../../src/spec/activation';
import { GENERATOR_NAMES } from '../../../src/spec/data';
import { THRESHOLD_RULES } from '../../../src/spec/diagnose';
import { LOSS_NAMES } from '../../../src/spec/document';
import { INIT_NAMES } from '../../../src/spec/init';
import { LIMITS } from '../../../src/spec/limits';
import { OPTIMIZER_NAMES } from '../../../src/spec/train';
import { SchemaValidator } from './jsonSchemaSubset';

const ROOT = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/nn-spec.schema.json'), 'utf8'));
const validator = new SchemaValidator(schema);

function specFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => /\.nn\.(ya?ml|json)$/.test(f))
    .map((f) => path.join(folder, f));
}

/** Every schema under a `properties` map, with its dotted name. */
function propertySchemas(node: unknown, at: string, out: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
  if (Array.isArray(node)) node.forEach((n, i) => propertySchemas(n, `${at}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties') for (const [name, sub] of Object.entries(v as object)) out.push([`${at}.${name}`, sub]);
      propertySchemas(v, `${at}.${k}`, out);
    }
  }
  return out;
}

function enumAt(pointer: string[]): unknown[] {
  let node: any = schema;
  for (const p of pointer) node = node[p];
  return node.enum;
}

describe('spec: JSON schema (schemas/nn-spec.schema.json)', () => {
  it('is a draft-07 schema the subset validator fully understands', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(validator.validate({}).sort(), ['$: missing data', '$: missing inputs', '$: missing layers', '$: missing loss', '$: missing train']);
  });

  it('gives every key a description and a markdownDescription', () => {
    const props = propertySchemas(schema, '$');
    assert.ok(props.length > 40, `only ${props.length} keys found`);
    const lacking = props.filter(([, s]) => {
      const own = (x: Record<string, unknown>) => typeof x.description === 'string' && typeof x.markdownDescription === 'string';
      const ref = typeof s.$ref === 'string' ? schema.definitions[(s.$ref as string).split('/').pop()!] : undefined;
      return !own(s) && !(ref && own(ref));
    });
    assert.deepEqual(lacking.map(([name]) => name), []);
  });

  it('lists the same names as the reader', () => {
    assert.deepEqual(enumAt(['properties', 'loss']), [...LOSS_NAMES]);
    assert.deepEqual(enumAt(['definitions', 'activation', 'oneOf', '0']), [...ACTIVATION_NAMES]);
    assert.deepEqual(enumAt(['definitions', 'init', 'oneOf', '1']), [...INIT_NAMES]);
    assert.deepEqual(enumAt(['definitions', 'generatedData', 'properties', 'generate']), [...GENERATOR_NAMES]);
    assert.deepEqual(enumAt(['definitions', 'train', 'properties', 'optimizer', 'oneOf', '0']), [...OPTIMIZER_NAMES]);
    assert.deepEqual(Object.keys(schema.definitions.diagnose.properties), Object.keys(THRESHOLD_RULES));
  });

  it('states the documented limits', () => {
    assert.equal(schema.properties.inputs.maximum, LIMITS.unitsPerLayer);
    assert.equal(schema.definitions.layer.properties.units.maximum, LIMITS.unitsPerLayer);
    assert.equal(schema.definitions.layer.properties.repeat.maximum, LIMITS.layers);
    assert.equal(schema.definitions.train.properties.iterations.maximum, LIMITS.iterations);
    assert.equal(schema.definitions.generatedData.properties.samples.maximum, LIMITS.generatedSamples);
  });

  it('accepts every example spec and every valid fixture', () => {
    const files = [...specFiles(path.join(ROOT, 'examples')), ...specFiles(path.join(ROOT, 'test/fixtures/spec'))];
    assert.ok(files.length >= 5);
    for (const file of files) {
      const value = parseYaml(fs.readFileSync(file, 'utf8'));
      assert.deepEqual(validator.validate(value), [], path.relative(ROOT, file));
    }
  });

  it('rejects unknown keys, unknown names and out-of-range numbers', () => {
    const good = parseYaml(fs.readFileSync(path.join(ROOT, 'test/fixtures/spec/small.nn.yaml'), 'utf8'));
    const bad = (change: (v: any) => void): string[] => {
      const v = structuredClone(good);
      change(v);
      return validator.validate(v);
    };
    assert.ok(bad((v) => (v.layers[0].repat = 2)).some((m) => m.includes('$.layers[0].repat')));
    assert.ok(bad((v) => (v.layers[0].activation = 'tanhh')).length > 0);
    assert.ok(bad((v) => (v.train.learningRate = 0)).some((m) => m.includes('learningRate')));
    assert.ok(bad((v) => (v.train.batchSize = 'half')).length > 0);
    assert.ok(bad((v) => (v.data = { generate: 'moons', samples: 10 })).length > 0);
    assert.ok(bad((v) => (v.diagnose.vanish = 1)).length > 0);
  });
});
