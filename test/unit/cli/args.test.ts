// The command-line grammar and its usage errors (exit 2 with the usage on stderr).
import { strict as assert } from 'node:assert';
import { parseArgs, UsageError } from '../../../src/cli/args';
import { runCli } from './harness';

describe('cli arguments', () => {
  it('parses train with every flag, in both --flag value and --flag=value forms', () => {
    assert.deepEqual(parseArgs(['train', 'a.nn.yaml', '--json', '--trace', '--iterations', '5', '--fail-on=error']), {
      command: 'train',
      spec: 'a.nn.yaml',
      json: true,
      trace: true,
      iterations: 5,
      failOn: 'error',
    });
    assert.deepEqual(parseArgs(['grad', '--json', 'b.nn.json']), { command: 'grad', spec: 'b.nn.json', json: true, trace: false });
    assert.deepEqual(parseArgs(['check', 'x', '--help']), { command: 'help' });
  });

  const bad: [string[], RegExp][] = [
    [[], /missing command/],
    [['fly', 'a'], /unknown command 'fly'/],
    [['train', 'a', '--bogus'], /unknown option '--bogus'/],
    [['train', 'a', '-x'], /unknown option '-x'/],
    [['train'], /'train' needs a spec file/],
    [['train', 'a', 'b'], /takes one spec file, got 2/],
    [['train', 'a', '--iterations', '0'], /--iterations needs a whole number of at least 1, got '0'/],
    [['train', 'a', '--iterations', '2.5'], /whole number/],
    [['train', 'a', '--iterations'], /--iterations needs a value/],
    [['train', 'a', '--fail-on', 'info'], /--fail-on takes 'warning' or 'error', got 'info'/],
    [['grad', 'a', '--trace'], /--trace does not apply to 'grad'/],
    [['train', 'a', '--json=yes'], /--json takes no value/],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${JSON.stringify(argv)}: exit 2, message and usage on stderr`, () => {
      assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message));
      const run = runCli(argv);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^gradient-lens: /);
      assert.match(run.stderr, /usage: gradient-lens train <spec>/);
    });
  }

  it('--help prints the usage and the thresholds; --version the package version', () => {
    const help = runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /gradient-lens check <spec>/);
    assert.match(help.stdout, /vanishing\s+1e-8\s/);
    const version = runCli(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), require('../../../package.json').version);
  });
});
