/**
 * The render scheduler: a priority queue served by "slots". A slot is either this thread
 * (no start-up cost) or a worker thread that keeps its libraries and parsed fonts warm
 * across tasks.
 */
import { Worker } from 'node:worker_threads';

export interface TaskRunner<T, R> {
  /** Lower `priority` runs first; equal priorities run in submission order. */
  run(task: T, priority: number): Promise<R>;
  close(): Promise<void>;
}

export interface SchedulerOptions<T, R> {
  workers: number;
  /** Serve tasks in this thread too; `accepts` may refuse some tasks here. */
  inline?: { handle(task: T): Promise<R>; accepts(task: T): boolean };
  workerData: unknown;
}

interface Pending<T, R> {
  task: T;
  priority: number;
  order: number;
  resolve(result: R): void;
  reject(cause: unknown): void;
}

type WorkerMessage<R> = { ok: true; result: R } | { ok: false; error: { message: string; stack?: string } };

/** The worker script beside this module; under tsx (tests) the .ts source with tsx's loader. */
function workerEntry(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  const isTs = here.endsWith('.ts');
  return {
    url: new URL(isTs ? './worker.ts' : './worker.js', here),
    execArgv: isTs ? ['--import', 'tsx'] : [],
  };
}

export function createScheduler<T, R>(options: SchedulerOptions<T, R>): TaskRunner<T, R> {
  const entry = workerEntry();
  const queue: Pending<T, R>[] = [];
  const idle: Worker[] = [];
  const live = new Set<Worker>();
  let inlineBusy = false;
  let counter = 0;

  const take = (fits: (task: T) => boolean): Pending<T, R> | undefined => {
    let best = -1;
    queue.forEach((p, i) => {
      const current = queue[best];
      if (
        fits(p.task) &&
        (!current ||
          p.priority < current.priority ||
          (p.priority === current.priority && p.order < current.order))
      ) {
        best = i;
      }
    });
    return best < 0 ? undefined : queue.splice(best, 1)[0];
  };

  const spawn = () => {
    const worker = new Worker(entry.url, { workerData: options.workerData, execArgv: entry.execArgv });
    live.add(worker);
    idle.push(worker);
    return worker;
  };

  const runOnWorker = (worker: Worker, job: Pending<T, R>) => {
    const onMessage = (message: WorkerMessage<R>) => {
      cleanup();
      if (message.ok) {
        job.resolve(message.result);
        idle.push(worker);
      } else {
        const failure = new Error(message.error.message);
        if (message.error.stack) failure.stack = message.error.stack;
        job.reject(failure);
        idle.push(worker);
      }
      dispatch();
    };
    const onError = (cause: unknown) => {
      cleanup();
      live.delete(worker);
      job.reject(cause);
      for (const pending of queue.splice(0)) pending.reject(cause);
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(job.task);
  };

  const dispatch = () => {
    const inline = options.inline;
    if (inline && !inlineBusy) {
      const job = take((task) => inline.accepts(task));
      if (job) {
        inlineBusy = true;
        // Yield first so workers get their tasks before this thread blocks on one.
        setImmediate(() => {
          inline
            .handle(job.task)
            .then(job.resolve, job.reject)
            .finally(() => {
              inlineBusy = false;
              dispatch();
            });
        });
      }
    }
    while (idle.length > 0) {
      const job = take(() => true);
      if (!job) break;
      runOnWorker(idle.pop() as Worker, job);
    }
  };

  for (let i = 0; i < options.workers; i++) spawn();

  return {
    run(task, priority) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ task, priority, order: counter++, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}
