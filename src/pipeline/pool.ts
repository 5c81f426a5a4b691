/**
 * The render scheduler: a priority queue served by "slots". A slot is either this thread
 * (no start-up cost) or a worker thread that keeps its libraries and parsed fonts warm
 * across tasks.
 */
import { type ResourceLimits, Worker } from 'node:worker_threads';

export interface TaskRunner<T, R> {
  /** Lower `priority` runs first; equal priorities run in submission order. */
  run(task: T, priority: number): Promise<R>;
  /** Tasks the runner works on at once: one in this thread, and each worker's held tasks. */
  readonly capacity: number;
  close(): Promise<void>;
}

export interface SchedulerOptions<T, R> {
  workers: number;
  /** Serve tasks in this thread too, one at a time. */
  inline?(task: T): Promise<R>;
  workerData: unknown;
  /** Each worker's heap limits (heap-limits.ts); a worker that runs out gives its tasks back. */
  resourceLimits?: ResourceLimits;
}

interface Pending<T, R> {
  task: T;
  priority: number;
  order: number;
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

/**
 * Tasks a worker holds at once: it runs them one after another, and the next is already there
 * when this thread is busy with a task of its own and cannot answer the worker's message.
 */
const WORKER_DEPTH = 3;

type WorkerMessage<R> =
  | { id: number; ok: true; result: R }
  | { id: number; ok: false; error: { message: string; stack?: string } };

interface Slot<T, R> {
  worker: Worker;
  inFlight: Map<number, Pending<T, R>>;
}

export function createScheduler<T, R>(options: SchedulerOptions<T, R>): TaskRunner<T, R> {
  const entry = workerEntry();
  const queue: Pending<T, R>[] = [];
  const slots: Slot<T, R>[] = [];
  let inlineBusy = false;
  let counter = 0;
  let failure: unknown;

  /** The most urgent queued task: lowest priority, then first submitted. */
  const take = (): Pending<T, R> | undefined => {
    let best = -1;
    queue.forEach((p, i) => {
      const current = queue[best];
      const before =
        !current ||
        p.priority < current.priority ||
        (p.priority === current.priority && p.order < current.order);
      if (before) best = i;
    });
    return best < 0 ? undefined : queue.splice(best, 1)[0];
  };

  const fail = (cause: unknown) => {
    failure = cause;
    for (const slot of slots) for (const job of slot.inFlight.values()) job.reject(cause);
    for (const job of queue.splice(0)) job.reject(cause);
  };

  /**
   * A worker out of heap: its tasks go back to the queue for this thread (which has no such
   * limit) and the others; the build goes on with one thread fewer. Any other error fails it.
   */
  const lost = (slot: Slot<T, R>, cause: unknown) => {
    const outOfMemory = (cause as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (!outOfMemory || !options.inline) return fail(cause);
    slots.splice(slots.indexOf(slot), 1);
    queue.push(...slot.inFlight.values());
    slot.inFlight.clear();
    dispatch();
  };

  const spawn = () => {
    const slot: Slot<T, R> = {
      worker: new Worker(entry.url, {
        workerData: options.workerData,
        execArgv: entry.execArgv,
        ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      }),
      inFlight: new Map(),
    };
    slot.worker.on('message', (message: WorkerMessage<R>) => {
      const job = slot.inFlight.get(message.id);
      slot.inFlight.delete(message.id);
      if (job && message.ok) job.resolve(message.result);
      else if (job && !message.ok) {
        const error = new Error(message.error.message);
        if (message.error.stack) error.stack = message.error.stack;
        job.reject(error);
      }
      dispatch();
    });
    slot.worker.on('error', (cause) => lost(slot, cause));
    slots.push(slot);
  };

  const runInline = (handle: (task: T) => Promise<R>, job: Pending<T, R>) => {
    inlineBusy = true;
    // Yield first so workers get their tasks before this thread blocks on one.
    setImmediate(() => {
      handle(job.task)
        .then(job.resolve, job.reject)
        .finally(() => {
          inlineBusy = false;
          dispatch();
        });
    });
  };

  const dispatch = () => {
    if (failure) return;
    // This thread first (its libraries may already be loaded), then the emptiest worker,
    // up to WORKER_DEPTH tasks each.
    const inline = options.inline;
    if (inline && !inlineBusy) {
      const job = take();
      if (job) runInline(inline, job);
    }
    for (;;) {
      const slot = [...slots].sort((a, b) => a.inFlight.size - b.inFlight.size)[0];
      if (!slot || slot.inFlight.size >= WORKER_DEPTH) break;
      const job = take();
      if (!job) break;
      slot.inFlight.set(job.order, job);
      slot.worker.postMessage({ id: job.order, task: job.task });
    }
  };

  for (let i = 0; i < options.workers; i++) spawn();

  return {
    get capacity() {
      return (options.inline ? 1 : 0) + slots.length * WORKER_DEPTH;
    },
    run(task, priority) {
      if (failure) return Promise.reject(failure);
      return new Promise<R>((resolve, reject) => {
        queue.push({ task, priority, order: counter++, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
