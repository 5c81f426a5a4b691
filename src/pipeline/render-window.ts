/**
 * How many documents a build has under way at once. Each started document holds its drawn
 * charts (SVG and PNG) and, once they are drawn, its unpacked model until its render task is
 * done. Started all at once, the threads drew charts faster than they rendered documents, and
 * the waiting documents held ~200 MB at 1,000 one-pagers (a heap snapshot: models and charts
 * in suspended render frames). A few per render slot keep every slot fed.
 */
export const DOCUMENTS_PER_SLOT = 2;

export interface Window {
  /** Starts `work` once fewer than the window's size are under way, in the order given. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createWindow(size: number): Window {
  let active = 0;
  const waiting: (() => void)[] = [];
  let head = 0;
  const next = () => {
    while (active < Math.max(1, size) && head < waiting.length) {
      const start = waiting[head];
      waiting[head] = () => {};
      head++;
      active++;
      start?.();
    }
  };
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          Promise.resolve()
            .then(work)
            .then(resolve, reject)
            .finally(() => {
              active--;
              next();
            });
        });
        next();
      });
    },
  };
}
