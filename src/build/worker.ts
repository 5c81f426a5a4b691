/** Worker-thread entry: warms the renderers up, then serves tasks, keeping libraries and fonts warm. */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type Task, type WorkerSetup, warmUp } from './tasks.js';

const setup = workerData as WorkerSetup;
// Tasks that arrive during the warm-up wait for it: the imports would be paid either way.
const ready = warmUp().catch(() => undefined);

parentPort?.on('message', (task: Task) => {
  ready
    .then(() => runTask(setup, task))
    .then(
      (result) => parentPort?.postMessage({ ok: true, result }),
      (cause: unknown) =>
        parentPort?.postMessage({
          ok: false,
          error:
            cause instanceof Error
              ? { message: cause.message, stack: cause.stack }
              : { message: String(cause) },
        }),
    );
});
