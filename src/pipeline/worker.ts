/**
 * Worker-thread entry: runs its tasks one after another (vega's text metrics and SVG ids are
 * per-thread globals), keeping imported libraries and parsed fonts warm between them; it lives
 * for one build (the scheduler terminates its workers when the build has rendered).
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { BuildSession } from './sessions.js';
import { runTask, type Task, type WorkerSetup } from './tasks.js';
import { recordWorkerCpu } from './thread-cpu.js';

const setup = workerData as WorkerSetup;
/** This thread's session of the build: a worker lives for one build (render-step.ts closes it). */
const session = new BuildSession();
/** The benchmark's usage file (pipeline/thread-cpu.ts): this thread's CPU time after each task. */
const usageFile = process.env.BRIEFKIT_RUSAGE_FILE;
/** The task chain: one task at a time. */
let previous: Promise<unknown> = Promise.resolve();

parentPort?.on('message', ({ id, task }: { id: number; task: Task }) => {
  previous = previous.then(() =>
    runTask(setup, task, session)
      .finally(() => {
        if (usageFile) recordWorkerCpu(usageFile, threadId);
      })
      .then(
        (result) => parentPort?.postMessage({ id, ok: true, result }),
        (cause: unknown) =>
          parentPort?.postMessage({
            id,
            ok: false,
            error:
              cause instanceof Error
                ? { message: cause.message, stack: cause.stack }
                : { message: String(cause) },
          }),
      ),
  );
});
