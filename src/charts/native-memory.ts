/**
 * resvg's images live in native memory that V8 does not see, so V8 seldom runs the
 * collection whose finalizers free them: RSS grew ~2–4 MB per PNG without bound (measured).
 * A young-generation collection every few charts, after a tick so pending finalizers can run,
 * keeps it flat (80 PNGs: 70 MB instead of 227 MB, the same as a full collection): the
 * wrappers holding that memory die young. A full collection marked the whole heap each time,
 * a second or more of CPU per 100 charts in a large build (measured with --trace-gc).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options?: { type: 'minor' | 'major' }) => void;
/** V8's gc function, looked up once per thread: a handle on the runtime, no build's data. */
let collect: Collect | undefined;

function collector(): Collect {
  if (!collect) {
    const exposed = (globalThis as { gc?: Collect }).gc;
    if (exposed) collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as Collect;
    }
  }
  return collect;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

const CHARTS_BETWEEN_COLLECTIONS = 8;
/**
 * PNGs drawn by this thread, for the cadence of collections. Per thread, not per build, on
 * purpose: the native memory it frees is the thread's, whichever build drew the charts, and the
 * count only decides when to collect (no output depends on it).
 */
let drawnInThisThread = 0;

/** Call after each PNG: every few charts, lets pending native finalizers run and frees resvg's buffers. */
export async function afterPngDrawn(): Promise<void> {
  drawnInThisThread++;
  if (drawnInThisThread % CHARTS_BETWEEN_COLLECTIONS !== 0) return;
  await nextTick();
  collector()({ type: 'minor' });
  await nextTick();
}
