// The command line's grammar, parsed by hand (no argument library): a command, one spec path, and flags.
//   gradient-lens train <spec> [--json] [--trace] [--iterations N] [--fail-on warning|error]
//   gradient-lens grad  <spec> [--json]
//   gradient-lens check <spec> [--json]
//   gradient-lens --help | --version
// `--flag=value` and `--flag value` both work. Anything else is a UsageError (exit 2 with the usage).

export type Command = 'train' | 'grad' | 'check';
export type FailOn = 'warning' | 'error';

export interface CliArgs {
  command: Command;
  spec: string;
  json: boolean;
  trace: boolean;
  iterations?: number;
  failOn?: FailOn;
}

export type ParsedArgs = CliArgs | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

const COMMANDS: readonly Command[] = ['train', 'grad', 'check'];

/** The flags each command accepts; `value` flags take an argument. */
const FLAGS: Record<string, { value: boolean; commands: readonly Command[] }> = {
  '--json': { value: false, commands: COMMANDS },
  '--trace': { value: false, commands: ['train'] },
  '--iterations': { value: true, commands: ['train'] },
  '--fail-on': { value: true, commands: ['train'] },
};

function isCommand(word: string): word is Command {
  return (COMMANDS as readonly string[]).includes(word);
}

function positiveInteger(flag: string, text: string): number {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${flag} needs a whole number of at least 1, got '${text}'`);
  }
  return Number(text);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { command: 'help' };
  if (argv.some((a) => a === '--version' || a === '-V')) return { command: 'version' };
  if (argv.length === 0) throw new UsageError('missing command');
  const [word, ...rest] = argv;
  if (!isCommand(word)) {
    throw new UsageError(word.startsWith('-') ? `unknown option '${word}'` : `unknown command '${word}'`);
  }
  const args: CliArgs = { command: word, spec: '', json: false, trace: false };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg !== '-' && arg !== '--') throw new UsageError(`unknown option '${arg}'`);
      if (arg !== '--') positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const known = FLAGS[flag];
    if (!known) throw new UsageError(`unknown option '${flag}'`);
    if (!known.commands.includes(word)) throw new UsageError(`${flag} does not apply to '${word}'`);
    let value: string | undefined;
    if (known.value) {
      value = eq >= 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    } else if (eq >= 0) {
      throw new UsageError(`${flag} takes no value`);
    }
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--trace':
        args.trace = true;
        break;
      case '--iterations':
        args.iterations = positiveInteger(flag, value!);
        break;
      case '--fail-on':
        if (value !== 'warning' && value !== 'error') throw new UsageError(`--fail-on takes 'warning' or 'error', got '${value}'`);
        args.failOn = value;
        break;
    }
  }
  if (positional.length === 0) throw new UsageError(`'${word}' needs a spec file`);
  if (positional.length > 1) throw new UsageError(`'${word}' takes one spec file, got ${positional.length}: ${positional.join(' ')}`);
  args.spec = positional[0];
  return args;
}
