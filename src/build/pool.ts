/**
 * A small worker pool: N worker threads, each keeping its imported libraries and parsed
 * fonts warm across tasks. Tasks are handed out in order as workers free up.
 * With one job the tasks run in this thread: no worker start-up cost.
 */
import { Worker } from 'node:worker_threads';

export interface TaskRunner<T, R> {
  run(task: T): Promise<R>;
  close(): Promise<void>;
}

interface Pending<T, R> {
  task: T;
  resolve(result: R): void;
  reject(cause: unknown): void;
}

/** The worker script beside this module; under tsx (tests) the .ts source with tsx's loader. */
function workerEntry(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  const isTs = here.endsWith('.ts');
  return {
    url: new URL(isTs ? './worker.ts' : './worker.js', here),
    execArgv: isTs ? ['--import', 'tsx'] : [],
  };
}

export function createWorkerPool<T, R>(size: number, workerData: unknown): TaskRunner<T, R> {
  const entry = workerEntry();
  const queue: Pending<T, R>[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending<T, R>>();
  const workers: Worker[] = [];
  let failure: unknown;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as Pending<T, R>;
      busy.set(worker, job);
      worker.postMessage(job.task);
    }
  };

  for (let i = 0; i < size; i++) {
    const worker = new Worker(entry.url, { workerData, execArgv: entry.execArgv });
    workers.push(worker);
    idle.push(worker);
    worker.on('message', (message: { ok: true; result: R } | { ok: false; error: unknown }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (job) {
        if (message.ok) job.resolve(message.result);
        else job.reject(message.error);
      }
      dispatch();
    });
    worker.on('error', (cause) => {
      failure = cause;
      const job = busy.get(worker);
      busy.delete(worker);
      job?.reject(cause);
      for (const pending of queue.splice(0)) pending.reject(cause);
    });
  }

  return {
    run(task) {
      if (failure) return Promise.reject(failure);
      return new Promise<R>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Runs tasks in this thread, one at a time, with the same interface as the pool. */
export function createInlineRunner<T, R>(handle: (task: T) => Promise<R>): TaskRunner<T, R> {
  return { run: handle, close: async () => {} };
}
