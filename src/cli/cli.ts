// The command line as a function: main(argv, io) → exit status, so tests run it in-process.
// 0 done; 1 --fail-on matched, a check failed or the network overflowed; 2 usage or spec errors; 3 a bug.
import { parseArgs, UsageError, type ParsedArgs } from './args';
import { runCheck } from './check';
import { runGrad } from './grad';
import type { CliIo } from './io';
import { runTrain } from './train';
import { helpText, USAGE, VERSION } from './usage';

export function main(argv: readonly string[], io: CliIo): number {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`gradient-lens: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  try {
    switch (args.command) {
      case 'help':
        io.stdout(helpText() + '\n');
        return 0;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return 0;
      case 'train':
        return runTrain(io, args);
      case 'grad':
        return runGrad(io, args);
      case 'check':
        return runCheck(io, args);
    }
  } catch (err) {
    io.stderr(`gradient-lens: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 3;
  }
}
