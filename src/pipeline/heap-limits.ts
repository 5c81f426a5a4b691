/**
 * How much heap a build lets V8 hold beyond what it uses. V8 sizes its next full collection
 * from the live heap times a growing factor that reaches 4× when the heap may grow to gigabytes
 * (the default on a machine with memory to spare), so a build whose live heap is 50–90 MB
 * peaked at 2–3× that in each thread (measured with --trace-gc at 1,000 one-pagers: the main
 * thread 231 MB before a collection that left 89 MB, its worker 167 MB → 48 MB). A worker gets
 * an old-generation limit, which also lowers V8's growing factor for it; a worker that runs
 * out of it is not a failed build: the scheduler gives its tasks back to this thread (pool.ts).
 * The main thread's heap limit is set when the process starts: instead, V8's flag
 * --heap-growing-percent (read at every collection, process-wide: workers too) fixes the
 * factor at 2.
 */

import { setFlagsFromString } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';

/** A worker's old generation: several times a worker's live heap at 1,000 one-pagers (48 MB). */
const WORKER_OLD_GENERATION_MB = 256;

/** The main thread's heap grows by at most this share of its live size between collections. */
const MAIN_HEAP_GROWING_PERCENT = 100;

function fromEnv(name: string, fallback: number): number {
  const set = process.env[name];
  return set !== undefined && /^\d+$/.test(set) ? Number(set) : fallback;
}

export function workerResourceLimits(): ResourceLimits {
  const mb = fromEnv('BRIEFKIT_WORKER_HEAP_MB', WORKER_OLD_GENERATION_MB);
  return mb > 0 ? { maxOldGenerationSizeMb: mb } : {};
}

/**
 * Whether V8's heap-growth flag has been set in this process: setFlagsFromString changes the whole
 * isolate for its lifetime, so it is set once (a second build in the same process, as watch
 * mode runs, must not set it again) and module scope is exactly that lifetime.
 */
let applied = false;

/** Once per process, before the build's heavy work: the main thread's heap growth. */
export function limitHeapGrowth(): void {
  if (applied) return;
  applied = true;
  const percent = fromEnv('BRIEFKIT_HEAP_GROWING_PERCENT', MAIN_HEAP_GROWING_PERCENT);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
