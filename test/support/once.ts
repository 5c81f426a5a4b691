/**
 * Global setup shared by two vitest projects (vitest.config.ts: `e2e` and `e2e-isolated`):
 * vitest runs each project's global setup, so a step that both name would run twice (two
 * compiles of dist/, two pairs of baseline builds). The first call does the work; later calls
 * get its result. The state lives on `globalThis` because each project may load the setup file
 * as its own module instance.
 */
const KEY = Symbol.for('briefkit.test.globalSetupOnce');

type Store = Map<string, { result: Promise<unknown>; users: number }>;

function store(): Store {
  const holder = globalThis as { [KEY]?: Store };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/**
 * Runs `work` the first time `name` is asked for, and returns its result to every caller, with a
 * release function: `cleanUp` runs when the last caller has released (each project's teardown).
 */
export async function once<T>(
  name: string,
  work: () => Promise<T>,
  cleanUp: (result: T) => void = () => {},
): Promise<{ result: T; release: () => void }> {
  const entries = store();
  let entry = entries.get(name);
  if (!entry) {
    entry = { result: work(), users: 0 };
    entries.set(name, entry);
  }
  entry.users += 1;
  const result = (await entry.result) as T;
  const held = entry;
  let released = false;
  return {
    result,
    release: () => {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users === 0) {
        entries.delete(name);
        cleanUp(result);
      }
    },
  };
}
