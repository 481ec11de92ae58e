#!/usr/bin/env node
// The `gradient-lens` command: a thin launcher for the bundled CLI (dist/cli.js, made by `npm run build`).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('gradient-lens: dist/cli.js is missing; run `npm run build` in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
require(cli);
