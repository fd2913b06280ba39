#!/usr/bin/env node
import { describeError, EXIT } from './errors.js';
import { main } from './main.js';

// A reader that stops early (`whoowns scan -f json | head`) closes the pipe: that is not an error
// to report with a stack trace; the scan's outcome stands.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`whoowns: cannot write the output: ${error.message}\n`);
  process.exit(EXIT.usage);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`whoowns: ${describeError(error)}\n`);
    process.exitCode = EXIT.usage;
  },
);
