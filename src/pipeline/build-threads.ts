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
 * The estimate above which workers start; `BRIEFKIT_WORKER_MIN_MS` overrides it, so a test of
 * `--jobs 2` on a small project really runs workers (test/build/reproducible.test.ts).
 */
export function workerThresholdMs(env: Record<string, string | undefined>): number {
  const set = env.BRIEFKIT_WORKER_MIN_MS;
  return set !== undefined && /^\d+$/.test(set) ? Number(set) : WORK_PER_EXTRA_THREAD_MS;
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
