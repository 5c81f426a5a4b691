/**
 * How many threads render a build: this one, plus workers when the dirty work is big enough to
 * repay their start-up.
 */

import { workerResourceLimits } from './heap-limits.js';
import { createScheduler, type TaskRunner } from './pool.js';
import type { Workload } from './render-step.js';
import type { BuildSession } from './sessions.js';
import { runTask, type Task, type TaskResult, type WorkerSetup } from './tasks.js';

/**
 * Render threads: this thread, plus jobs-1 workers when the work is big enough to repay a
 * worker's start-up (importing vega and the renderers' libraries and shaping its first text: about a
 * second of CPU, measured). Workers hold a few tasks ahead (pool.ts), so they do not wait
 * while this thread renders.
 */
const WORK_PER_EXTRA_THREAD_MS = 1500;

/**
 * The estimate above which the default job count (no `--jobs`) starts workers. Measured on the
 * 2-core machine (interleaved runs, CHANGELOG session 11): a worker made the shipped project's
 * cold build (estimate 1,850 ms) slower, and 100 one-pagers (estimate 10,000 ms) no faster:
 * its own start-up (imports, fonts, code compiled again, its heap) costs about as much CPU as
 * it takes off this thread, and V8's compiler and collector threads already use the second
 * core of a one-thread build. `--jobs N` asks for the threads, and keeps the lower threshold.
 */
const AUTO_WORK_PER_EXTRA_THREAD_MS = 20000;

/**
 * The estimate above which workers start: `auto` is the default job count (no `--jobs`).
 * `BRIEFKIT_WORKER_MIN_MS` overrides both, so a test of `--jobs 2` on a small project really
 * runs workers (test/build/reproducible.test.ts).
 */
export function workerThresholdMs(env: Record<string, string | undefined>, auto = false): number {
  const set = env.BRIEFKIT_WORKER_MIN_MS;
  if (set !== undefined && /^\d+$/.test(set)) return Number(set);
  return auto ? AUTO_WORK_PER_EXTRA_THREAD_MS : WORK_PER_EXTRA_THREAD_MS;
}

export function startScheduler(
  setup: WorkerSetup,
  jobs: number,
  work: Workload,
  thresholdMs: number,
  session: BuildSession,
): TaskRunner<Task, TaskResult> {
  const workers = work.estimateMs >= thresholdMs ? jobs - 1 : 0;
  return createScheduler<Task, TaskResult>({
    workers,
    workerData: setup,
    resourceLimits: workerResourceLimits(),
    inline: (task) => runTask(setup, task, session),
  });
}
