#!/usr/bin/env node
import { describeError, EXIT } from './errors.js';
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`whoowns: ${describeError(error)}\n`);
    process.exitCode = EXIT.usage;
  },
);
