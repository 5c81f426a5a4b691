/** Worker-thread entry: serves tasks, keeping imported libraries and parsed fonts warm between them. */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type Task, type WorkerSetup } from './tasks.js';

const setup = workerData as WorkerSetup;

parentPort?.on('message', (task: Task) => {
  runTask(setup, task).then(
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
