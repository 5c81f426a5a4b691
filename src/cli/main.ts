#!/usr/bin/env node
/** The `briefkit` executable: the only place that reads argv or calls process.exit. */
import { processIo } from './io.js';
import { run } from './run.js';

run(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (cause: unknown) => {
    // Anything reaching here is a bug, not a user mistake: one line, no stack unless asked.
    const message = cause instanceof Error ? cause.message : String(cause);
    process.stderr.write(`briefkit: internal error: ${message}\n`);
    if (process.env.BRIEFKIT_DEBUG && cause instanceof Error) process.stderr.write(`${cause.stack}\n`);
    process.exitCode = 3;
  },
);
