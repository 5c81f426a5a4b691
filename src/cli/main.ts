#!/usr/bin/env node
/** The `briefkit` executable: the only place that reads argv or calls process.exit. */
import { writeFileSync } from 'node:fs';
import { collectThreadCpu } from '../pipeline/thread-cpu.js';
import { processIo } from './io.js';
import { run } from './run.js';

// The benchmark asks for this process's CPU time and peak memory (worker threads included),
// and each JS thread's CPU time (pipeline/thread-cpu.ts).
const usageFile = process.env.BRIEFKIT_RUSAGE_FILE;
if (usageFile) {
  process.on('exit', () =>
    writeFileSync(
      usageFile,
      JSON.stringify({ ...process.resourceUsage(), threadCpuMs: collectThreadCpu(usageFile) }),
    ),
  );
}

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
