// Entry point of dist/cli.js (bin/gradient-lens.js requires it): runs the command line on process.argv.
import { main } from './cli';
import { nodeIo } from './io';

process.exitCode = main(process.argv.slice(2), nodeIo());
